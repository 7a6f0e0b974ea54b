import { describe, expect, it } from 'vitest';
import { computeRequestClocks, decisiveReplyClock } from './clocks.ts';
import { combinedScore, computeRequestKpis, rankUnits, type KpiRequest } from './kpi.ts';

/**
 * October 2026, three units. Figures worked out by hand:
 *
 * | id | unit | received    | due          | replied      | in time | overdue | follow-up        | solved |
 * | r1 | A    | 10-08 09:00 | 10-10 17:30  | 10-09 09:00  | yes     |         | satisfied        | yes    |
 * | r2 | A    | 10-09 09:00 | 10-12 17:30  | 10-14 09:00  | no      | yes     | basically        | yes    |
 * | r3 | A    | 10-15 09:00 | 10-20 17:30  | —            | no      | yes     | —                | —      |
 * | r4 | B    | 10-12 09:00 | 10-15 17:30  | 10-15 17:30  | yes (=) |         | not satisfied    | no     |
 * | r5 | B    | 10-19 09:00 | 10-30 17:30  | 10-20 09:00  | yes     |         | satisfied        | yes    |
 * | r6 | C    | 10-20 09:00 | 10-25 17:30  | 10-21 09:00  | yes     |         | satisfied        | yes    |
 * | r7 | —    | 10-27 09:00 | 10-30 17:30  | —            | no      | yes     | —                | —      |
 * | r8 | A    | 09-30 09:00 (outside the period)                                                |
 * | r9 | B    | 11-01 00:00 (the period's end is excluded)                                        |
 */
const req = (id: string, unitId: string | null, receivedAt: string, replyDueAt: string | null, repliedAt: string | null, satisfaction: KpiRequest['satisfaction'], solved: boolean | null): KpiRequest => ({
  id,
  unitId,
  receivedAt,
  replyDueAt,
  repliedAt,
  satisfaction,
  solved,
});

const requests: KpiRequest[] = [
  req('r1', 'A', '2026-10-08 09:00', '2026-10-10 17:30', '2026-10-09 09:00', 'satisfied', true),
  req('r2', 'A', '2026-10-09 09:00', '2026-10-12 17:30', '2026-10-14 09:00', 'basically_satisfied', true),
  req('r3', 'A', '2026-10-15 09:00', '2026-10-20 17:30', null, null, null),
  req('r4', 'B', '2026-10-12 09:00', '2026-10-15 17:30', '2026-10-15 17:30', 'not_satisfied', false),
  req('r5', 'B', '2026-10-19 09:00', '2026-10-30 17:30', '2026-10-20 09:00', 'satisfied', true),
  req('r6', 'C', '2026-10-20 09:00', '2026-10-25 17:30', '2026-10-21 09:00', 'satisfied', true),
  req('r7', null, '2026-10-27 09:00', '2026-10-30 17:30', null, null, null),
  req('r8', 'A', '2026-09-30 09:00', '2026-10-08 17:30', '2026-10-08 09:00', 'satisfied', true),
  req('r9', 'B', '2026-11-01 00:00', '2026-11-04 17:30', null, null, null),
];
const october = { from: '2026-10-01', to: '2026-11-01' };

describe('computeRequestKpis on a hand-built month', () => {
  const result = computeRequestKpis(requests, october, { now: '2026-11-01' });

  it('counts the whole office', () => {
    expect(result.received).toBe(7);
    expect(result.ids.received).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(result.repliedOnTime).toBe(4);
    expect(result.responseRate).toBeCloseTo(4 / 7, 12);
    expect(result.solveRate).toBeCloseTo(4 / 5, 12);
    expect(result.satisfactionRate).toBeCloseTo(4 / 5, 12); // basically satisfied counts fully by default
    expect(result.ids.overdue).toEqual(['r2', 'r3', 'r7']);
    expect(result.replied).toBe(5);
    // 1440 + 7200 + (3 days + 8.5 h = 4830) + 1440 + 1440 minutes over 5 replies.
    expect(result.averageHandlingMinutes).toBeCloseTo(16_350 / 5, 9);
    expect(result.score).toBeCloseTo(100 * (0.3 * (4 / 7) + 0.35 * 0.8 + 0.35 * 0.8), 9);
  });

  it('ranks the units by combined score', () => {
    const byUnit = Object.fromEntries(result.units.map((u) => [u.unitId, u]));
    // A: on time 1/3, solved 2/2, satisfied 2/2 → 10 + 35 + 35.
    expect(byUnit.A?.score).toBeCloseTo(80, 9);
    expect(byUnit.A?.overdue).toBe(2);
    // B: on time 2/2, solved 1/2, satisfied 1/2 → 30 + 17.5 + 17.5.
    expect(byUnit.B?.score).toBeCloseTo(65, 9);
    expect(byUnit.C?.score).toBeCloseTo(100, 9);
    expect(result.units.map((u) => [u.unitId, u.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
  });

  it('can count "basically satisfied" as not satisfied, which reorders A and B', () => {
    const strict = computeRequestKpis(requests, october, { now: '2026-11-01', settings: { basicallySatisfiedWeight: 0 } });
    expect(strict.satisfactionRate).toBeCloseTo(3 / 5, 12);
    expect(strict.ids.satisfied).toEqual(['r1', 'r5', 'r6']);
    // A: 10 + 35 + 0.35 × 50 = 62.5 < B's 65.
    expect(strict.units.map((u) => [u.unitId, u.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['A', 3],
    ]);
    const half = computeRequestKpis(requests, october, { now: '2026-11-01', settings: { basicallySatisfiedWeight: 0.5 } });
    expect(half.satisfiedCount).toBe(3.5);
  });

  it('takes other weights', () => {
    const responseOnly = computeRequestKpis(requests, october, { now: '2026-11-01', settings: { weights: { response: 1, solve: 0, satisfaction: 0 } } });
    expect(responseOnly.units.find((u) => u.unitId === 'A')?.score).toBeCloseTo(100 / 3, 9);
    expect(() => computeRequestKpis(requests, october, { settings: { weights: { response: 0, solve: 0, satisfaction: 0 } } })).toThrow();
  });

  it('judges unreplied requests as overdue only once `now` is past their due time', () => {
    const midMonth = computeRequestKpis(requests, october, { now: '2026-10-20 17:00' });
    // r3 (due 10-20 17:30) and r7 (due 10-30) not yet overdue; r2 replied late.
    expect(midMonth.ids.overdue).toEqual(['r2']);
  });

  it('gives null rates and score for an empty period rather than 0 %', () => {
    const empty = computeRequestKpis(requests, { from: '2027-01-01', to: '2027-02-01' });
    expect(empty.received).toBe(0);
    expect([empty.responseRate, empty.solveRate, empty.satisfactionRate, empty.score, empty.averageHandlingMinutes]).toEqual([null, null, null, null, null]);
    expect(empty.units).toEqual([]);
  });
});

describe('combinedScore', () => {
  it('normalises the weights over the rates that exist', () => {
    // No follow-ups yet: (0.3 × 1 + 0.35 × 0.5) / 0.65.
    expect(combinedScore({ response: 1, solve: 0.5, satisfaction: null }, { response: 0.3, solve: 0.35, satisfaction: 0.35 })).toBeCloseTo((100 * 0.475) / 0.65, 9);
    expect(combinedScore({ response: null, solve: null, satisfaction: null }, { response: 0.3, solve: 0.35, satisfaction: 0.35 })).toBeNull();
    expect(combinedScore({ response: 0.5, solve: 0.5, satisfaction: 0.5 }, { response: 30, solve: 35, satisfaction: 35 })).toBeCloseTo(50, 9);
  });
});

describe('rankUnits', () => {
  const units = [
    { unitId: 'x', score: 80 },
    { unitId: 'w', score: 70 },
    { unitId: 'y', score: 80.004 },
    { unitId: 'v', score: null },
    { unitId: 'z', score: 79.996 },
  ];
  it('shares places between scores equal as shown, then skips (1, 1, 1, 4)', () => {
    expect(rankUnits(units, 2).map((u) => [u.unitId, u.rank])).toEqual([
      ['x', 1],
      ['y', 1],
      ['z', 1],
      ['w', 4],
      ['v', null],
    ]);
  });
  it('separates them at a finer precision', () => {
    expect(rankUnits(units, 3).map((u) => [u.unitId, u.rank])).toEqual([
      ['y', 1],
      ['x', 2],
      ['z', 3],
      ['w', 4],
      ['v', null],
    ]);
  });
});

describe('from history to figures', () => {
  it('feeds the decisive reply clock into the response rate', () => {
    const clocks = computeRequestClocks(
      'help',
      [
        { state: 'received', at: '2026-09-30 09:00' },
        { state: 'dispatched', at: '2026-09-30 10:00' },
        { state: 'accepted', at: '2026-09-30 10:30' },
        { state: 'in_progress', at: '2026-09-30 11:00' },
        { state: 'replied', at: '2026-10-12 09:00' }, // due Sat 10-10 17:30 (调休): late
      ],
      { now: '2026-10-31' },
    );
    const decisive = decisiveReplyClock(clocks);
    const kpis = computeRequestKpis(
      [{ id: 'h1', unitId: 'A', receivedAt: '2026-09-30 09:00', replyDueAt: decisive?.dueAt ?? null, repliedAt: decisive?.stoppedAt ?? null, satisfaction: null, solved: null }],
      { from: '2026-09-01', to: '2026-11-01' },
    );
    expect(kpis.responseRate).toBe(0);
    expect(kpis.ids.overdue).toEqual(['h1']);
  });
});
