import { z } from 'zod';

/**
 * A criterion of a yearly checklist (基地考核). Most add points up to `maxPoints`; a `deduction`
 * criterion (扣分项, e.g. "safety incident") subtracts up to `maxPoints`.
 */
export const criterionSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(120).optional(),
  maxPoints: z.number().positive(),
  deduction: z.boolean().default(false),
});

/** The lowest total that earns a number of stars. */
export const starThresholdSchema = z.object({
  stars: z.number().int().min(1).max(5),
  minTotal: z.number(),
});

/** A checklist per venue type with its star thresholds (set per checklist, not hard-coded). */
export const checklistSchema = z
  .object({
    criteria: z.array(criterionSchema).min(1),
    starThresholds: z.array(starThresholdSchema).min(1),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.criteria.map((x) => x.id)).size !== c.criteria.length) ctx.addIssue({ code: 'custom', message: 'Criterion ids must be unique', path: ['criteria'] });
    const sorted = [...c.starThresholds].sort((a, b) => a.stars - b.stars);
    for (let i = 1; i < sorted.length; i++) {
      const lower = sorted[i - 1];
      const upper = sorted[i];
      if (lower && upper && lower.stars === upper.stars) ctx.addIssue({ code: 'custom', message: `Two thresholds for ${upper.stars} stars`, path: ['starThresholds'] });
      // More stars must need strictly more points, or the rating would depend on list order.
      else if (lower && upper && upper.minTotal <= lower.minTotal) {
        ctx.addIssue({ code: 'custom', message: `${upper.stars} stars must need more than ${lower.stars}`, path: ['starThresholds'] });
      }
    }
  });

export type ChecklistInput = z.input<typeof checklistSchema>;
export type Checklist = z.output<typeof checklistSchema>;

/** Points carry at most two decimals on paper; rounding there keeps 0.1 + 0.2 from missing a threshold. */
const roundPoints = (x: number): number => Math.round(x * 100) / 100 + 0;

export interface AssessmentTotal {
  /** Points earned minus points deducted, to two decimals. */
  total: number;
  earned: number;
  deducted: number;
  /** Criteria with no score (counted as 0), so the form can ask for them. */
  missing: string[];
}

/**
 * Total of one filled checklist. Throws a `RangeError` naming the criterion when a score is negative,
 * above its maximum or not a number: a wrong score must be corrected, not silently capped.
 *
 * @example
 * assessmentTotal(checklist, { facilities: 18.5, activities: 30, incident: 5 }) // total 43.5 when incident is a deduction
 */
export function assessmentTotal(checklistInput: ChecklistInput, scores: Readonly<Record<string, number>>): AssessmentTotal {
  const checklist = checklistSchema.parse(checklistInput);
  let earned = 0;
  let deducted = 0;
  const missing: string[] = [];
  for (const c of checklist.criteria) {
    const points = scores[c.id];
    if (points === undefined) {
      missing.push(c.id);
      continue;
    }
    if (!Number.isFinite(points) || points < 0 || points > c.maxPoints) {
      throw new RangeError(`Score for ${c.id} must be between 0 and ${c.maxPoints}, got ${points}`);
    }
    if (c.deduction) deducted += points;
    else earned += points;
  }
  return { total: roundPoints(earned - deducted), earned: roundPoints(earned), deducted: roundPoints(deducted), missing };
}

/**
 * Combine several assessors' sheets into one: the mean of each criterion over the assessors who
 * scored it. The result feeds {@link assessmentTotal}.
 *
 * @example
 * combineSheets(checklist, [{ facilities: 18 }, { facilities: 19 }]) // { facilities: 18.5 }
 */
export function combineSheets(checklistInput: ChecklistInput, sheets: ReadonlyArray<Readonly<Record<string, number>>>): Record<string, number> {
  const checklist = checklistSchema.parse(checklistInput);
  const combined: Record<string, number> = {};
  for (const c of checklist.criteria) {
    const values = sheets.map((s) => s[c.id]).filter((v): v is number => v !== undefined);
    if (values.length > 0) combined[c.id] = roundPoints(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return combined;
}

/**
 * Stars a total earns: the highest threshold it reaches (a total equal to a threshold reaches it);
 * 0 when below the lowest, meaning "not rated".
 *
 * @example
 * starRating(86, [{ stars: 3, minTotal: 70 }, { stars: 4, minTotal: 85 }, { stars: 5, minTotal: 95 }]) // 4
 */
export function starRating(total: number, thresholds: ReadonlyArray<{ stars: number; minTotal: number }>): number {
  const rounded = roundPoints(total);
  return thresholds.reduce((best, t) => (rounded >= t.minTotal && t.stars > best ? t.stars : best), 0);
}

/**
 * Total and stars of a checklist in one call, the figures a venue's yearly rating shows.
 *
 * @example
 * rateVenue(checklist, [sheetOfAssessorA, sheetOfAssessorB]) // { total: 88.25, stars: 4, … }
 */
export function rateVenue(
  checklistInput: ChecklistInput,
  sheets: ReadonlyArray<Readonly<Record<string, number>>>,
): AssessmentTotal & { stars: number; maxTotal: number } {
  const checklist = checklistSchema.parse(checklistInput);
  const result = assessmentTotal(checklist, combineSheets(checklist, sheets));
  const maxTotal = roundPoints(checklist.criteria.filter((c) => !c.deduction).reduce((s, c) => s + c.maxPoints, 0));
  return { ...result, stars: starRating(result.total, checklist.starThresholds), maxTotal };
}
