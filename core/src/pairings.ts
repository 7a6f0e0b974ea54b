import { z } from 'zod';
import { organisationTypes, ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';
import { workRefSchema } from './projects.ts';

/** 党派+社区, 万企兴万村, 帮扶. */
export const pairingKinds = ['party_branch_community', 'enterprise_village', 'aid'] as const;
export type PairingKind = (typeof pairingKinds)[number];

/**
 * Coverage of a programme: the share of the organisations that should be paired that have a
 * current pair. Zero organisations to pair is full coverage (nothing is missing).
 *
 * @example
 * coverageOf(13, 29) // { paired: 13, shouldBePaired: 29, ratio: 0.4483 }
 */
export function coverageOf(paired: number, shouldBePaired: number) {
  const ratio = shouldBePaired === 0 ? 1 : Math.round((paired / shouldBePaired) * 10_000) / 10_000;
  return { paired, shouldBePaired, ratio };
}

const id = z.number().int().positive();

export const coverageSchema = z.object({ paired: z.number().int(), shouldBePaired: z.number().int(), ratio: z.number() });

export const programmeSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  kind: z.enum(pairingKinds),
  /** Every organisation of this type in the programme's division subtree should be paired. */
  targetType: z.enum(organisationTypes),
  /** When set, partners must be of this type. */
  partnerType: z.enum(organisationTypes).nullable(),
  startDate: z.string(),
  deadline: z.string(),
  description: z.string().nullable(),
  coverage: coverageSchema,
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeDetailSchema = programmeSchema.extend({
  today: z.string(),
  progress: z.object({
    daysLeft: z.number().int(),
    /** Share of the time from start to deadline that has passed, 0–1. */
    timeElapsed: z.number(),
    /** Coverage keeps pace with time (or is complete). */
    onTrack: z.boolean(),
    pastDeadline: z.boolean(),
  }),
  /** Current pairs with no activity since this date (the last quarter). */
  staleSince: z.string(),
  stalePairs: z.number().int(),
  unpairedSample: z.array(workRefSchema.extend({ divisionName: z.string() })),
  allowed: z.array(z.string()),
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

const programmeFields = {
  divisionId: id,
  title: z.string().trim().min(1).max(100),
  kind: z.enum(pairingKinds),
  targetType: z.enum(organisationTypes),
  partnerType: z.enum(organisationTypes).nullable().optional(),
  startDate: ymdDateSchema.optional(),
  deadline: ymdDateSchema,
  description: z.string().trim().max(2000).nullable().optional(),
};

export const programmeCreateSchema = z.strictObject(programmeFields).superRefine((value, ctx) => {
  if (value.startDate && value.deadline < value.startDate) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'validation.end_before_start' });
});
export type ProgrammeCreate = z.infer<typeof programmeCreateSchema>;

export const programmeUpdateSchema = z.strictObject({
  title: programmeFields.title.optional(),
  deadline: programmeFields.deadline.optional(),
  description: programmeFields.description,
  version: id,
});
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;

export const programmeListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  kind: z.enum(pairingKinds).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuerySchema>;

const orgRef = workRefSchema.extend({ divisionName: z.string() });

export const pairSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  organisation: orgRef,
  partner: orgRef,
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Started and not ended as of today (Asia/Shanghai). */
  current: z.boolean(),
  activityCount: z.number().int(),
  lastActivityDate: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pair = z.infer<typeof pairSchema>;

export const pairCreateSchema = z
  .strictObject({
    organisationId: id,
    partnerOrganisationId: id,
    startDate: ymdDateSchema.optional(),
    endDate: ymdDateSchema.nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.organisationId === value.partnerOrganisationId) ctx.addIssue({ code: 'custom', path: ['partnerOrganisationId'], message: 'validation.pair_self' });
    if (value.startDate && value.endDate && value.endDate < value.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.end_before_start' });
  });
export type PairCreate = z.infer<typeof pairCreateSchema>;

export const pairUpdateSchema = z.strictObject({
  endDate: ymdDateSchema.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  version: id,
});
export type PairUpdate = z.infer<typeof pairUpdateSchema>;

export const pairListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  /** true: current pairs with no activity in the last quarter. */
  stale: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  current: z.enum(['true', 'false', 'all']).default('all'),
});
export type PairListQuery = z.infer<typeof pairListQuerySchema>;
