/** Dates as Chinese news pages write them, and turning them into ISO 8601. */

/** A calendar date found in a text, with its time of day when one follows. */
export interface FoundDate {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  /** Offset of the match in the searched text. */
  index: number;
  raw: string;
}

const fullDate =
  /(?<![\d.])((?:19|20)\d{2})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})(?![\d.])\s*(?:日|号|號)?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*\d{2})?)?/g;
const chineseDate = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号號]/g;
const chineseDigits = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十七 → 27, 三十一 → 31 (enough for months and days). */
function smallChineseNumber(text: string): number {
  const digit = (char: string | undefined) => (char === undefined ? 0 : chineseDigits.indexOf(char));
  const [first, second, third] = [...text];
  if (text.length === 1) return first === '十' ? 10 : digit(first);
  if (first === '十') return 10 + digit(second);
  if (second === '十') return digit(first) * 10 + (third === undefined ? 0 : digit(third));
  return Number.NaN;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (!(year >= 1949 && year <= 2100 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * All full dates (with a year) in a text: `2022年07月27日 11:04`, `2022-07-27`, `2022/7/27`,
 * `二〇二二年七月二十七日`. Impossible dates (2月30日) are skipped.
 *
 * @example findFullDates('2022年07月27日 11:04 來源')[0] // { year: 2022, month: 7, day: 27, hour: 11, minute: 4, … }
 */
export function findFullDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(fullDate)) {
    const [raw, year, month, day, hour, minute] = match;
    const time = hour !== undefined && minute !== undefined && Number(hour) < 24 && Number(minute) < 60;
    found.push({
      year: Number(year), month: Number(month), day: Number(day),
      hour: time ? Number(hour) : null, minute: time ? Number(minute) : null, index: match.index, raw: raw.trim(),
    });
  }
  for (const match of text.matchAll(chineseDate)) {
    const [raw, year = '', month = '', day = ''] = match;
    const digits = [...year].map((char) => (char === '零' ? 0 : chineseDigits.indexOf(char))).join('');
    found.push({
      year: Number(digits), month: smallChineseNumber(month), day: smallChineseNumber(day),
      hour: null, minute: null, index: match.index, raw,
    });
  }
  return found.filter((date) => isValidDate(date.year, date.month, date.day)).sort((a, b) => a.index - b.index);
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * The year of a date written without one (`5月28日电`): taken from the latest full date the text
 * mentions up to `now` — moved a year on if that would put the date half a year before it
 * (a report of 1月3日 that mentions 2022年12月30日 is from 2023) — or else the year of `now`,
 * moved back a year if the date would lie in the future.
 *
 * @example inferYear(5, 28, [], new Date('2024-06-01')) // 2024
 * @example inferYear(5, 28, [], new Date('2024-03-01')) // 2023
 */
export function inferYear(month: number, day: number, references: FoundDate[], now: Date): number {
  const today = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  const past = references.filter((date) => dayNumber(date.year, date.month, date.day) <= today + 1);
  const latest = past.reduce<FoundDate | null>(
    (best, date) => (!best || dayNumber(date.year, date.month, date.day) > dayNumber(best.year, best.month, best.day) ? date : best),
    null,
  );
  if (latest) {
    const candidate = dayNumber(latest.year, month, day);
    return candidate < dayNumber(latest.year, latest.month, latest.day) - 183 ? latest.year + 1 : latest.year;
  }
  const year = now.getUTCFullYear();
  return dayNumber(year, month, day) > today + 1 ? year - 1 : year;
}

/**
 * ISO 8601 for a found date: `2022-07-27` without a time, `2022-07-27T11:04:00+08:00` with one
 * (Chinese pages give Beijing time unless `offset` says otherwise).
 *
 * @example toIsoDate({ year: 2022, month: 7, day: 27, hour: 11, minute: 4 }) // '2022-07-27T11:04:00+08:00'
 */
export function toIsoDate(
  date: Pick<FoundDate, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
  offset = '+08:00',
): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  return date.hour === null || date.minute === null ? day : `${day}T${pad(date.hour)}:${pad(date.minute)}:00${offset}`;
}

/** Whether month/day (no year) is a real date in some year: 2月29日 is. */
export function isPossibleMonthDay(month: number, day: number): boolean {
  return isValidDate(2024, month, day);
}
