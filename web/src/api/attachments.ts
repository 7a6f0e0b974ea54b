import type { Attachment, AttachmentOwnerType } from '@tongxin/core';
import { api } from './client.ts';

/** Upload one file for a record (multipart field `file`); the server checks its type and size. */
export function uploadAttachment(ownerType: AttachmentOwnerType, ownerId: number, file: File | Blob, fileName?: string): Promise<Attachment> {
  const form = new FormData();
  if (fileName) form.append('file', file, fileName);
  else form.append('file', file);
  return api.upload<Attachment>(`/api/attachments?ownerType=${ownerType}&ownerId=${ownerId}`, form);
}

/** Where the browser loads a file from (same origin, session cookie). */
export function attachmentContentUrl(id: number): string {
  return `/api/attachments/${id}/content`;
}

/** A photo's small WebP (made by the server on first request). */
export function attachmentThumbnailUrl(id: number): string {
  return `/api/attachments/${id}/thumbnail`;
}

export const attachmentAccept = 'image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx';
export const imageAccept = 'image/jpeg,image/png,image/webp';

/** A record's live files (the server checks the record's scope). */
export function fetchAttachments(ownerType: AttachmentOwnerType, ownerId: number): Promise<Attachment[]> {
  return api.get<Attachment[]>('/api/attachments', { ownerType, ownerId });
}
