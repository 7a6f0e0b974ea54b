/**
 * Asia/Shanghai local time without the machine's time zone database.
 *
 * China has used UTC+8 all year since 1991 (no daylight saving), so the offset is a constant. Every
 * function here does its arithmetic on UTC milliseconds shifted by that constant and reads the
 * shifted value with the `getUTC*` family, which never consults `process.env.TZ`.
 */

/** Minutes east of UTC for Asia/Shanghai. */
export const SHANGHAI_OFFSET_MINUTES = 480;

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
/** Milliseconds in one calendar day. */
export const DAY_MS = 86_400_000;

/** An instant as a `Date` or an ISO 8601 string (see {@link toMs} for strings without an offset). */
export type Instant = Date | string;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?$/;

/**
 * Milliseconds since the epoch for an instant.
 *
 * Strings with `Z` or an offset are exact. A date-only string (`2026-10-08`) is midnight in Shanghai,
 * and a date-time without an offset (`2026-10-08 09:30`) is Shanghai wall time: `Date.parse` would read
 * both in the machine's zone (or UTC), and a server in another zone would then count the wrong day.
 *
 * @example
 * toMs('2026-10-08T09:00:00+08:00') === toMs('2026-10-08 09:00') // true
 */
export function toMs(instant: Instant): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return ms;
  }
  const dateOnly = DATE_ONLY.exec(instant);
  if (dateOnly) return dayStartMs(dayNumberFromKey(instant));
  const local = LOCAL_DATE_TIME.exec(instant);
  if (local) {
    const [, y, mo, d, h, mi, s, frac] = local;
    const key = `${y}-${mo}-${d}`;
    const ms = Number(frac ?? 0) * 1000;
    return dayStartMs(dayNumberFromKey(key)) + (Number(h) * 60 + Number(mi)) * 60_000 + Number(s ?? 0) * 1000 + ms;
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${instant}`);
  return ms;
}

/**
 * The Shanghai local day of an instant, as days since 1970-01-01 (a plain integer is cheap to step).
 *
 * @example
 * dayKeyOf(localDayNumber(toMs('2026-09-30T16:30:00Z'))) // "2026-10-01" (00:30 in Shanghai)
 */
export function localDayNumber(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** The UTC instant at which a Shanghai local day begins. */
export function dayStartMs(dayNumber: number): number {
  return dayNumber * DAY_MS - OFFSET_MS;
}

/**
 * `YYYY-MM-DD` of a local day number.
 *
 * @example
 * dayKeyOf(0) // "1970-01-01"
 */
export function dayKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local day number of a `YYYY-MM-DD` key; throws on a malformed or impossible date (`2026-02-30`).
 *
 * @example
 * dayNumberFromKey('1970-01-02') // 1
 */
export function dayNumberFromKey(key: string): number {
  const match = DATE_ONLY.exec(key);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${key}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 02-30 over to 03-02; comparing back catches it.
  if (new Date(ms).toISOString().slice(0, 10) !== key) throw new RangeError(`No such date: ${key}`);
  return ms / DAY_MS;
}

/**
 * Day of the week of a local day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * weekdayOf(dayNumberFromKey('2026-10-10')) // 6 (a Saturday, and a make-up workday)
 */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * The Shanghai local date key of any instant, or of a date-only string as given.
 *
 * @example
 * shanghaiDateKey('2026-09-30T16:30:00Z') // "2026-10-01"
 */
export function shanghaiDateKey(date: Instant): string {
  if (typeof date === 'string' && DATE_ONLY.test(date)) {
    dayNumberFromKey(date);
    return date;
  }
  return dayKeyOf(localDayNumber(toMs(date)));
}

/**
 * Format an instant as Shanghai wall time with the offset, for display and for readable test output.
 *
 * @example
 * toShanghaiIso(new Date('2026-10-08T01:00:00Z')) // "2026-10-08T09:00:00+08:00"
 */
export function toShanghaiIso(date: Instant): string {
  const shifted = new Date(toMs(date) + OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}
