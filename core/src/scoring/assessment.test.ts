import { describe, expect, it } from 'vitest';
import { assessmentTotal, checklistSchema, combineSheets, rateVenue, starRating, type ChecklistInput } from './assessment.ts';

const checklist: ChecklistInput = {
  criteria: [
    { id: 'facilities', maxPoints: 20 },
    { id: 'activities', maxPoints: 30 },
    { id: 'management', maxPoints: 30 },
    { id: 'effect', maxPoints: 20 },
    { id: 'incident', maxPoints: 10, deduction: true },
  ],
  starThresholds: [
    { stars: 1, minTotal: 60 },
    { stars: 2, minTotal: 70 },
    { stars: 3, minTotal: 80 },
    { stars: 4, minTotal: 90 },
    { stars: 5, minTotal: 95 },
  ],
};
const thresholds = checklistSchema.parse(checklist).starThresholds;

describe('assessmentTotal', () => {
  it('adds points and subtracts deductions', () => {
    // 18.5 + 27 + 25.5 + 17 = 88, minus 2.
    expect(assessmentTotal(checklist, { facilities: 18.5, activities: 27, management: 25.5, effect: 17, incident: 2 })).toEqual({
      total: 86,
      earned: 88,
      deducted: 2,
      missing: [],
    });
  });

  it('lists criteria left blank and counts them as 0', () => {
    expect(assessmentTotal(checklist, { facilities: 20, activities: 30 })).toEqual({
      total: 50,
      earned: 50,
      deducted: 0,
      missing: ['management', 'effect', 'incident'],
    });
  });

  it('refuses a score above the maximum or below zero instead of capping it', () => {
    expect(() => assessmentTotal(checklist, { facilities: 21 })).toThrow(/facilities/);
    expect(() => assessmentTotal(checklist, { incident: -1 })).toThrow(RangeError);
  });

  it('keeps decimal points exact enough to reach a threshold (0.7 + 0.1 is 0.8)', () => {
    const tiny: ChecklistInput = {
      criteria: [
        { id: 'a', maxPoints: 1 },
        { id: 'b', maxPoints: 1 },
      ],
      starThresholds: [{ stars: 1, minTotal: 0.8 }],
    };
    const { total } = assessmentTotal(tiny, { a: 0.7, b: 0.1 });
    expect(total).toBe(0.8);
    expect(starRating(0.7 + 0.1, [{ stars: 1, minTotal: 0.8 }])).toBe(1);
  });
});

describe('starRating', () => {
  it.each([
    [59.99, 0],
    [60, 1],
    [79.99, 2],
    [80, 3],
    [89.5, 3],
    [90, 4],
    [94.99, 4],
    [95, 5],
    [100, 5],
  ])('%s points → %i stars', (total, stars) => {
    expect(starRating(total, thresholds)).toBe(stars);
  });

  it('does not depend on the order thresholds are listed in', () => {
    expect(starRating(91, [...thresholds].reverse())).toBe(4);
  });
});

describe('checklistSchema', () => {
  it('rejects thresholds that do not rise with the stars, and duplicate stars', () => {
    expect(checklistSchema.safeParse({ ...checklist, starThresholds: [{ stars: 1, minTotal: 80 }, { stars: 2, minTotal: 70 }] }).success).toBe(false);
    expect(checklistSchema.safeParse({ ...checklist, starThresholds: [{ stars: 1, minTotal: 60 }, { stars: 1, minTotal: 70 }] }).success).toBe(false);
    expect(checklistSchema.safeParse({ ...checklist, starThresholds: [{ stars: 6, minTotal: 99 }] }).success).toBe(false);
    expect(checklistSchema.safeParse({ ...checklist, criteria: [{ id: 'a', maxPoints: 1 }, { id: 'a', maxPoints: 2 }] }).success).toBe(false);
  });
});

describe('several assessors', () => {
  it('averages each criterion over the assessors who scored it, then rates', () => {
    const a = { facilities: 18, activities: 28, management: 27, effect: 18, incident: 0 };
    const b = { facilities: 19, activities: 27, management: 28, effect: 17.5 };
    expect(combineSheets(checklist, [a, b])).toEqual({ facilities: 18.5, activities: 27.5, management: 27.5, effect: 17.75, incident: 0 });
    // 18.5 + 27.5 + 27.5 + 17.75 = 91.25 → 4 stars out of 100.
    expect(rateVenue(checklist, [a, b])).toMatchObject({ total: 91.25, stars: 4, maxTotal: 100, missing: [] });
  });
});
