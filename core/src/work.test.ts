import { describe, expect, it } from 'vitest';
import { coverageOf } from './pairings.ts';
import { daysBetween, isMilestoneOverdue, monthsBefore, nextProjectStatuses } from './projects.ts';

describe('project statuses', () => {
  it('move one step at a time and end at reviewed', () => {
    expect(nextProjectStatuses('planned')).toEqual(['active']);
    expect(nextProjectStatuses('active')).toEqual(['done']);
    expect(nextProjectStatuses('done')).toEqual(['reviewed']);
    expect(nextProjectStatuses('reviewed')).toEqual([]);
  });
});

describe('isMilestoneOverdue', () => {
  it('is overdue from the day after the due date, unless completed', () => {
    expect(isMilestoneOverdue({ dueDate: '2026-11-25', completedAt: null }, '2026-11-25')).toBe(false);
    expect(isMilestoneOverdue({ dueDate: '2026-11-25', completedAt: null }, '2026-11-26')).toBe(true);
    expect(isMilestoneOverdue({ dueDate: '2026-11-25', completedAt: '2026-11-27T01:00:00.000Z' }, '2026-11-28')).toBe(false);
  });
});

describe('monthsBefore and daysBetween', () => {
  it('steps back whole months, clamping to the end of shorter months and across years', () => {
    expect(monthsBefore('2026-11-25', 3)).toBe('2026-08-25');
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
    expect(monthsBefore('2024-05-31', 3)).toBe('2024-02-29');
    expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
  });
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2026-11-25', '2026-12-31')).toBe(36);
    expect(daysBetween('2026-12-31', '2026-11-25')).toBe(-36);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });
});

describe('coverageOf', () => {
  it('is paired ÷ should-be-paired to four places; nothing to pair is full coverage', () => {
    expect(coverageOf(13, 29)).toEqual({ paired: 13, shouldBePaired: 29, ratio: 0.4483 });
    expect(coverageOf(412, 412).ratio).toBe(1);
    expect(coverageOf(0, 0).ratio).toBe(1);
    expect(coverageOf(0, 5).ratio).toBe(0);
  });
});
