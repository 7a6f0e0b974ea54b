import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaCalendar, withOfficeHours } from './holiday-calendar.ts';
import { toShanghaiIso } from './shanghai-time.ts';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  dueAfterWorkingDays,
  isWithinOfficeHours,
  workingMinutesBetween,
} from './working-time.ts';

/** Shanghai wall time of a result, so expectations read like the calendar on the wall. */
const local = (d: Date): string => toShanghaiIso(d).slice(0, 16).replace('T', ' ');

describe('addWorkingDays keeps the time of day', () => {
  it.each([
    ['2026-09-30 10:00', 1, '2026-10-08 10:00', 'the National Day week is skipped'],
    ['2026-10-09 11:00', 2, '2026-10-12 11:00', 'Sat 10-10 is a make-up workday, Sun 10-11 is not'],
    ['2026-09-18 15:00', 1, '2026-09-20 15:00', 'Sun 09-20 is a make-up workday'],
    ['2026-10-04 15:00', 0, '2026-10-08 15:00', '0 days rolls a holiday forward'],
    ['2026-10-08 15:00', 0, '2026-10-08 15:00', '0 days on a working day is the same instant'],
    ['2026-02-13 09:00', 2, '2026-02-24 09:00', 'Sat 02-14 worked, then 春节 to Mon 02-23'],
  ])('%s + %i → %s (%s)', (start, days, expected) => {
    expect(local(addWorkingDays(start, days))).toBe(expected);
  });

  it('refuses negative or fractional days', () => {
    expect(() => addWorkingDays('2026-10-08 10:00', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-08 10:00', 1.5)).toThrow(RangeError);
  });
});

describe('dueAfterWorkingDays: close of business on the N-th working day, start day not counted', () => {
  it.each([
    ['2026-09-30 10:00', 3, '2026-10-10 17:30', 'help: Thu 10-08, Fri 10-09, Sat 10-10 (调休)'],
    ['2026-09-30 17:45', 3, '2026-10-10 17:30', 'the hour of the start day does not matter'],
    ['2026-10-03 10:00', 1, '2026-10-08 17:30', 'dispatched on a holiday'],
    ['2026-09-18 16:00', 3, '2026-09-22 17:30', 'Sun 09-20 counts as a working day'],
    // Mon 09-21 + 13: 22,23,24 (中秋 25–27 off), 28,29,30 (国庆 1–7 off), 10-08, 09, 10 (Sat worked),
    // 12, 13, 14, 15 → Thu 10-15.
    ['2026-09-21 09:30', 13, '2026-10-15 17:30', 'complaint across 中秋 and 国庆'],
    ['2026-10-08 10:00', 0, '2026-10-08 17:30', 'urgent, same day'],
    ['2026-10-08 17:29', 0, '2026-10-08 17:30', 'urgent one minute before closing'],
    ['2026-10-08 18:00', 0, '2026-10-09 17:30', 'urgent after closing rolls to the next working day'],
    ['2026-10-06 11:00', 0, '2026-10-08 17:30', 'urgent on a holiday'],
    ['2026-10-10 08:00', 0, '2026-10-10 17:30', 'urgent on a make-up Saturday'],
  ])('%s + %i → %s (%s)', (start, days, expected) => {
    expect(local(dueAfterWorkingDays(start, days))).toBe(expected);
  });
});

describe('addWorkingHours within 09:00–12:00 and 13:30–17:30', () => {
  it.each([
    ['2026-10-08 10:00', 1, '2026-10-08 11:00', 'inside the morning'],
    ['2026-10-08 11:00', 1, '2026-10-08 12:00', 'ends exactly at the lunch break, not at 13:30'],
    ['2026-10-08 11:30', 1, '2026-10-08 14:00', 'spans the lunch break'],
    ['2026-10-08 12:15', 1, '2026-10-08 14:30', 'starts in the lunch break'],
    ['2026-10-08 07:00', 0, '2026-10-08 09:00', 'zero hours before opening is the opening'],
    ['2026-10-08 09:00', 7, '2026-10-08 17:30', 'a full working day is seven hours'],
    ['2026-10-08 09:00', 7.5, '2026-10-09 09:30', 'half an hour into the next day'],
    ['2026-09-30 17:00', 1, '2026-10-08 09:30', 'across the National Day week'],
    ['2026-10-09 17:00', 1, '2026-10-10 09:30', 'into a make-up Saturday'],
    ['2026-10-10 17:00', 1, '2026-10-12 09:30', 'over an ordinary Sunday'],
    ['2026-09-18 17:00', 1, '2026-09-20 09:30', 'over Saturday into a make-up Sunday'],
    ['2026-10-08 10:00', 0.25, '2026-10-08 10:15', 'fractions of an hour'],
  ])('%s + %s h → %s (%s)', (start, hours, expected) => {
    expect(local(addWorkingHours(start, hours))).toBe(expected);
  });

  it('follows office hours set for the office', () => {
    const cal = withOfficeHours(chinaCalendar, [
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(local(addWorkingHours('2026-10-08 11:30', 1, cal))).toBe('2026-10-08 14:30');
    // 17:30–18:00 is still open here, so only the other half hour runs on from 08:30 next morning.
    expect(local(addWorkingHours('2026-10-08 17:30', 1, cal))).toBe('2026-10-09 09:00');
    expect(local(addWorkingHours('2026-10-08 18:00', 1, cal))).toBe('2026-10-09 09:30');
    expect(local(dueAfterWorkingDays('2026-10-08 10:00', 0, cal))).toBe('2026-10-08 18:00');
  });

  it('refuses negative hours', () => {
    expect(() => addWorkingHours('2026-10-08 10:00', -1)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['2026-09-18 17:00', '2026-09-21 10:00', 30 + 420 + 60, 'Friday, make-up Sunday, Monday'],
    ['2026-09-30 09:00', '2026-10-08 09:00', 420, 'one working day then a holiday week'],
    ['2026-10-01 00:00', '2026-10-07 23:59', 0, 'all holiday'],
    ['2026-10-08 11:00', '2026-10-08 14:00', 60 + 30, 'lunch break is not working time'],
    ['2026-10-08 12:10', '2026-10-08 12:50', 0, 'inside the lunch break'],
    ['2026-10-09 17:00', '2026-10-12 09:30', 30 + 420 + 30, 'Fri, make-up Sat, Mon'],
  ])('%s → %s = %i min (%s)', (a, b, expected) => {
    expect(workingMinutesBetween(a, b)).toBe(expected);
  });

  it('is negative when the second instant is earlier', () => {
    expect(workingMinutesBetween('2026-09-21 10:00', '2026-09-18 17:00')).toBe(-510);
  });

  it('keeps seconds rather than rounding them away', () => {
    expect(workingMinutesBetween('2026-10-08 10:00:00', '2026-10-08 10:00:30')).toBe(0.5);
  });

  it('is the inverse of addWorkingMinutes for any start in 2025–2026', () => {
    const start = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 1) });
    const minutes = fc.integer({ min: 0, max: 20_000 });
    fc.assert(
      fc.property(start, minutes, (ms, m) => {
        const from = new Date(ms);
        expect(workingMinutesBetween(from, addWorkingMinutes(from, m))).toBeCloseTo(m, 6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isWithinOfficeHours', () => {
  it.each([
    ['2026-10-08 09:00', true],
    ['2026-10-08 11:59', true],
    ['2026-10-08 12:00', false],
    ['2026-10-08 13:30', true],
    ['2026-10-08 17:30', false],
    ['2026-10-10 10:00', true],
    ['2026-10-07 10:00', false],
  ])('%s → %s', (at, expected) => {
    expect(isWithinOfficeHours(at)).toBe(expected);
  });
});
