import { z } from 'zod';

const id = z.string().min(1).max(64);

/** A rater group (组织考评、专家学者、组织代表、成员及群众…) and its weight in the entry total. */
export const raterGroupSchema = z.object({
  id,
  name: z.string().max(60).optional(),
  weight: z.number().min(0),
});

/**
 * A scoring dimension with its maximum and weight. An `independent` dimension (e.g. "recommend for
 * the provincial round?") is scored and shown but does not enter the total.
 */
export const dimensionSchema = z.object({
  id,
  name: z.string().max(60).optional(),
  maxScore: z.number().positive(),
  weight: z.number().min(0).default(1),
  independent: z.boolean().default(false),
});

/** An award given to the entries whose rank falls in `[fromRank, toRank]` (一等奖 1–1, 二等奖 2–3…). */
export const awardBandSchema = z
  .object({
    awardId: id,
    name: z.string().max(60).optional(),
    fromRank: z.number().int().min(1),
    toRank: z.number().int().min(1),
  })
  .refine((b) => b.toRank >= b.fromRank, { message: '`toRank` must not be below `fromRank`', path: ['toRank'] });

const uniqueIds = (items: ReadonlyArray<{ id: string }>): boolean => new Set(items.map((i) => i.id)).size === items.length;

/** Everything that decides a competition's results; stored with the competition and validated here. */
export const scoringSettingsSchema = z
  .object({
    groups: z.array(raterGroupSchema).min(1).refine(uniqueIds, 'Group ids must be unique'),
    dimensions: z.array(dimensionSchema).min(1).refine(uniqueIds, 'Dimension ids must be unique'),
    /** How a group's raters are combined: mean, or median (robust to one extreme rater). */
    aggregate: z.enum(['mean', 'median']).default('mean'),
    /** Entries with fewer counted reviews than this are flagged `tooFewReviews`. */
    minReviews: z.number().int().min(0).default(3),
    /** Groups whose figure breaks a tie on the total, in order (e.g. the experts first). */
    tieBreakGroupIds: z.array(id).default([]),
    /** Decimals shown; totals equal at this precision are a tie. */
    precision: z.number().int().min(0).max(6).default(2),
    awards: z.array(awardBandSchema).default([]),
  })
  .superRefine((s, ctx) => {
    if (!s.groups.some((g) => g.weight > 0)) ctx.addIssue({ code: 'custom', message: 'At least one group needs a positive weight', path: ['groups'] });
    if (!s.dimensions.some((d) => !d.independent && d.weight > 0)) {
      ctx.addIssue({ code: 'custom', message: 'At least one counted dimension needs a positive weight', path: ['dimensions'] });
    }
    const groupIds = new Set(s.groups.map((g) => g.id));
    s.tieBreakGroupIds.forEach((g, i) => {
      if (!groupIds.has(g)) ctx.addIssue({ code: 'custom', message: `Unknown group ${g}`, path: ['tieBreakGroupIds', i] });
    });
    const bands = [...s.awards].sort((a, b) => a.fromRank - b.fromRank);
    for (let i = 1; i < bands.length; i++) {
      const previous = bands[i - 1];
      const current = bands[i];
      if (previous && current && current.fromRank <= previous.toRank) {
        ctx.addIssue({ code: 'custom', message: `Award bands ${previous.awardId} and ${current.awardId} overlap`, path: ['awards'] });
      }
    }
  });

export type ScoringSettingsInput = z.input<typeof scoringSettingsSchema>;
export type ScoringSettings = z.output<typeof scoringSettingsSchema>;
export type RaterGroup = z.output<typeof raterGroupSchema>;
export type Dimension = z.output<typeof dimensionSchema>;
export type AwardBand = z.output<typeof awardBandSchema>;

/** One rater's scores for one entry. An abstention (回避/弃权 with a reason) carries no scores. */
export interface Review {
  entryId: string;
  raterId: string;
  groupId: string;
  /** Score per dimension id. */
  scores: Readonly<Record<string, number>>;
  abstained?: boolean;
}
