import { z } from 'zod';
import { caseCategories } from './cases.ts';
import { normalisePhone } from './phone.ts';

/*
 * The public portal: submit a wish, help request, question, idea or opinion without signing in,
 * then track it with the ticket number and the phone's last four digits. Nothing here ever
 * carries a staff note, a handler's name or another person's data.
 */

/** `TX` + the Shanghai date (yymmdd) + `-` + eight Crockford base32 characters. */
export const ticketPattern = /^TX\d{6}-[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * Read a ticket number as people type it: case, spaces and the letters Crockford base32 leaves
 * out (O for 0, I and L for 1) do not matter.
 *
 * @example
 * normaliseTicket(' tx261125-k7q4mz3p ') // "TX261125-K7Q4MZ3P"
 */
export function normaliseTicket(input: string): string {
  const upper = input.trim().toUpperCase().replace(/\s+/g, '');
  const dash = upper.indexOf('-');
  if (dash < 0) return upper;
  return upper.slice(0, dash + 1) + upper.slice(dash + 1).replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** A mainland mobile: the portal calls back, so a landline extension will not do. */
const mobile = z
  .string()
  .max(40)
  .transform(normalisePhone)
  .refine((value) => /^1[3-9]\d{9}$/.test(value), { error: 'validation.phone' });

export const challengeSchema = z.object({
  /** e.g. "7 + 5 = ?" */
  question: z.string(),
  /** Signed by the server; send it back with the answer. Valid for ten minutes, once. */
  token: z.string(),
  expiresAt: z.string(),
});

export const portalSubmitSchema = z.strictObject({
  category: z.enum(caseCategories),
  divisionId: z.number().int().positive(),
  title: z.string().trim().min(1).max(60),
  content: z.string().trim().min(1).max(2000),
  name: z.string().trim().max(40).optional(),
  phone: mobile,
  /** Text me about this ticket (received, replied, closed): no tick, no SMS. Stored with the ticket. */
  notifyConsent: z.boolean().default(false),
  /** For a wish: the date it should be met by. */
  wantedBy: z.iso.date().optional(),
  challengeToken: z.string().min(1).max(500),
  challengeAnswer: z.number().int().min(-1000).max(1000),
  /** The same key twice (double click, retry) gives the same ticket; the header Idempotency-Key works too. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/).optional(),
});
export type PortalSubmit = z.infer<typeof portalSubmitSchema>;

export const portalReceiptSchema = z.object({
  ticketNo: z.string(),
  category: z.enum(caseCategories),
  submittedAt: z.string(),
});

export const portalTrackSchema = z.strictObject({
  ticketNo: z.string().trim().min(1).max(40).transform(normaliseTicket),
  phoneLast4: z.string().regex(/^\d{4}$/, { error: 'validation.phone_last4' }),
});

/** Public statuses: internal steps (a return, a re-dispatch) read as "being handled". */
export const portalStatuses = ['received', 'awaiting_review', 'open', 'in_progress', 'claimed', 'fulfilled', 'replied', 'closed', 'withdrawn', 'expired'] as const;

export const portalTrackResultSchema = z.object({
  ticketNo: z.string(),
  category: z.enum(caseCategories),
  title: z.string(),
  divisionName: z.string(),
  status: z.enum(portalStatuses),
  submittedAt: z.string(),
  /** Public steps only, oldest first; `unitName` is the unit or organisation, never a person. */
  steps: z.array(z.object({ at: z.string(), step: z.string(), label: z.string(), unitName: z.string().nullable(), note: z.string().nullable() })),
  reply: z.object({ text: z.string(), at: z.string() }).nullable(),
});
export type PortalTrackResult = z.infer<typeof portalTrackResultSchema>;

export const portalDivisionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  level: z.string(),
  hasChildren: z.boolean(),
  /** Names from the top, e.g. ["上海市", "青浦区", "华新镇", "华新村"]. */
  pathNames: z.array(z.string()),
});

export const portalDivisionQuerySchema = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(30).optional(),
});
