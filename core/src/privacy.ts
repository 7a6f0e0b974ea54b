import { z } from 'zod';
import { phoneInputSchema } from './organisations.ts';

/**
 * "What do we hold about this phone number?" — the answer an office gives a resident who asks,
 * built for administrators: every record in their subtree that stores the number, by kind, with
 * the number itself shown masked. Asking is audited like any reveal.
 */
export const phoneReportQuerySchema = z.object({ phone: phoneInputSchema });
export type PhoneReportQuery = z.infer<typeof phoneReportQuerySchema>;

export const phoneHoldingKinds = ['person', 'user', 'organisation_contact', 'resource_contact', 'case_submitter', 'need_submitter'] as const;
export type PhoneHoldingKind = (typeof phoneHoldingKinds)[number];

export const phoneHoldingSchema = z.object({
  kind: z.enum(phoneHoldingKinds),
  id: z.number().int(),
  /** The record's name or title (a person's name, a request's title). */
  label: z.string(),
  divisionName: z.string().nullable(),
  /** A request's state, a record's archived flag: what happens to the number next. */
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type PhoneHolding = z.infer<typeof phoneHoldingSchema>;

export const phoneReportSchema = z.object({
  phoneMasked: z.string(),
  holdings: z.array(phoneHoldingSchema),
  /**
   * Public votes keep only a one-way hash of the number: counted, never shown. They belong to no
   * division, so only a system administrator sees the count (null for others).
   */
  hashedOnly: z.object({ voteCodes: z.number().int().nullable() }),
  retentionMonths: z.number().int(),
});
export type PhoneReport = z.infer<typeof phoneReportSchema>;
