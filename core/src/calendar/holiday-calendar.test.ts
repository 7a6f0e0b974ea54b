import { afterEach, describe, expect, it } from 'vitest';
import chinaHolidayData from './cn-holidays.json' with { type: 'json' };
import { holidayCalendarDataSchema, officeHoursSchema } from './calendar.schema.ts';
import {
  chinaCalendar,
  createHolidayCalendar,
  holidayNameOf,
  isCoveredYear,
  isWorkingDay,
} from './holiday-calendar.ts';
import { dayKeyOf, dayNumberFromKey, shanghaiDateKey, toMs, toShanghaiIso, weekdayOf } from './shanghai-time.ts';

describe('Shanghai local time', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  it('reads a string without an offset as Shanghai wall time and a date-only string as Shanghai midnight', () => {
    expect(toMs('2026-10-08 09:00')).toBe(Date.UTC(2026, 9, 8, 1, 0));
    expect(toMs('2026-10-08T09:00:30.5')).toBe(Date.UTC(2026, 9, 8, 1, 0, 30, 500));
    expect(toMs('2026-10-08')).toBe(Date.UTC(2026, 9, 7, 16, 0));
    expect(toMs('2026-10-08T09:00:00+08:00')).toBe(Date.UTC(2026, 9, 8, 1, 0));
  });

  it('puts 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDateKey('2026-09-30T15:59:59Z')).toBe('2026-09-30');
    expect(shanghaiDateKey('2026-09-30T16:00:00Z')).toBe('2026-10-01');
    expect(toShanghaiIso('2026-09-30T16:30:00Z')).toBe('2026-10-01T00:30:00+08:00');
  });

  it('gives the same answers whatever the machine time zone is', () => {
    for (const tz of ['America/Los_Angeles', 'UTC', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(toMs('2026-10-08 09:00')).toBe(Date.UTC(2026, 9, 8, 1, 0));
      expect(shanghaiDateKey(new Date(Date.UTC(2026, 8, 30, 16, 30)))).toBe('2026-10-01');
      expect(isWorkingDay(new Date(Date.UTC(2026, 9, 9, 17, 0)))).toBe(true); // Sat 10-10 01:00 Shanghai
    }
  });

  it('knows weekdays and rejects impossible dates', () => {
    expect(weekdayOf(dayNumberFromKey('2026-10-10'))).toBe(6);
    expect(weekdayOf(dayNumberFromKey('2026-10-11'))).toBe(0);
    expect(weekdayOf(dayNumberFromKey('1969-12-31'))).toBe(3);
    expect(dayKeyOf(dayNumberFromKey('2028-02-29'))).toBe('2028-02-29');
    expect(() => dayNumberFromKey('2026-02-29')).toThrow(RangeError);
    expect(() => toMs('next Tuesday')).toThrow(RangeError);
    expect(() => toMs(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isWorkingDay with the bundled 2025–2026 notices', () => {
  const cases: Array<[string, boolean, string]> = [
    ['2025-01-01', false, '元旦 2025, a Wednesday, no make-up day'],
    ['2025-01-26', true, 'Sunday worked before 春节 2025'],
    ['2025-01-28', false, '除夕 2025'],
    ['2025-02-04', false, 'last day of 春节 2025, a Tuesday'],
    ['2025-02-05', true, 'first working day after 春节 2025'],
    ['2025-02-08', true, 'Saturday worked after 春节 2025'],
    ['2025-04-04', false, '清明 2025'],
    ['2025-04-27', true, 'Sunday worked before 劳动节 2025'],
    ['2025-05-05', false, '劳动节 2025, a Monday'],
    ['2025-06-02', false, '端午 2025, a Monday'],
    ['2025-09-28', true, 'Sunday worked before 国庆 2025'],
    ['2025-10-08', false, 'eighth day of 国庆+中秋 2025'],
    ['2025-10-11', true, 'Saturday worked after 国庆 2025'],
    ['2026-01-02', false, '元旦 2026, a Friday'],
    ['2026-01-04', true, 'Sunday worked after 元旦 2026'],
    ['2026-02-14', true, 'Saturday worked before 春节 2026'],
    ['2026-02-23', false, 'last day of 春节 2026, a Monday'],
    ['2026-02-24', true, 'first working day after 春节 2026'],
    ['2026-02-28', true, 'Saturday worked after 春节 2026'],
    ['2026-04-06', false, '清明 2026, a Monday'],
    ['2026-05-05', false, '劳动节 2026, a Tuesday'],
    ['2026-05-09', true, 'Saturday worked after 劳动节 2026'],
    ['2026-06-19', false, '端午 2026, a Friday'],
    ['2026-09-19', false, 'ordinary Saturday'],
    ['2026-09-20', true, 'Sunday worked before 国庆 2026'],
    ['2026-09-25', false, '中秋 2026, a Friday'],
    ['2026-09-30', true, 'Wednesday before National Day'],
    ['2026-10-01', false, '国庆 2026'],
    ['2026-10-05', false, '国庆 2026, a Monday'],
    ['2026-10-07', false, 'last day of 国庆 2026, a Wednesday'],
    ['2026-10-08', true, 'Thursday after National Day'],
    ['2026-10-10', true, 'Saturday worked after 国庆 2026'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-11-16', true, 'ordinary Monday'],
  ];
  it.each(cases)('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('uses the Shanghai day of an instant, not its UTC day', () => {
    expect(isWorkingDay('2026-09-30T15:59:00Z')).toBe(true); // 23:59 on Wed 09-30
    expect(isWorkingDay('2026-09-30T16:00:00Z')).toBe(false); // 00:00 on 10-01
  });

  it('counts 248 working days in each of 2025 and 2026 (261 weekdays − holidays on weekdays + make-up days)', () => {
    const count = (year: number): number => {
      let n = 0;
      for (let d = dayNumberFromKey(`${year}-01-01`); d <= dayNumberFromKey(`${year}-12-31`); d++) {
        if (isWorkingDay(dayKeyOf(d))) n++;
      }
      return n;
    };
    // 2025: 18 holiday weekdays, 5 make-up days; 2026: 19 holiday weekdays, 6 make-up days.
    expect(count(2025)).toBe(261 - 18 + 5);
    expect(count(2026)).toBe(261 - 19 + 6);
  });

  it('falls back to weekends outside the covered years and says so', () => {
    expect(isCoveredYear('2026-12-31')).toBe(true);
    expect(isCoveredYear('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(true); // a Friday: next year's notice is not loaded
    expect(isWorkingDay('2027-01-02')).toBe(false);
  });

  it('names the holiday of a date', () => {
    expect(holidayNameOf('2026-02-17')).toBe('春节');
    expect(holidayNameOf('2025-10-06')).toBe('国庆节、中秋节');
    expect(holidayNameOf('2026-10-10')).toBeNull();
  });
});

describe('a calendar of an office’s own', () => {
  it('adds a local holiday and a local workday without touching the default', () => {
    const local = createHolidayCalendar({
      ...chinaHolidayData,
      name: '广西（含三月三）',
      extraOffDays: ['2026-04-20'],
      extraWorkdays: ['2026-04-25'],
    });
    expect(isWorkingDay('2026-04-20', local)).toBe(false);
    expect(isWorkingDay('2026-04-25', local)).toBe(true);
    expect(isWorkingDay('2026-04-20', chinaCalendar)).toBe(true);
    expect(isWorkingDay('2026-04-25', chinaCalendar)).toBe(false);
    expect(isWorkingDay('2026-10-01', local)).toBe(false);
  });

  it('rejects data that makes a day both off and worked, or has impossible dates', () => {
    const bad = { name: 'x', years: [2026], holidays: [{ name: 'A', from: '2026-10-01', to: '2026-10-03', makeUpWorkdays: ['2026-10-02'] }] };
    expect(holidayCalendarDataSchema.safeParse(bad).success).toBe(false);
    const impossible = { name: 'x', years: [2026], holidays: [{ name: 'A', from: '2026-02-29', to: '2026-03-01' }] };
    expect(holidayCalendarDataSchema.safeParse(impossible).success).toBe(false);
    const reversed = { name: 'x', years: [2026], holidays: [{ name: 'A', from: '2026-03-02', to: '2026-03-01' }] };
    expect(holidayCalendarDataSchema.safeParse(reversed).success).toBe(false);
    expect(() => createHolidayCalendar({ name: 'x', years: [], holidays: [] })).toThrow();
  });

  it('rejects office hours that overlap, run backwards or are not HH:MM', () => {
    expect(officeHoursSchema.safeParse([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }]).success).toBe(false);
    expect(officeHoursSchema.safeParse([{ start: '12:00', end: '09:00' }]).success).toBe(false);
    expect(officeHoursSchema.safeParse([{ start: '9:00', end: '12:00' }]).success).toBe(false);
    expect(officeHoursSchema.safeParse([{ start: '00:00', end: '24:00' }]).success).toBe(true);
  });
});
