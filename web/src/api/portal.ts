import type { CaseCategory, PortalPhotoReceipt, PortalTrackResult } from '@tongxin/core';
import { api } from './client.ts';

/** The public portal: no sign-in. */
export interface Challenge {
  question: string;
  token: string;
  expiresAt: string;
}

export interface PortalDivision {
  id: number;
  name: string;
  level: string;
  hasChildren: boolean;
  pathNames: string[];
}

export interface PortalReceipt {
  ticketNo: string;
  category: CaseCategory;
  submittedAt: string;
}

export interface PortalSubmission {
  category: CaseCategory;
  divisionId: number;
  title: string;
  content: string;
  name?: string;
  phone: string;
  /** Text me about this ticket (received, replied, closed). */
  notifyConsent?: boolean;
  wantedBy?: string;
  challengeToken: string;
  challengeAnswer: number;
  idempotencyKey: string;
}

export const portalKeys = {
  challenge: (round: number) => ['portal', 'challenge', round] as const,
  divisions: (parentId: number | null, q: string) => ['portal', 'divisions', parentId, q] as const,
};

export const fetchChallenge = () => api.get<Challenge>('/api/portal/challenge');
export const fetchPortalDivisions = (parentId: number | null, q?: string) => api.get<PortalDivision[]>('/api/portal/divisions', { parentId, q: q || undefined });
export const submitToPortal = (input: PortalSubmission) => api.post<PortalReceipt>('/api/portal/submissions', input);
export const trackTicket = (ticketNo: string, phoneLast4: string) => api.post<PortalTrackResult>('/api/portal/track', { ticketNo, phoneLast4 });

/** Add one photo to a ticket just submitted, proven by the ticket number and the phone's last four digits. */
export function addPortalPhoto(ticketNo: string, phoneLast4: string, file: File): Promise<PortalPhotoReceipt> {
  const form = new FormData();
  // The proof before the file: the server checks it before reading the upload.
  form.append('ticketNo', ticketNo);
  form.append('phoneLast4', phoneLast4);
  form.append('file', file, file.name);
  return api.upload<PortalPhotoReceipt>('/api/portal/photos', form);
}
