import { z } from 'zod';
import { clearableText, ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';

/**
 * Charity and aid campaigns (慈善/帮扶): a target, a period, a beneficiary; pledges (认捐) by
 * organisations, paid at once by a due date or in instalments; receipts (到账) against pledges.
 * Every amount is integer fen (`*Fen`); the web shows 万元 with core's `formatFen`. Progress
 * figures come from core's `campaignProgress` (money.ts), in BigInt, so sums are exact.
 */

const id = z.number().int().positive();
/** A positive amount in fen, at most 2^53 − 1 (90万亿元), so it stays exact in JSON. */
export const positiveFenSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const campaignProgressSchema = z.object({
  targetFen: z.number().int(),
  pledgedFen: z.number().int(),
  receivedFen: z.number().int(),
  /** Σ over pledges of what is still to come (an overpaid pledge does not offset another). */
  outstandingFen: z.number().int(),
  /** Fractions (0.576 = 57.6 %); null without a target or pledges. */
  pledgedOfTarget: z.number().nullable(),
  receivedOfTarget: z.number().nullable(),
  receivedOfPledged: z.number().nullable(),
  overdueCount: z.number().int(),
  overdueFen: z.number().int(),
});
export type CampaignProgressOutput = z.infer<typeof campaignProgressSchema>;

export const campaignSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  targetFen: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  beneficiaryDivisionId: z.number().int().nullable(),
  beneficiaryDivisionName: z.string().nullable(),
  beneficiaryName: z.string().nullable(),
  description: z.string().nullable(),
  progress: campaignProgressSchema,
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const overduePledgeSchema = z.object({
  campaignId: z.number().int(),
  campaignTitle: z.string(),
  pledgeId: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  /** What was due by yesterday (Shanghai), what came in, and the shortfall. */
  dueFen: z.number().int(),
  receivedFen: z.number().int(),
  shortFen: z.number().int(),
});

export const campaignDetailSchema = campaignSchema.extend({
  byDonor: z.array(z.object({ organisationId: z.number().int(), organisationName: z.string(), pledgedFen: z.number().int(), receivedFen: z.number().int() })),
  overduePledges: z.array(overduePledgeSchema),
  allowed: z.array(z.string()),
});

function checkPeriod(value: { startDate?: string | undefined; endDate?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.end_before_start' });
}

const campaignFields = {
  divisionId: id,
  title: z.string().trim().min(1).max(120),
  targetFen: positiveFenSchema,
  startDate: ymdDateSchema,
  endDate: ymdDateSchema.nullable().optional(),
  beneficiaryDivisionId: id.nullable().optional(),
  beneficiaryName: clearableText(100),
  description: clearableText(2000),
};

export const campaignCreateSchema = z.object(campaignFields).superRefine(checkPeriod);
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z
  .object({ ...campaignFields, version: id })
  .partial({ divisionId: true, title: true, targetFen: true, startDate: true, endDate: true, beneficiaryDivisionId: true, beneficiaryName: true, description: true })
  .superRefine(checkPeriod);
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

export const campaignListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  /** Campaigns running at some point of this calendar year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type CampaignListQuery = z.infer<typeof campaignListQuerySchema>;

// ---- Pledges ----

export const instalmentSchema = z.object({ dueDate: ymdDateSchema, amountFen: positiveFenSchema });

export const pledgeSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  amountFen: z.number().int(),
  pledgedOn: z.string(),
  dueDate: z.string().nullable(),
  instalments: z.array(z.object({ dueDate: z.string(), amountFen: z.number().int() })),
  receivedFen: z.number().int(),
  outstandingFen: z.number().int(),
  /** Due by yesterday but not received (0 when on time). */
  overdueFen: z.number().int(),
  note: z.string().nullable(),
  cancelled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PledgeOutput = z.infer<typeof pledgeSchema>;

/** Instalments, when given, must add up to the pledge exactly (in fen) and replace the due date. */
function checkInstalments(value: { amountFen?: number | undefined; dueDate?: string | null | undefined; instalments?: Array<{ amountFen: number }> | undefined }, ctx: z.RefinementCtx) {
  if (!value.instalments || value.instalments.length === 0) return;
  if (value.dueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'validation.due_date_or_instalments' });
  const sum = value.instalments.reduce((s, i) => s + BigInt(i.amountFen), 0n);
  if (value.amountFen !== undefined && sum !== BigInt(value.amountFen)) ctx.addIssue({ code: 'custom', path: ['instalments'], message: 'validation.instalments_sum' });
}

export const pledgeCreateSchema = z
  .object({
    organisationId: id,
    amountFen: positiveFenSchema,
    pledgedOn: ymdDateSchema,
    dueDate: ymdDateSchema.nullable().optional(),
    instalments: z.array(instalmentSchema).max(120).optional(),
    note: clearableText(500),
  })
  .superRefine(checkInstalments);
export type PledgeCreate = z.infer<typeof pledgeCreateSchema>;

export const pledgeUpdateSchema = z
  .object({
    amountFen: positiveFenSchema.optional(),
    pledgedOn: ymdDateSchema.optional(),
    dueDate: ymdDateSchema.nullable().optional(),
    instalments: z.array(instalmentSchema).max(120).optional(),
    note: clearableText(500),
    version: id,
  })
  .superRefine(checkInstalments);
export type PledgeUpdate = z.infer<typeof pledgeUpdateSchema>;

// ---- Receipts ----

export const receiptSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  pledgeId: z.number().int().nullable(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  amountFen: z.number().int(),
  receivedOn: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  voided: z.boolean(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
});
export type ReceiptOutput = z.infer<typeof receiptSchema>;

/** A receipt against a pledge (the donor is the pledge's) or a donation not pledged beforehand. */
export const receiptCreateSchema = z
  .object({
    pledgeId: id.nullable().optional(),
    organisationId: id.optional(),
    amountFen: positiveFenSchema,
    receivedOn: ymdDateSchema,
    reference: clearableText(60),
    note: clearableText(500),
  })
  .refine((r) => r.pledgeId || r.organisationId, { path: ['organisationId'], message: 'validation.required' });
export type ReceiptCreate = z.infer<typeof receiptCreateSchema>;

export const receiptVoidSchema = z.object({ reason: z.string().trim().min(1).max(500) });

export const receiptListQuerySchema = z.object({ voided: z.enum(['false', 'true', 'all']).default('false') });
export const pledgeListQuerySchema = z.object({ cancelled: z.enum(['false', 'true', 'all']).default('false') });
export const overdueQuerySchema = z.object({ divisionId: z.coerce.number().int().positive().optional() });
