import { chinaCalendar, isWorkingDayNumber, type HolidayCalendar } from './holiday-calendar.ts';
import { dayStartMs, localDayNumber, toMs, type Instant } from './shanghai-time.ts';

/**
 * Longest stretch searched for a working day. A calendar with ten years of days off is broken data;
 * stopping beats looping forever.
 */
const MAX_DAYS_SEARCHED = 3660;

/** Office windows of one local day as UTC `[start, end)` pairs; none on a day off. */
function windowsOf(dayNumber: number, calendar: HolidayCalendar): Array<[number, number]> {
  if (!isWorkingDayNumber(dayNumber, calendar)) return [];
  const start = dayStartMs(dayNumber);
  return calendar.officeHours.map((p) => [start + p.startMinute * 60_000, start + p.endMinute * 60_000]);
}

/** End of the last office window of a day (close of business). */
function closeOf(dayNumber: number, calendar: HolidayCalendar): number {
  const last = calendar.officeHours[calendar.officeHours.length - 1];
  // The schema requires at least one period; the fallback only satisfies the type checker.
  return dayStartMs(dayNumber) + (last ? last.endMinute : 24 * 60) * 60_000;
}

function assertCount(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a finite number ≥ 0, got ${n}`);
}

/** First working day at or after `dayNumber`. */
function firstWorkingDayFrom(dayNumber: number, calendar: HolidayCalendar): number {
  for (let d = dayNumber, i = 0; i < MAX_DAYS_SEARCHED; d++, i++) {
    if (isWorkingDayNumber(d, calendar)) return d;
  }
  throw new RangeError('No working day within ten years: check the calendar data');
}

/** The n-th working day strictly after `dayNumber` (n ≥ 1). */
function nthWorkingDayAfter(dayNumber: number, n: number, calendar: HolidayCalendar): number {
  let d = dayNumber;
  for (let found = 0; found < n; ) {
    d = firstWorkingDayFrom(d + 1, calendar);
    found++;
  }
  return d;
}

/**
 * Move forward `days` working days, keeping the Shanghai wall-clock time. With 0 the date is only
 * rolled forward to a working day when it falls on a day off.
 *
 * @example
 * // Wed 2026-09-30 10:00 + 1 working day → Thu 2026-10-08 10:00 (the National Day week is off)
 * addWorkingDays('2026-09-30T10:00:00+08:00', 1).toISOString() // "2026-10-08T02:00:00.000Z"
 */
export function addWorkingDays(start: Instant, days: number, calendar: HolidayCalendar = chinaCalendar): Date {
  assertCount(days, 'days');
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  const ms = toMs(start);
  const day = localDayNumber(ms);
  const timeOfDay = ms - dayStartMs(day);
  const target = days === 0 ? firstWorkingDayFrom(day, calendar) : nthWorkingDayAfter(day, days, calendar);
  return new Date(dayStartMs(target) + timeOfDay);
}

/**
 * Deadline of "within N working days": close of business on the N-th working day after the start
 * day. The start day itself is not counted (期间开始的当日不计算在内), whatever the hour. With N = 0
 * ("same day") it is close of business on the start day, or on the next working day when the start
 * is on a day off or after closing.
 *
 * @example
 * // dispatched Fri 2026-09-18 16:00, 3 working days: Sun 09-20 is a make-up workday, so the days
 * // counted are Sun 09-20, Mon 09-21 and Tue 09-22 → Tue 17:30
 * dueAfterWorkingDays('2026-09-18T16:00:00+08:00', 3) // 2026-09-22T17:30+08:00
 */
export function dueAfterWorkingDays(start: Instant, days: number, calendar: HolidayCalendar = chinaCalendar): Date {
  assertCount(days, 'days');
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  const ms = toMs(start);
  const day = localDayNumber(ms);
  if (days > 0) return new Date(closeOf(nthWorkingDayAfter(day, days, calendar), calendar));
  const today = isWorkingDayNumber(day, calendar) && ms < closeOf(day, calendar);
  return new Date(closeOf(today ? day : firstWorkingDayFrom(day + 1, calendar), calendar));
}

/**
 * Add working minutes: only time inside office hours on working days counts. A start outside office
 * hours begins at the next opening. A result that lands exactly on a closing time stays there
 * (12:00, not 13:30), because that is the moment the time ran out.
 *
 * @example
 * // Wed 2026-09-30 17:00 + 60 working minutes → 30 min on Wed 09-30, the rest on Thu 10-08 from 09:00
 * addWorkingMinutes('2026-09-30T17:00:00+08:00', 60) // 2026-10-08T09:30+08:00
 */
export function addWorkingMinutes(start: Instant, minutes: number, calendar: HolidayCalendar = chinaCalendar): Date {
  assertCount(minutes, 'minutes');
  const from = toMs(start);
  let remaining = Math.round(minutes * 60_000);
  let day = localDayNumber(from);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, day++) {
    for (const [open, close] of windowsOf(day, calendar)) {
      if (close <= from) continue;
      const begin = Math.max(open, from);
      const available = close - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  throw new RangeError('No working time within ten years: check the calendar data');
}

/**
 * Add working hours (office hours on working days; fractions allowed).
 *
 * @example
 * // accept within 1 working hour of a dispatch at Fri 2026-10-09 17:00 → Sat 10-10 09:30 (调休上班)
 * addWorkingHours('2026-10-09T17:00:00+08:00', 1) // 2026-10-10T09:30+08:00
 */
export function addWorkingHours(start: Instant, hours: number, calendar: HolidayCalendar = chinaCalendar): Date {
  assertCount(hours, 'hours');
  return addWorkingMinutes(start, hours * 60, calendar);
}

/**
 * Working minutes between two instants: the overlap of `[a, b)` with office hours on working days.
 * Negative when `b` is before `a`, so "remaining" and "overdue" come from one call. Not rounded:
 * callers decide how to show seconds.
 *
 * @example
 * // Fri 2026-09-18 17:00 → Mon 09-21 10:00: 30 min Friday + 7 h on Sun 09-20 (调休) + 60 min Monday
 * workingMinutesBetween('2026-09-18T17:00:00+08:00', '2026-09-21T10:00:00+08:00') // 510
 */
export function workingMinutesBetween(a: Instant, b: Instant, calendar: HolidayCalendar = chinaCalendar): number {
  const from = toMs(a);
  const to = toMs(b);
  if (to < from) return -workingMinutesBetween(b, a, calendar);
  let total = 0;
  for (let day = localDayNumber(from); day <= localDayNumber(to); day++) {
    for (const [open, close] of windowsOf(day, calendar)) {
      const overlap = Math.min(close, to) - Math.max(open, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / 60_000;
}

/**
 * Whether an instant falls inside office hours on a working day (for "the office is closed now").
 *
 * @example
 * isWithinOfficeHours('2026-10-10T12:30:00+08:00') // false (lunch break)
 */
export function isWithinOfficeHours(at: Instant, calendar: HolidayCalendar = chinaCalendar): boolean {
  const ms = toMs(at);
  return windowsOf(localDayNumber(ms), calendar).some(([open, close]) => ms >= open && ms < close);
}
