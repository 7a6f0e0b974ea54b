import { describe, expect, it } from 'vitest';
import { appliedFilters, dayBefore, daysInPeriod, periodText } from './applied-filters.ts';

const defs = [
  { key: 'period', params: ['from', 'to'], text: (v: Record<string, string | undefined>) => periodText(v.from, v.to) },
  { key: 'unit', params: ['unitType', 'unitId'], text: (v: Record<string, string | undefined>) => `${v.unitType}:${v.unitId}` },
];

describe('appliedFilters: every filter read from the address gets a chip', () => {
  it('shows a chip per filter present, with the parameters to clear', () => {
    expect(appliedFilters(new URLSearchParams('from=2026-01-01&to=2026-07-01&unitType=organisation&unitId=12&q=x'), defs)).toEqual([
      { key: 'period', text: '2026-01-01 – 2026-07-01', clear: { from: null, to: null } },
      { key: 'unit', text: 'organisation:12', clear: { unitType: null, unitId: null } },
    ]);
  });

  it('shows a half-open period, and nothing when none of a filter’s parameters is there', () => {
    expect(appliedFilters(new URLSearchParams('to=2026-07-01'), defs)).toEqual([{ key: 'period', text: '… – 2026-07-01', clear: { from: null, to: null } }]);
    expect(appliedFilters(new URLSearchParams('q=x'), defs)).toEqual([]);
  });

  it('turns an exclusive end into the last day included, across a month and a year', () => {
    expect(dayBefore('2026-07-01')).toBe('2026-06-30');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });
});

describe('daysInPeriod', () => {
  it('counts both ends, across a leap day', () => {
    expect(daysInPeriod('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysInPeriod('2026-01-24', '2026-12-31')).toBe(342);
    expect(daysInPeriod('2028-02-01', '2028-03-01')).toBe(30);
  });
});
