import { describe, expect, it } from 'vitest';
import { countsByUnit, coverageRatio, evaluateCoverage, monthEnds } from './coverage.ts';

const towns = [
  { id: 5, name: '华新镇', path: '/1/2/5/' },
  { id: 7, name: '赵巷镇', path: '/1/2/7/' },
  { id: 8, name: '白鹤镇', path: '/1/2/8/' },
];

describe('coverage rules', () => {
  it('counts a village record for its town, and nothing outside the units', () => {
    const counts = [
      { divisionPath: '/1/2/5/9/', day: '2026-03-01', n: 2 },
      { divisionPath: '/1/2/5/', day: '2026-04-01', n: 1 },
      { divisionPath: '/1/2/', day: '2026-04-01', n: 5 },
      { divisionPath: '/1/3/', day: '2026-04-01', n: 5 },
    ];
    expect([...countsByUnit(towns, counts, '0000-01-01', '2026-12-31')]).toEqual([
      [5, 3],
      [7, 0],
      [8, 0],
    ]);
    expect([...countsByUnit(towns, counts, '2026-03-15', '2026-12-31')].find(([id]) => id === 5)).toEqual([5, 1]);
  });

  it('month ends run from the start month to the last day, capped there', () => {
    expect(monthEnds('2026-01-15', '2026-03-10')).toEqual(['2026-01-31', '2026-02-28', '2026-03-10']);
    expect(monthEnds('2024-12-01', '2025-02-28')).toEqual(['2024-12-31', '2025-01-31', '2025-02-28']);
    expect(monthEnds('2026-05-01', '2026-05-01')).toEqual(['2026-05-01']);
  });

  it('a flow counts from the rule start; the trend and the missing units follow the dates', () => {
    const counts = [
      { divisionPath: '/1/2/5/', day: '2026-01-20', n: 1 },
      { divisionPath: '/1/2/5/', day: '2026-02-03', n: 1 },
      { divisionPath: '/1/2/7/', day: '2026-02-10', n: 3 },
      { divisionPath: '/1/2/8/', day: '2025-12-31', n: 9 },
    ];
    const result = evaluateCoverage(towns, counts, { kind: 'activities', minCount: 2, periodStart: '2026-01-01', deadline: '2026-06-30' }, '2026-03-05');
    expect(result.figure).toEqual({ covered: 2, units: 3, ratio: 0.6667 });
    expect(result.trend.map((point) => [point.asOf, point.covered])).toEqual([
      ['2026-01-31', 0],
      ['2026-02-28', 2],
      ['2026-03-05', 2],
    ]);
    expect(result.missing).toEqual([{ id: 8, name: '白鹤镇', path: '/1/2/8/', count: 0 }]);
    // As a stock, 白鹤镇's December records count.
    expect(evaluateCoverage(towns, counts, { kind: 'organisations', minCount: 2, periodStart: '2026-01-01', deadline: '2026-06-30' }, '2026-03-05').figure.covered).toBe(3);
  });

  it('after the deadline the figure stays at the deadline; no units is full coverage', () => {
    const counts = [{ divisionPath: '/1/2/5/', day: '2026-07-02', n: 1 }];
    const late = evaluateCoverage(towns.slice(0, 1), counts, { kind: 'activities', minCount: 1, periodStart: '2026-01-01', deadline: '2026-06-30' }, '2026-08-01');
    expect(late.figure).toEqual({ covered: 0, units: 1, ratio: 0 });
    expect(late.trend).toHaveLength(6);
    expect(coverageRatio(0, 0)).toBe(1);
    expect(evaluateCoverage([], [], { kind: 'activities', minCount: 1, periodStart: '2026-01-01', deadline: '2026-06-30' }, '2026-02-01').figure).toEqual({ covered: 0, units: 0, ratio: 1 });
  });
});
