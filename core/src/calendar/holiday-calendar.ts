import chinaHolidayData from './cn-holidays.json' with { type: 'json' };
import {
  defaultOfficeHours,
  holidayCalendarDataSchema,
  minutesOfHhmm,
  officeHoursSchema,
  type HolidayCalendarDataInput,
  type OfficeHoursInput,
} from './calendar.schema.ts';
import { dayKeyOf, dayNumberFromKey, shanghaiDateKey, weekdayOf, type Instant } from './shanghai-time.ts';

/** One office-hours period as minutes after local midnight, `[start, end)`. */
export interface OfficePeriod {
  startMinute: number;
  endMinute: number;
}

/**
 * A working-day calendar: which Shanghai local days are worked and when the office is open.
 * Built once from data by {@link createHolidayCalendar}; immutable afterwards.
 */
export interface HolidayCalendar {
  readonly name: string;
  /** Public-holiday dates (`YYYY-MM-DD`), weekend days inside a holiday block included. */
  readonly offDays: ReadonlySet<string>;
  /** Weekend dates that are worked (调休上班). */
  readonly workdays: ReadonlySet<string>;
  /** Holiday name by date, for labels ("国庆节"). */
  readonly holidayNames: ReadonlyMap<string, string>;
  readonly years: ReadonlySet<number>;
  readonly officeHours: readonly OfficePeriod[];
}

/**
 * Build a calendar from holiday data (validated with zod; throws a `ZodError` on bad data) and
 * optional office hours. Offices with their own data pass it here; everyone else uses
 * {@link chinaCalendar}.
 *
 * @example
 * const cal = createHolidayCalendar(myOfficeData, { officeHours: [{ start: '08:30', end: '17:00' }] });
 * isWorkingDay('2026-10-10', cal);
 */
export function createHolidayCalendar(
  input: HolidayCalendarDataInput,
  options: { officeHours?: OfficeHoursInput } = {},
): HolidayCalendar {
  const data = holidayCalendarDataSchema.parse(input);
  const hours = officeHoursSchema.parse(options.officeHours ?? defaultOfficeHours);
  const offDays = new Set<string>(data.extraOffDays);
  const holidayNames = new Map<string, string>();
  const workdays = new Set<string>(data.extraWorkdays);
  for (const period of data.holidays) {
    for (let d = dayNumberFromKey(period.from); d <= dayNumberFromKey(period.to); d++) {
      offDays.add(dayKeyOf(d));
      holidayNames.set(dayKeyOf(d), period.name);
    }
    for (const day of period.makeUpWorkdays) workdays.add(day);
  }
  return {
    name: data.name,
    offDays,
    workdays,
    holidayNames,
    years: new Set(data.years),
    officeHours: hours.map((p) => ({ startMinute: minutesOfHhmm(p.start), endMinute: minutesOfHhmm(p.end) })),
  };
}

/**
 * The same calendar with other office hours (an office that opens at 08:30, a summer timetable).
 *
 * @example
 * withOfficeHours(chinaCalendar, [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }])
 */
export function withOfficeHours(calendar: HolidayCalendar, officeHours: OfficeHoursInput): HolidayCalendar {
  const hours = officeHoursSchema.parse(officeHours);
  return {
    ...calendar,
    officeHours: hours.map((p) => ({ startMinute: minutesOfHhmm(p.start), endMinute: minutesOfHhmm(p.end) })),
  };
}

/** The official 2025 and 2026 schedules (国务院办公厅) with default office hours. */
export const chinaCalendar: HolidayCalendar = createHolidayCalendar(chinaHolidayData);

/**
 * Whether a Shanghai local day is a working day: a make-up workday is worked, a public holiday is
 * not, otherwise Monday–Friday. Accepts a `YYYY-MM-DD` date or any instant (its Shanghai day).
 *
 * @example
 * isWorkingDay('2026-10-08') // true  (Thursday after the National Day week)
 * isWorkingDay('2026-10-07') // false (国庆节)
 * isWorkingDay('2026-10-10') // true  (Saturday, 调休上班)
 */
export function isWorkingDay(date: Instant, calendar: HolidayCalendar = chinaCalendar): boolean {
  return isWorkingDayKey(shanghaiDateKey(date), calendar);
}

/** {@link isWorkingDay} for a day number, the form the working-time loops step through. */
export function isWorkingDayNumber(dayNumber: number, calendar: HolidayCalendar): boolean {
  return isWorkingDayKey(dayKeyOf(dayNumber), calendar, dayNumber);
}

function isWorkingDayKey(key: string, calendar: HolidayCalendar, dayNumber = dayNumberFromKey(key)): boolean {
  // Make-up workdays first: they are weekends that the notice turns into working days.
  if (calendar.workdays.has(key)) return true;
  if (calendar.offDays.has(key)) return false;
  const weekday = weekdayOf(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/**
 * Whether the calendar's data covers the year of a date. Outside it only weekends are days off, so
 * the UI should warn that next year's notice has not been loaded.
 *
 * @example
 * isCoveredYear('2027-02-10') // false with the bundled data
 */
export function isCoveredYear(date: Instant, calendar: HolidayCalendar = chinaCalendar): boolean {
  return calendar.years.has(Number(shanghaiDateKey(date).slice(0, 4)));
}

/**
 * The holiday name of a date, or null on an ordinary day.
 *
 * @example
 * holidayNameOf('2026-02-17') // "春节"
 */
export function holidayNameOf(date: Instant, calendar: HolidayCalendar = chinaCalendar): string | null {
  return calendar.holidayNames.get(shanghaiDateKey(date)) ?? null;
}
