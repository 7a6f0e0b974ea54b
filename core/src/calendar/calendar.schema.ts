import { z } from 'zod';
import { dayKeyOf, dayNumberFromKey } from './shanghai-time.ts';

/** A real calendar date written `YYYY-MM-DD`. */
export const dateKeySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD')
  .refine((key) => {
    try {
      dayNumberFromKey(key);
      return true;
    } catch {
      return false;
    }
  }, 'No such date');

/** One holiday block of an official notice, e.g. 国庆节 2026-10-01…07 with 09-20 and 10-10 worked. */
export const holidayPeriodSchema = z
  .object({
    name: z.string().min(1).max(40),
    from: dateKeySchema,
    to: dateKeySchema,
    /** Weekend days worked to make up for the block (调休上班). */
    makeUpWorkdays: z.array(dateKeySchema).default([]),
  })
  .refine((p) => p.from <= p.to, { message: '`from` must not be after `to`', path: ['to'] });

/**
 * Holiday data for one office. The bundled default is `cn-holidays.json`; an office may store its
 * own copy (next year's notice, a local holiday such as 三月三 in Guangxi) in the same shape.
 */
export const holidayCalendarDataSchema = z
  .object({
    name: z.string().min(1).max(100),
    sources: z.array(z.string()).default([]),
    /** Years this data describes completely; outside them only weekends are days off. */
    years: z.array(z.number().int().min(1990).max(2200)).min(1),
    holidays: z.array(holidayPeriodSchema),
    /** Extra single days off (local holidays), and extra working days, beyond the notices. */
    extraOffDays: z.array(dateKeySchema).default([]),
    extraWorkdays: z.array(dateKeySchema).default([]),
  })
  .superRefine((data, ctx) => {
    const off = new Set(data.extraOffDays);
    try {
      for (const h of data.holidays) {
        for (let d = dayNumberFromKey(h.from); d <= dayNumberFromKey(h.to); d++) off.add(dayKeyOf(d));
      }
    } catch {
      return; // a malformed date is already reported by its own field
    }
    const work = [...data.holidays.flatMap((h) => h.makeUpWorkdays), ...data.extraWorkdays];
    for (const day of work) {
      // A day cannot be both off and worked: that is a typo in the data, not a policy.
      if (off.has(day)) ctx.addIssue({ code: 'custom', message: `${day} is both a day off and a workday` });
    }
  });

export type HolidayCalendarDataInput = z.input<typeof holidayCalendarDataSchema>;
export type HolidayCalendarData = z.output<typeof holidayCalendarDataSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM');

/** Office hours as local wall-clock periods, in order and not overlapping. */
export const officeHoursSchema = z
  .array(z.object({ start: hhmm, end: hhmm }))
  .min(1)
  .superRefine((periods, ctx) => {
    let previousEnd = -1;
    periods.forEach((p, i) => {
      const start = minutesOfHhmm(p.start);
      const end = minutesOfHhmm(p.end);
      if (end <= start) ctx.addIssue({ code: 'custom', message: 'A period must end after it starts', path: [i, 'end'] });
      if (start < previousEnd) ctx.addIssue({ code: 'custom', message: 'Periods must be in order and not overlap', path: [i, 'start'] });
      previousEnd = end;
    });
  });

export type OfficeHoursInput = z.input<typeof officeHoursSchema>;

/** Default office hours of a Chinese government office: 09:00–12:00 and 13:30–17:30 (7 hours). */
export const defaultOfficeHours: OfficeHoursInput = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/**
 * Minutes after local midnight of an `HH:MM` string.
 *
 * @example
 * minutesOfHhmm('13:30') // 810
 */
export function minutesOfHhmm(value: string): number {
  const [h, m] = value.split(':');
  return Number(h) * 60 + Number(m);
}
