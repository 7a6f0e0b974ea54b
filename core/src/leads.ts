import { z } from 'zod';
import { clearableText, ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';
import { defineStateMachine, nextStates } from './sla/state-machine.ts';

/**
 * Investment and talent (招商引资、双招双引): leads move `lead → talks → signed → landed`, one
 * step at a time, or are dropped with a reason; talent intakes are counts by field and date.
 * Amounts are integer fen.
 */
export const leadStages = ['lead', 'talks', 'signed', 'landed', 'dropped'] as const;
export type LeadStage = (typeof leadStages)[number];

/** Where the money comes from: 台资, 侨资, 港澳资, 外资, 内资. */
export const leadOrigins = ['taiwan', 'overseas_chinese', 'hk_macao', 'foreign', 'domestic'] as const;
export type LeadOrigin = (typeof leadOrigins)[number];

/**
 * The lead pipeline. Skipping a step (lead → signed) or going back is refused with 409 and the
 * allowed next stages; dropping needs a reason.
 *
 * @example
 * nextStates(leadMachine, 'talks') // ['signed', 'dropped']
 */
export const leadMachine = defineStateMachine(leadStages, [
  { from: 'lead', to: 'talks', action: 'start_talks', noteRequired: false },
  { from: 'talks', to: 'signed', action: 'sign', noteRequired: false },
  { from: 'signed', to: 'landed', action: 'land', noteRequired: false },
  { from: 'lead', to: 'dropped', action: 'drop', noteRequired: true },
  { from: 'talks', to: 'dropped', action: 'drop', noteRequired: true },
  { from: 'signed', to: 'dropped', action: 'drop', noteRequired: true },
]);

/**
 * @example
 * nextLeadStages('signed') // ['landed', 'dropped']
 */
export function nextLeadStages(stage: LeadStage): LeadStage[] {
  return nextStates(leadMachine, stage);
}

const id = z.number().int().positive();
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const leadSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  firmName: z.string(),
  sector: z.string().nullable(),
  origin: z.enum(leadOrigins),
  sourceOrganisationId: z.number().int().nullable(),
  sourceOrganisationName: z.string().nullable(),
  sourceNote: z.string().nullable(),
  stage: z.enum(leadStages),
  nextStages: z.array(z.enum(leadStages)),
  contractFen: z.number().int().nullable(),
  landedFen: z.number().int().nullable(),
  firstContactOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  landedOn: z.string().nullable(),
  note: z.string().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;

export const leadDetailSchema = leadSchema.extend({
  history: z.array(z.object({ fromStage: z.enum(leadStages).nullable(), toStage: z.enum(leadStages), onDate: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  allowed: z.array(z.string()),
});

/**
 * A new lead starts at `lead`; a record of an earlier deal may start at `signed` (with signedOn
 * and contractFen) or `landed` (also landedOn and landedFen), so past years can be entered.
 */
export const leadCreateSchema = z
  .object({
    divisionId: id,
    firmName: z.string().trim().min(1).max(120),
    sector: clearableText(40),
    origin: z.enum(leadOrigins),
    sourceOrganisationId: id.nullable().optional(),
    sourceNote: clearableText(200),
    stage: z.enum(['lead', 'talks', 'signed', 'landed']).default('lead'),
    firstContactOn: ymdDateSchema.nullable().optional(),
    signedOn: ymdDateSchema.nullable().optional(),
    landedOn: ymdDateSchema.nullable().optional(),
    contractFen: fen.nullable().optional(),
    landedFen: fen.nullable().optional(),
    note: clearableText(1000),
  })
  .superRefine((lead, ctx) => {
    const need = (field: 'signedOn' | 'contractFen' | 'landedOn' | 'landedFen') => {
      if (lead[field] === undefined || lead[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    };
    if (lead.stage === 'signed' || lead.stage === 'landed') {
      need('signedOn');
      need('contractFen');
    }
    if (lead.stage === 'landed') {
      need('landedOn');
      need('landedFen');
    }
    if (lead.signedOn && lead.landedOn && lead.landedOn < lead.signedOn) ctx.addIssue({ code: 'custom', path: ['landedOn'], message: 'validation.end_before_start' });
  });
export type LeadCreate = z.infer<typeof leadCreateSchema>;

export const leadUpdateSchema = z.object({
  firmName: z.string().trim().min(1).max(120).optional(),
  sector: clearableText(40),
  origin: z.enum(leadOrigins).optional(),
  sourceOrganisationId: id.nullable().optional(),
  sourceNote: clearableText(200),
  firstContactOn: ymdDateSchema.nullable().optional(),
  contractFen: fen.nullable().optional(),
  landedFen: fen.nullable().optional(),
  note: clearableText(1000),
  version: id,
});
export type LeadUpdate = z.infer<typeof leadUpdateSchema>;

/** One step of the pipeline, dated (default today); signing carries the contract, landing the landed amount. */
export const leadStageChangeSchema = z.object({
  to: z.enum(leadStages),
  date: ymdDateSchema.optional(),
  contractFen: fen.optional(),
  landedFen: fen.optional(),
  note: z.string().trim().max(1000).optional(),
  version: id,
});
export type LeadStageChange = z.infer<typeof leadStageChangeSchema>;

const stageList = z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(leadStages)).min(1).max(leadStages.length));

export const leadListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  stage: stageList.optional(),
  origin: z.enum(leadOrigins).optional(),
  sector: z.string().trim().max(40).optional(),
  signedFrom: ymdDateSchema.optional(),
  signedTo: ymdDateSchema.optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

// ---- Talent intake ----

export const talentIntakeSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  date: z.string(),
  count: z.number().int(),
  field: z.string(),
  origin: z.string().nullable(),
  note: z.string().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TalentIntake = z.infer<typeof talentIntakeSchema>;

export const talentIntakeCreateSchema = z.object({
  divisionId: id,
  date: ymdDateSchema,
  count: z.number().int().min(1).max(100_000),
  field: z.string().trim().min(1).max(40),
  origin: clearableText(40),
  note: clearableText(1000),
});
export type TalentIntakeCreate = z.infer<typeof talentIntakeCreateSchema>;

export const talentIntakeUpdateSchema = talentIntakeCreateSchema.partial().extend({ version: id });
export type TalentIntakeUpdate = z.infer<typeof talentIntakeUpdateSchema>;

export const talentListQuerySchema = pageQuerySchema.extend({
  divisionId: z.coerce.number().int().positive().optional(),
  from: ymdDateSchema.optional(),
  to: ymdDateSchema.optional(),
  field: z.string().trim().max(40).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type TalentListQuery = z.infer<typeof talentListQuerySchema>;

// ---- Figures ----

export const leadFiguresQuerySchema = z.object({
  /** Whose children the rows are; default the user's own division (or the roots). */
  divisionId: z.coerce.number().int().positive().optional(),
  from: ymdDateSchema.optional(),
  to: ymdDateSchema.optional(),
});

const figureRow = z.object({
  /** Leads at each stage now (a snapshot, whatever the period). */
  byStage: z.object(Object.fromEntries(leadStages.map((s) => [s, z.number().int()])) as Record<LeadStage, z.ZodNumber>),
  /** Leads first contacted in the period. */
  newLeads: z.number().int(),
  /** Signed in the period (landed ones included: they were signed first) and their contract amount. */
  signedCount: z.number().int(),
  contractFen: z.number().int(),
  landedCount: z.number().int(),
  landedFen: z.number().int(),
  talents: z.number().int(),
});

export const leadFiguresSchema = z.object({
  divisionId: z.number().int().nullable(),
  divisionName: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  total: figureRow,
  rows: z.array(figureRow.extend({ divisionId: z.number().int(), divisionName: z.string() })),
  byYear: z.array(figureRow.omit({ byStage: true, newLeads: true }).extend({ year: z.number().int() })),
});
export type LeadFigures = z.infer<typeof leadFiguresSchema>;
