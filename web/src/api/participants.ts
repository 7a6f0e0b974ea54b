import type { Attachment, EventOut, Need } from '@tongxin/core';
import { request, setCsrfToken } from './client.ts';

/** The phone pages' calls (participants: invitation, SMS sign-in, my events, check-in). */
export interface ParticipantMe {
  userId: number;
  displayName: string;
  phone: string | null;
  roles: string[];
  organisation: { id: number; name: string; divisionId: number } | null;
}

type Session = { csrfToken: string; expiresAt: string };

export const sendSmsCode = (phone: string) => request<{ expiresInSeconds: number }>('/api/public/participant-codes', { method: 'POST', body: { phone }, quietUnauthenticated: true });

export async function signInWithCode(phone: string, code: string): Promise<void> {
  setCsrfToken((await request<Session>('/api/auth/sign-in/code', { method: 'POST', body: { phone, code }, quietUnauthenticated: true })).csrfToken);
}

export const previewInvitation = (token: string) =>
  request<{ organisationName: string; role: string; displayName: string | null; expiresAt: string }>(`/api/public/invitations/${encodeURIComponent(token)}`, { quietUnauthenticated: true });

export async function acceptInvitation(body: { token: string; phone: string; code: string; displayName: string }): Promise<void> {
  setCsrfToken((await request<Session>('/api/public/invitations/accept', { method: 'POST', body, quietUnauthenticated: true })).csrfToken);
}

export const participantMe = () => request<ParticipantMe>('/api/participant/me', { quietUnauthenticated: true });
export const myEvents = () => request<EventOut[]>('/api/participant/events', { quietUnauthenticated: true });
export const registerForEvent = (id: number) => request<EventOut>(`/api/events/${id}/registrations`, { method: 'POST' });
export const checkIn = (id: number, code: string) => request<{ checkedInAt: string; already: boolean; checkedIn: number }>(`/api/events/${id}/check-in`, { method: 'POST', body: { code }, quietUnauthenticated: true });

/** Needs my organisation has claimed, and their photos (progress and completion). */
export const myClaimedNeeds = () => request<Need[]>('/api/participant/needs');
export const needPhotos = (needId: number) => request<Attachment[]>(`/api/participant/needs/${needId}/photos`);
export function uploadNeedPhoto(needId: number, file: File | Blob, fileName?: string): Promise<Attachment> {
  const form = new FormData();
  if (fileName) form.append('file', file, fileName);
  else form.append('file', file);
  return request<Attachment>(`/api/participant/needs/${needId}/photos`, { method: 'POST', form });
}
export const participantPhotoUrl = (id: number) => `/api/participant/photos/${id}`;
