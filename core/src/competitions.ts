import { z } from 'zod';
import { clearableText } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';
import { scoringSettingsSchema } from './scoring/index.ts';

/**
 * Competitions (评审): the API shapes of a competition, its phases, entries, raters, assignments
 * and a rater's own reviews. The maths lives in `scoring/`; results and decisions are in
 * `competition-results.ts`.
 */

/** Phases in their natural order; a competition has one of each, opened and closed by date or by hand. */
export const phaseKinds = ['entry', 'review', 'public_vote', 'decision', 'published'] as const;
export type PhaseKind = (typeof phaseKinds)[number];

/** During a phase raters see every entry (minus their conflicts) or only those assigned to them. */
export const raterVisibilities = ['all', 'assigned'] as const;
export type RaterVisibility = (typeof raterVisibilities)[number];

const id = z.number().int().positive();
const groupKey = z.string().trim().min(1).max(64);

/**
 * A moment given by a client: ISO 8601 with an offset (`2026-12-01T09:00:00+08:00` or `…Z`),
 * stored as UTC.
 *
 * @example
 * instantInputSchema.parse('2026-12-01T09:00:00+08:00') // "2026-12-01T01:00:00.000Z"
 */
export const instantInputSchema = z.iso.datetime({ offset: true, error: 'validation.instant' }).transform((value) => new Date(value).toISOString());

/** The scoring settings as the API returns them (plain shapes, defaults filled in). */
export const scoringSettingsOutputSchema = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string().optional(), weight: z.number() })),
  dimensions: z.array(z.object({ id: z.string(), name: z.string().optional(), maxScore: z.number(), weight: z.number(), independent: z.boolean() })),
  aggregate: z.enum(['mean', 'median']),
  minReviews: z.number().int(),
  tieBreakGroupIds: z.array(z.string()),
  precision: z.number().int(),
  awards: z.array(z.object({ awardId: z.string(), name: z.string().optional(), fromRank: z.number().int(), toRank: z.number().int() })),
});

export const phaseSchema = z.object({
  kind: z.enum(phaseKinds),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** Set when opened by hand (overrides the dates until closed by hand). */
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Whether the phase is open now. */
  open: z.boolean(),
  raterVisibility: z.enum(raterVisibilities),
  showOtherScores: z.boolean(),
  hideAuthors: z.boolean(),
  version: z.number().int(),
});
export type Phase = z.infer<typeof phaseSchema>;

export const competitionSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  year: z.number().int().nullable(),
  settings: scoringSettingsOutputSchema,
  /** The rater group the public vote feeds (its figure comes from vote counts), or null. */
  voteGroupId: z.string().nullable(),
  /** Whether the public page shows vote counts while voting runs. */
  voteLiveCounts: z.boolean(),
  phases: z.array(phaseSchema),
  /** The latest open phase, in phase order; null when none is open. */
  currentPhase: z.enum(phaseKinds).nullable(),
  published: z.boolean(),
  counts: z.object({ entries: z.number().int(), raters: z.number().int(), reviews: z.number().int(), votes: z.number().int() }),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Competition = z.infer<typeof competitionSchema>;

export const competitionDetailSchema = competitionSchema.extend({
  /** What the signed-in user may do here: `read`, `manage`, `review`. */
  allowed: z.array(z.string()),
  /** The signed-in user's rater record in this competition, if any. */
  myRater: z.object({ raterId: z.number().int(), groupId: z.string() }).nullable(),
});
export type CompetitionDetail = z.infer<typeof competitionDetailSchema>;

function checkVoteGroup(value: { voteGroupId?: string | null | undefined; settings?: { groups: Array<{ id: string }> } | undefined }, ctx: z.RefinementCtx) {
  if (value.voteGroupId && value.settings && !value.settings.groups.some((g) => g.id === value.voteGroupId)) {
    ctx.addIssue({ code: 'custom', path: ['voteGroupId'], message: 'validation.unknown_group' });
  }
}

const competitionFields = {
  divisionId: id,
  title: z.string().trim().min(1).max(120),
  description: clearableText(2000),
  year: z.number().int().min(2000).max(2100).nullable().optional(),
  settings: scoringSettingsSchema,
  voteGroupId: z.preprocess((v) => (v === '' ? null : v), groupKey.nullable()).optional(),
  voteLiveCounts: z.boolean().optional(),
};

export const competitionCreateSchema = z.object(competitionFields).superRefine(checkVoteGroup);
export type CompetitionCreate = z.infer<typeof competitionCreateSchema>;

export const competitionUpdateSchema = z
  .object({ ...competitionFields, version: id })
  .partial({ divisionId: true, title: true, description: true, year: true, settings: true, voteGroupId: true, voteLiveCounts: true })
  .superRefine(checkVoteGroup);
export type CompetitionUpdate = z.infer<typeof competitionUpdateSchema>;

export const competitionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(60).optional(),
  divisionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  archived: z.enum(['false', 'true', 'all']).default('false'),
});
export type CompetitionListQuery = z.infer<typeof competitionListQuerySchema>;

export const phaseUpdateSchema = z
  .object({
    opensAt: instantInputSchema.nullable().optional(),
    closesAt: instantInputSchema.nullable().optional(),
    raterVisibility: z.enum(raterVisibilities).optional(),
    showOtherScores: z.boolean().optional(),
    hideAuthors: z.boolean().optional(),
    version: id,
  })
  .refine((p) => !p.opensAt || !p.closesAt || p.closesAt > p.opensAt, { path: ['closesAt'], message: 'validation.end_before_start' });
export type PhaseUpdate = z.infer<typeof phaseUpdateSchema>;

// ---- Entries ----

export const entrySchema = z.object({
  id: z.number().int(),
  competitionId: z.number().int(),
  code: z.string(),
  projectId: z.number().int().nullable(),
  projectTitle: z.string().nullable(),
  title: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  summary: z.string().nullable(),
  withdrawn: z.boolean(),
  reviewCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entry = z.infer<typeof entrySchema>;

const entryCode = z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N}_.-]+$/u, { error: 'validation.invalid_format' });

/**
 * An entry is a project from the project list (`projectId`; title and organisation default to the
 * project's) or a typed entry (title, organisation, summary).
 */
export const entryCreateSchema = z
  .object({
    code: entryCode.optional(),
    projectId: id.nullable().optional(),
    title: z.string().trim().min(1).max(120).optional(),
    organisationId: id.nullable().optional(),
    organisationName: clearableText(100),
    summary: clearableText(4000),
  })
  .refine((e) => e.projectId || e.title, { path: ['title'], message: 'validation.required' });
export type EntryCreate = z.infer<typeof entryCreateSchema>;

export const entryUpdateSchema = z.object({
  code: entryCode.optional(),
  title: z.string().trim().min(1).max(120).optional(),
  organisationId: id.nullable().optional(),
  organisationName: clearableText(100),
  summary: clearableText(4000),
  version: id,
});
export type EntryUpdate = z.infer<typeof entryUpdateSchema>;

// ---- Raters and assignments ----

export const raterSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  groupId: z.string(),
  organisationId: z.number().int().nullable(),
  organisationName: z.string().nullable(),
  assigned: z.number().int(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  createdAt: z.string(),
});
export type Rater = z.infer<typeof raterSchema>;

/** A user the organiser may add as a rater: active, in the organiser's subtree, not yet a rater here. */
export const raterCandidateSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  divisionName: z.string().nullable(),
});
export type RaterCandidate = z.infer<typeof raterCandidateSchema>;
export const raterCandidateQuerySchema = z.object({ q: z.string().trim().max(50).optional() });

export const raterCreateSchema = z.object({
  raters: z
    .array(z.object({ userId: id, groupId: groupKey, organisationId: id.nullable().optional() }))
    .min(1)
    .max(200),
});
export type RaterCreate = z.infer<typeof raterCreateSchema>;

const pair = z.object({ raterId: id, entryId: id });

/**
 * Three ways to assign: by hand (pairs), by rule (every rater of the named groups to every entry,
 * or `perEntry` raters of each group per entry, spread evenly), or from an uploaded list of
 * `username, entry code` rows. Conflicted pairs are never assigned; they come back as skipped.
 */
export const assignmentCreateSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('pairs'), pairs: z.array(pair).min(1).max(5000) }),
  z.object({
    mode: z.literal('rule'),
    groupIds: z.array(groupKey).min(1).max(20).optional(),
    entryIds: z.array(id).min(1).max(2000).optional(),
    perEntry: z.number().int().min(1).max(100).optional(),
  }),
  z.object({
    mode: z.literal('list'),
    rows: z.array(z.object({ username: z.string().trim().min(1).max(40), entryCode: z.string().trim().min(1).max(20) })).min(1).max(5000),
  }),
]);
export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;

export const assignmentSkipReasons = ['conflict', 'exists', 'unknown_rater', 'unknown_entry', 'withdrawn'] as const;

export const assignmentResultSchema = z.object({
  created: z.number().int(),
  skipped: z.array(
    z.object({
      raterId: z.number().int().nullable(),
      entryId: z.number().int().nullable(),
      /** 1-based row of an uploaded list. */
      row: z.number().int().nullable(),
      reason: z.enum(assignmentSkipReasons),
    }),
  ),
});

export const assignmentSchema = z.object({ raterId: z.number().int(), entryId: z.number().int(), createdAt: z.string() });
export const assignmentRemoveSchema = z.object({ pairs: z.array(pair).min(1).max(5000) });

// ---- A rater's own work ----

export const reviewStatuses = ['todo', 'scored', 'abstained'] as const;

export const myReviewSchema = z.object({
  id: z.number().int(),
  scores: z.record(z.string(), z.number()),
  /** The weighted sum of the counted dimensions; null for an abstention or an incomplete sheet. */
  sum: z.number().nullable(),
  comment: z.string().nullable(),
  abstained: z.boolean(),
  abstainReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

/** An entry as a rater sees it: authors omitted when the phase hides them. */
export const raterEntrySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** Null when the phase hides authors. */
  organisationName: z.string().nullable(),
  summary: z.string().nullable(),
  status: z.enum(reviewStatuses),
  reviewCount: z.number().int(),
  myReview: myReviewSchema.nullable(),
});

export const raterViewSchema = z.object({
  competitionId: z.number().int(),
  title: z.string(),
  dimensions: scoringSettingsOutputSchema.shape.dimensions,
  raterId: z.number().int(),
  groupId: z.string(),
  reviewOpen: z.boolean(),
  raterVisibility: z.enum(raterVisibilities),
  showOtherScores: z.boolean(),
  hideAuthors: z.boolean(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  nextEntryId: z.number().int().nullable(),
  entries: z.array(raterEntrySchema),
});
export type RaterView = z.infer<typeof raterViewSchema>;

/**
 * One entry for scoring. `others` (other raters' scores) is present only when the phase lets
 * raters see them; otherwise the key is absent, not empty.
 */
export const raterEntryDetailSchema = raterEntrySchema.extend({
  nextEntryId: z.number().int().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  others: z
    .array(z.object({ groupId: z.string(), scores: z.record(z.string(), z.number()), sum: z.number().nullable(), abstained: z.boolean() }))
    .optional(),
});

export const reviewSaveSchema = z.object({
  scores: z.record(z.string().max(64), z.number().min(0).max(100_000)).refine((s) => Object.keys(s).length <= 50, { message: 'validation.too_many' }),
  comment: clearableText(2000),
  /** The version of the review being replaced; omitted for a first review. */
  version: id.optional(),
});
export type ReviewSave = z.infer<typeof reviewSaveSchema>;

export const abstainSchema = z.object({ reason: z.string().trim().min(1).max(500), version: id.optional() });
export type Abstain = z.infer<typeof abstainSchema>;

/** A competition in which the signed-in user rates, for their "to review" list. */
export const myCompetitionSchema = z.object({
  competitionId: z.number().int(),
  title: z.string(),
  divisionName: z.string(),
  groupId: z.string(),
  reviewOpen: z.boolean(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
});
