import { describe, expect, it } from 'vitest';
import { aggregate, computeEntryResults, maxRaterSum, raterSum, voteFigures } from './results.ts';
import { dimensionSchema, scoringSettingsSchema, type Review, type ScoringSettingsInput } from './scoring.schema.ts';

const settings: ScoringSettingsInput = {
  groups: [
    { id: 'org', weight: 0.3 },
    { id: 'experts', weight: 0.4 },
    { id: 'reps', weight: 0.2 },
    { id: 'public', weight: 0.1 },
  ],
  dimensions: [
    { id: 'innovation', maxScore: 40 },
    { id: 'effect', maxScore: 40 },
    { id: 'brand', maxScore: 20 },
    { id: 'recommend', maxScore: 10, independent: true },
  ],
  minReviews: 3,
};

const review = (entryId: string, raterId: string, groupId: string, innovation: number, effect: number, brand: number, recommend?: number): Review => ({
  entryId,
  raterId,
  groupId,
  scores: recommend === undefined ? { innovation, effect, brand } : { innovation, effect, brand, recommend },
});

/** p1: every group has reviews. Rater sums in the comments. */
const p1: Review[] = [
  review('p1', 'o1', 'org', 30, 30, 15), // 75
  review('p1', 'o2', 'org', 34, 36, 15), // 85   → org 80
  review('p1', 'e1', 'experts', 36, 38, 16, 8), // 90
  review('p1', 'e2', 'experts', 32, 34, 14, 6), // 80
  review('p1', 'e3', 'experts', 20, 20, 10), // 50 → experts mean 73.33…, median 80
  review('p1', 'r1', 'reps', 35, 35, 20), // 90  → reps 90
  review('p1', 'u1', 'public', 30, 30, 0), // 60
  review('p1', 'u2', 'public', 40, 40, 20), // 100 → public 80 (mean and median)
];

describe('raterSum and aggregate', () => {
  const dims = [
    dimensionSchema.parse({ id: 'a', maxScore: 40, weight: 2 }),
    dimensionSchema.parse({ id: 'b', maxScore: 40 }),
    dimensionSchema.parse({ id: 'c', maxScore: 20 }),
    dimensionSchema.parse({ id: 'x', maxScore: 10, independent: true }),
  ];
  it('weights dimensions and leaves the independent one out', () => {
    expect(raterSum(dims, { a: 30, b: 20, c: 10, x: 9 })).toEqual({ ok: true, sum: 2 * 30 + 20 + 10 });
    expect(maxRaterSum(dims)).toBe(2 * 40 + 40 + 20);
  });
  it('refuses a blank counted dimension or a score outside 0…max, but not a blank independent one', () => {
    expect(raterSum(dims, { a: 30, b: 20 })).toEqual({ ok: false, reason: 'incomplete' });
    expect(raterSum(dims, { a: 41, b: 20, c: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(raterSum(dims, { a: 30, b: -1, c: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(raterSum(dims, { a: 30, b: 20, c: 10, x: 11 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(raterSum(dims, { a: 30, b: Number.NaN, c: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(raterSum(dims, { a: 0, b: 0, c: 0 })).toEqual({ ok: true, sum: 0 });
  });
  it('takes the median of an odd and an even count', () => {
    expect(aggregate([50, 90, 80], 'median')).toBe(80);
    expect(aggregate([100, 70, 90, 80], 'median')).toBe(85);
    expect(aggregate([50, 90, 80], 'mean')).toBeCloseTo(220 / 3, 12);
    expect(aggregate([], 'median')).toBeNull();
  });
});

describe('computeEntryResults', () => {
  it('weights group means into the total', () => {
    const [r] = computeEntryResults(['p1'], p1, settings);
    expect(r?.groups.map((g) => [g.groupId, g.reviewCount])).toEqual([
      ['org', 2],
      ['experts', 3],
      ['reps', 1],
      ['public', 2],
    ]);
    // Shown at the competition's precision (2): 73.33…, and 24 + 29.33… + 18 + 8 = 79.33… (exact, rounded once).
    expect(r?.groups.find((g) => g.groupId === 'experts')?.figure).toBe(73.33);
    expect(r?.total).toBe(79.33);
    expect(r?.reviewCount).toBe(8);
    expect(r?.spread).toBe(100 - 50);
    expect(r?.missingGroups).toEqual([]);
    expect(r?.tooFewReviews).toBe(false);
    // Shown, not counted: mean of 8 and 6.
    expect(r?.independent).toEqual({ recommend: 7 });
  });

  it('uses group medians when set, which blunts the one low expert', () => {
    const [r] = computeEntryResults(['p1'], p1, { ...settings, aggregate: 'median' });
    expect(r?.groups.find((g) => g.groupId === 'experts')?.figure).toBe(80);
    expect(r?.total).toBe(82);
  });

  it('normalises the weights over the groups that reviewed the entry and names the missing ones', () => {
    const reviews = [review('p2', 'o1', 'org', 30, 30, 10), review('p2', 'e1', 'experts', 40, 35, 15)]; // 70 and 90
    const [r] = computeEntryResults(['p2'], reviews, settings);
    // (21 + 36) ÷ 0.7 = 81.428…
    expect(r?.total).toBe(81.43);
    expect(r?.missingGroups).toEqual(['reps', 'public']);
    expect(r?.groups.map((g) => g.share)).toEqual([0.3 / 0.7, 0.4 / 0.7, 0, 0]);
    expect(r?.tooFewReviews).toBe(true);
  });

  it('leaves abstentions out of every figure and counts them apart', () => {
    const reviews: Review[] = [
      { entryId: 'p3', raterId: 'e1', groupId: 'experts', scores: {}, abstained: true },
      review('p3', 'e2', 'experts', 30, 30, 20), // 80
    ];
    const [r] = computeEntryResults(['p3'], reviews, settings);
    expect(r?.abstentions).toBe(1);
    expect(r?.reviewCount).toBe(1);
    expect(r?.total).toBe(80);
    expect(r?.spread).toBe(0);
  });

  it('excludes incomplete, out-of-range, unknown-group and duplicate reviews, and says why', () => {
    const reviews: Review[] = [
      review('p4', 'e1', 'experts', 30, 30, 20), // 80, counted
      { entryId: 'p4', raterId: 'e2', groupId: 'experts', scores: { innovation: 30, effect: 30 } },
      review('p4', 'e3', 'experts', 41, 30, 20),
      review('p4', 'x1', 'judges', 30, 30, 20),
      review('p4', 'e1', 'experts', 10, 10, 10),
    ];
    const [r] = computeEntryResults(['p4'], reviews, settings);
    expect(r?.excluded).toEqual([
      { raterId: 'e2', reason: 'incomplete' },
      { raterId: 'e3', reason: 'out_of_range' },
      { raterId: 'x1', reason: 'unknown_group' },
      { raterId: 'e1', reason: 'duplicate' },
    ]);
    expect(r?.total).toBe(80);
  });

  it('computes totals in exact decimals: 0.1 × 81.5 + 0.9 × 89 is 88.25, not 88.25000000000001 (issue 16)', () => {
    const exact: ScoringSettingsInput = { groups: [{ id: 'org', weight: 0.1 }, { id: 'experts', weight: 0.9 }], dimensions: [{ id: 'score', maxScore: 100 }], minReviews: 1 };
    const reviews: Review[] = [
      { entryId: 'p', raterId: 'o', groupId: 'org', scores: { score: 81.5 } },
      { entryId: 'p', raterId: 'e', groupId: 'experts', scores: { score: 89 } },
    ];
    const [r] = computeEntryResults(['p'], reviews, exact);
    expect(r?.total).toBe(88.25);
    expect(String(r?.total)).toBe('88.25');
    // Rater sums of decimal weights × decimal scores are exact too: 0.1 × 0.7 + 0.2 × 0.1 = 0.09.
    const dims = [
      { id: 'a', maxScore: 10, weight: 0.1, independent: false },
      { id: 'b', maxScore: 10, weight: 0.2, independent: false },
    ];
    expect(raterSum(dims, { a: 0.7, b: 0.1 })).toEqual({ ok: true, sum: 0.09 });
    expect(maxRaterSum([{ id: 'a', maxScore: 33.3, weight: 0.3, independent: false }])).toBe(9.99);
  });

  it('gives an entry nobody reviewed no total rather than zero', () => {
    const [r] = computeEntryResults(['p5'], p1, settings);
    expect(r?.total).toBeNull();
    expect(r?.spread).toBeNull();
    expect(r?.missingGroups).toEqual(['org', 'experts', 'reps', 'public']);
  });

  it('feeds public votes in as the public group’s figure', () => {
    const presets = voteFigures({ p1: 200, p2: 50, p3: 0 }, 'public', 100);
    expect(presets.map((p) => [p.entryId, p.figure])).toEqual([
      ['p1', 100],
      ['p2', 25],
      ['p3', 0],
    ]);
    const [r] = computeEntryResults(['p1'], p1, settings, presets);
    // Public's reviews are replaced by the vote figure 100.
    // 24 + 29.33… + 18 + 10 = 81.33…
    expect(r?.total).toBe(81.33);
    expect(voteFigures({ p1: 0 }, 'public', 100)).toEqual([]);
  });
});

describe('scoringSettingsSchema', () => {
  it('rejects settings that cannot produce a result', () => {
    const valid = (patch: Partial<ScoringSettingsInput>): boolean => scoringSettingsSchema.safeParse({ ...settings, ...patch }).success;
    expect(valid({})).toBe(true);
    expect(valid({ groups: [{ id: 'a', weight: 0 }] })).toBe(false);
    expect(valid({ dimensions: [{ id: 'x', maxScore: 10, independent: true }] })).toBe(false);
    expect(valid({ dimensions: [{ id: 'x', maxScore: 0 }] })).toBe(false);
    expect(valid({ groups: [{ id: 'a', weight: 1 }, { id: 'a', weight: 1 }] })).toBe(false);
    expect(valid({ tieBreakGroupIds: ['nobody'] })).toBe(false);
    expect(valid({ awards: [{ awardId: 'first', fromRank: 1, toRank: 2 }, { awardId: 'second', fromRank: 2, toRank: 4 }] })).toBe(false);
    expect(valid({ awards: [{ awardId: 'first', fromRank: 3, toRank: 2 }] })).toBe(false);
  });
});
