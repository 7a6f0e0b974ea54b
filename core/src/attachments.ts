import { z } from 'zod';
import { workRefSchema } from './projects.ts';

/** The records a file can belong to. */
export const attachmentOwnerTypes = ['project', 'milestone', 'activity', 'liaison_contact', 'case', 'need'] as const;
export type AttachmentOwnerType = (typeof attachmentOwnerTypes)[number];

/** What the server accepts, decided from the file's first bytes, never from its name. */
export const allowedAttachmentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type AttachmentContentType = (typeof allowedAttachmentTypes)[number];

/** 10 MB per file. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

export const attachmentSchema = z.object({
  id: z.number().int(),
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string(),
  uploadedBy: workRefSchema.nullable(),
  createdAt: z.string(),
  deleted: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentOwnerQuerySchema = z.object({
  ownerType: z.enum(attachmentOwnerTypes),
  ownerId: z.coerce.number().int().positive(),
});
export type AttachmentOwnerQuery = z.infer<typeof attachmentOwnerQuerySchema>;

/**
 * Photos a resident may add on the portal right after submitting: how many per ticket, and for how
 * long after the submission (the proof, ticket number + phone's last four digits, is weak).
 */
export const portalPhotoLimits = { perTicket: 3, windowMinutes: 30 } as const;

/** What the portal answers for a stored photo: no id, no link (the public never reads it back). */
export const portalPhotoReceiptSchema = z.object({
  fileName: z.string(),
  size: z.number().int(),
  count: z.number().int(),
});
export type PortalPhotoReceipt = z.infer<typeof portalPhotoReceiptSchema>;
