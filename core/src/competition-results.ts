import { z } from 'zod';
import { phoneInputSchema } from './organisations.ts';

/**
 * Competition results, the decision (draft awards, published in one step), the public result,
 * and the public vote (民评). The figures come from `scoring/` (computeEntryResults, rankEntries,
 * voteFigures); these are the shapes the API returns.
 */

const exclusionReasons = ['incomplete', 'out_of_range', 'unknown_group', 'duplicate'] as const;

export const resultRowSchema = z.object({
  entryId: z.number().int(),
  code: z.string(),
  title: z.string(),
  organisationName: z.string().nullable(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  tiedOnTotal: z.boolean(),
  /** Award from the settings' rank bands (the proposal); the decision may differ. */
  award: z.string().nullable(),
  groups: z.array(z.object({ groupId: z.string(), figure: z.number().nullable(), reviewCount: z.number().int(), weight: z.number(), share: z.number() })),
  independent: z.record(z.string(), z.number().nullable()),
  reviewCount: z.number().int(),
  abstentions: z.number().int(),
  spread: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  tooFewReviews: z.boolean(),
  missingGroups: z.array(z.string()),
  excluded: z.array(z.object({ raterId: z.string(), reason: z.enum(exclusionReasons) })),
  votes: z.number().int(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const tieRuleStepSchema = z.object({ by: z.enum(['total', 'group', 'review_count', 'shared_place']), groupId: z.string().optional() });

export const resultsSchema = z.object({
  competitionId: z.number().int(),
  aggregate: z.enum(['mean', 'median']),
  /** The most a rater can give (Σ weight × max over counted dimensions): the scale of every figure. */
  maxTotal: z.number(),
  precision: z.number().int(),
  minReviews: z.number().int(),
  voteGroupId: z.string().nullable(),
  /** The stated tie rule, in order, for the sentence under the table. */
  tieRule: z.array(tieRuleStepSchema),
  entries: z.array(resultRowSchema),
});
export type Results = z.infer<typeof resultsSchema>;

// ---- Decision ----

export const decisionStatuses = ['none', 'draft', 'published'] as const;

export const decisionAwardSchema = z.object({
  entryId: z.number().int(),
  code: z.string(),
  title: z.string(),
  awardId: z.string(),
  awardName: z.string().nullable(),
  rank: z.number().int().nullable(),
  total: z.number().nullable(),
});

export const decisionSchema = z.object({
  competitionId: z.number().int(),
  status: z.enum(decisionStatuses),
  awards: z.array(decisionAwardSchema),
  note: z.string().nullable(),
  /** Whether the public result lists the whole ranking, or only the award winners. */
  showRanking: z.boolean(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionDraftSchema = z.object({
  note: z.string().trim().max(2000).nullable().optional(),
  showRanking: z.boolean().optional(),
  /** Replacing an existing draft needs its version. */
  version: z.number().int().positive().optional(),
});

export const decisionUpdateSchema = z.object({
  awards: z.array(z.object({ entryId: z.number().int().positive(), awardId: z.string().trim().min(1).max(64) })).max(500),
  note: z.string().trim().max(2000).nullable().optional(),
  showRanking: z.boolean().optional(),
  version: z.number().int().positive(),
});
export type DecisionUpdate = z.infer<typeof decisionUpdateSchema>;

// ---- Public pages (no sign-in) ----

const publicEntry = z.object({ code: z.string(), title: z.string(), organisationName: z.string().nullable(), rank: z.number().int().nullable(), total: z.number().nullable() });

/** The published result, frozen at publication: nothing computed later leaks into it. */
export const publicResultSchema = z.object({
  competitionId: z.number().int(),
  title: z.string(),
  year: z.number().int().nullable(),
  divisionName: z.string(),
  publishedAt: z.string(),
  note: z.string().nullable(),
  awards: z.array(z.object({ awardId: z.string(), name: z.string().nullable(), entries: z.array(publicEntry) })),
  /** The whole ranking, only when the organiser chose to publish it. */
  ranking: z.array(publicEntry.extend({ award: z.string().nullable() })).nullable(),
});
export type PublicResult = z.infer<typeof publicResultSchema>;

export const publicCompetitionSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int().nullable(),
  divisionName: z.string(),
  voteOpen: z.boolean(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
});

export const publicVotePageSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int().nullable(),
  divisionName: z.string(),
  description: z.string().nullable(),
  vote: z.object({ open: z.boolean(), opensAt: z.string().nullable(), closesAt: z.string().nullable(), liveCounts: z.boolean() }),
  published: z.boolean(),
  entries: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      organisationName: z.string().nullable(),
      summary: z.string().nullable(),
      /** Present only when the organiser shows counts live. */
      votes: z.number().int().optional(),
    }),
  ),
  /** Entries the caller has voted for (with a voter token or a session). */
  myVotes: z.array(z.number().int()),
});
export type PublicVotePage = z.infer<typeof publicVotePageSchema>;

// ---- Public vote ----

/** A mainland mobile number: the one-time code goes to it. */
export const votePhoneSchema = phoneInputSchema.refine((p) => /^1[3-9]\d{9}$/.test(p), { error: 'validation.mobile' });

export const voteCodeRequestSchema = z.object({ phone: votePhoneSchema });
export const voteCodeSentSchema = z.object({ expiresInSeconds: z.number().int(), resendAfterSeconds: z.number().int() });
export const voteCodeVerifySchema = z.object({ phone: votePhoneSchema, code: z.string().regex(/^\d{6}$/, { error: 'validation.vote_code' }) });
export const voterTokenSchema = z.object({ voterToken: z.string(), expiresAt: z.string() });

export const voteCastSchema = z.object({ entryId: z.number().int().positive() });
export const voteCastResultSchema = z.object({
  entryId: z.number().int(),
  /** The entry's count after this vote, only when counts are shown live. */
  votes: z.number().int().optional(),
});

export const voteCountsSchema = z.object({
  competitionId: z.number().int(),
  total: z.number().int(),
  voters: z.number().int(),
  entries: z.array(z.object({ entryId: z.number().int(), code: z.string(), title: z.string(), votes: z.number().int() })),
});
