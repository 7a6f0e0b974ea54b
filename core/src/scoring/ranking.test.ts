import { describe, expect, it } from 'vitest';
import { nextEntryToReview, hasConflict, reviewableEntries, reviewProgress } from './assignment.ts';
import { rankEntries, tieRule } from './ranking.ts';
import { computeEntryResults } from './results.ts';
import type { Review, ScoringSettingsInput } from './scoring.schema.ts';

const base: ScoringSettingsInput = {
  groups: [
    { id: 'experts', weight: 0.5 },
    { id: 'org', weight: 0.5 },
  ],
  dimensions: [{ id: 'score', maxScore: 100 }],
  minReviews: 1,
  tieBreakGroupIds: ['experts'],
  awards: [
    { awardId: 'first', fromRank: 1, toRank: 1 },
    { awardId: 'second', fromRank: 2, toRank: 3 },
    { awardId: 'excellence', fromRank: 4, toRank: 5 },
  ],
};

let seq = 0;
const scored = (entryId: string, groupId: string, ...scores: number[]): Review[] =>
  scores.map((score) => ({ entryId, raterId: `r${seq++}`, groupId, scores: { score } }));

/**
 * Totals (experts 50 % + org 50 %):
 * F 100; A, B, C, D, E all 80 — A experts 90; C experts 80 with 3 reviews; D and E experts 80 with
 * 2 reviews each (identical); B experts 70. G has no reviews.
 */
const reviews: Review[] = [
  ...scored('A', 'experts', 90), ...scored('A', 'org', 70),
  ...scored('B', 'experts', 70), ...scored('B', 'org', 90),
  ...scored('C', 'experts', 80, 80), ...scored('C', 'org', 80),
  ...scored('D', 'experts', 80), ...scored('D', 'org', 80),
  ...scored('E', 'experts', 80), ...scored('E', 'org', 80),
  ...scored('F', 'experts', 100), ...scored('F', 'org', 100),
];
const ids = ['G', 'E', 'D', 'C', 'B', 'A', 'F'];

describe('rankEntries with the stated tie rule', () => {
  it('breaks ties by the expert figure, then review count, and shares places still tied', () => {
    const ranked = rankEntries(computeEntryResults(ids, reviews, base), base);
    expect(ranked.map((e) => [e.entryId, e.rank, e.award])).toEqual([
      ['F', 1, 'first'],
      ['A', 2, 'second'],
      ['C', 3, 'second'],
      ['D', 4, 'excellence'],
      ['E', 4, 'excellence'],
      ['B', 6, null],
      ['G', null, null],
    ]);
    expect(ranked.filter((e) => e.tiedOnTotal).map((e) => e.entryId)).toEqual(['A', 'C', 'D', 'E', 'B']);
  });

  it('without a tie-break group goes straight to review counts', () => {
    const settings = { ...base, tieBreakGroupIds: [] };
    const ranked = rankEntries(computeEntryResults(ids, reviews, settings), settings);
    expect(ranked.map((e) => [e.entryId, e.rank])).toEqual([
      ['F', 1],
      ['C', 2],
      ['A', 3],
      ['B', 3],
      ['D', 3],
      ['E', 3],
      ['G', null],
    ]);
  });

  it('states the rule for the results page', () => {
    expect(tieRule(base)).toEqual([{ by: 'total' }, { by: 'group', groupId: 'experts' }, { by: 'review_count' }, { by: 'shared_place' }]);
  });

  it('treats totals equal at the shown precision as a tie', () => {
    const settings: ScoringSettingsInput = { ...base, groups: [{ id: 'experts', weight: 1 }], tieBreakGroupIds: [], awards: [] };
    const close = [...scored('X', 'experts', 85.333), ...scored('Y', 'experts', 85.334)];
    const at2 = rankEntries(computeEntryResults(['X', 'Y'], close, settings), settings);
    expect(at2.map((e) => [e.entryId, e.rank])).toEqual([
      ['X', 1],
      ['Y', 1],
    ]);
    const at3 = rankEntries(computeEntryResults(['X', 'Y'], close, { ...settings, precision: 3 }), { ...settings, precision: 3 });
    expect(at3.map((e) => [e.entryId, e.rank])).toEqual([
      ['Y', 1],
      ['X', 2],
    ]);
  });

  it('can reverse the order between mean and median', () => {
    const settings: ScoringSettingsInput = { ...base, groups: [{ id: 'experts', weight: 1 }], tieBreakGroupIds: [], awards: [] };
    // X: 50, 90, 95 → mean 78.33, median 90. Y: 85 ×3 → 85 either way.
    const rs = [...scored('X', 'experts', 50, 90, 95), ...scored('Y', 'experts', 85, 85, 85)];
    const byMean = rankEntries(computeEntryResults(['X', 'Y'], rs, settings), settings);
    expect(byMean.map((e) => e.entryId)).toEqual(['Y', 'X']);
    const median = { ...settings, aggregate: 'median' as const };
    const byMedian = rankEntries(computeEntryResults(['X', 'Y'], rs, median), median);
    expect(byMedian.map((e) => e.entryId)).toEqual(['X', 'Y']);
  });
});

describe('conflicts and assignment', () => {
  const entries = [
    { id: 'p1', organisationIds: ['org-1'] },
    { id: 'p2', organisationIds: ['org-2', 'org-7'] },
    { id: 'p3', organisationIds: ['org-3'] },
    { id: 'p4', organisationIds: ['org-4'] },
  ];

  it('bars a rater from entries of their own organisation, co-submitted ones included', () => {
    expect(hasConflict(['org-7'], ['org-2', 'org-7'])).toBe(true);
    expect(hasConflict(['org-7'], ['org-1'])).toBe(false);
    expect(hasConflict([], ['org-1'])).toBe(false);
    expect(reviewableEntries(['org-7', 'org-3'], entries).map((e) => e.id)).toEqual(['p1', 'p4']);
  });

  it('opens the reviewable entry with the fewest reviews next, ties by id', () => {
    const counts = new Map([
      ['p1', 3],
      ['p2', 0],
      ['p3', 1],
      ['p4', 1],
    ]);
    // p2 has fewest but is conflicted; p3 and p4 tie on 1, p3 first.
    expect(nextEntryToReview(entries, counts, new Set(), ['org-7'])).toBe('p3');
    expect(nextEntryToReview(entries, counts, new Set(['p3']), ['org-7'])).toBe('p4');
    expect(nextEntryToReview(entries, counts, new Set(['p1', 'p3', 'p4']), ['org-7'])).toBeNull();
    expect(reviewProgress(entries, new Set(['p1', 'p2']), ['org-7'])).toEqual({ done: 1, total: 3 });
  });
});
