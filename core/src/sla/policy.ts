import { z } from 'zod';
import { chinaCalendar, type HolidayCalendar } from '../calendar/holiday-calendar.ts';
import { toMs, type Instant } from '../calendar/shanghai-time.ts';
import { addWorkingHours, dueAfterWorkingDays } from '../calendar/working-time.ts';

/** Kinds of dispatched request, each with its own time limits. */
export const requestKinds = ['help', 'question', 'idea', 'complaint', 'urgent'] as const;
export type RequestKind = (typeof requestKinds)[number];

/**
 * One time limit. `working_hours` count office hours on working days; `clock_hours` count every hour;
 * `working_days` end at close of business on the N-th working day after the start day (0 = the same
 * working day), see `dueAfterWorkingDays`.
 */
export const timeLimitSchema = z
  .object({
    unit: z.enum(['working_hours', 'clock_hours', 'working_days']),
    amount: z.number().min(0).max(10_000),
  })
  .refine((l) => l.unit !== 'working_days' || Number.isInteger(l.amount), {
    message: 'Working days must be a whole number',
    path: ['amount'],
  });
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** The three clocks of one kind: sign/accept (签收), contact the person (联系), reply (答复). */
export const kindPolicySchema = z.object({
  accept: timeLimitSchema,
  contact: timeLimitSchema,
  reply: timeLimitSchema,
});
export type KindPolicy = z.infer<typeof kindPolicySchema>;

/** Time limits for every kind; stored per office as configuration and validated with this schema. */
export const slaPolicySchema = z.object({
  help: kindPolicySchema,
  question: kindPolicySchema,
  idea: kindPolicySchema,
  complaint: kindPolicySchema,
  urgent: kindPolicySchema,
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

const acceptWithinOneWorkingHour: TimeLimit = { unit: 'working_hours', amount: 1 };
const contactWithin24Hours: TimeLimit = { unit: 'clock_hours', amount: 24 };

/**
 * Defaults in the spirit of Beijing's 接诉即办: sign within 1 working hour, contact the person within
 * 24 hours, reply within 3 working days for help and questions, 13 for complaints, the same working
 * day when urgent. Ideas and suggestions get 13 working days like complaints, because an answer to a
 * suggestion needs study; offices change any of these in their settings.
 */
export const defaultSlaPolicy: SlaPolicy = {
  help: { accept: acceptWithinOneWorkingHour, contact: contactWithin24Hours, reply: { unit: 'working_days', amount: 3 } },
  question: { accept: acceptWithinOneWorkingHour, contact: contactWithin24Hours, reply: { unit: 'working_days', amount: 3 } },
  idea: { accept: acceptWithinOneWorkingHour, contact: contactWithin24Hours, reply: { unit: 'working_days', amount: 13 } },
  complaint: { accept: acceptWithinOneWorkingHour, contact: contactWithin24Hours, reply: { unit: 'working_days', amount: 13 } },
  urgent: { accept: acceptWithinOneWorkingHour, contact: contactWithin24Hours, reply: { unit: 'working_days', amount: 0 } },
};

/**
 * When a limit started at `start` runs out.
 *
 * @example
 * dueAt('2026-10-09T17:00:00+08:00', { unit: 'working_hours', amount: 1 }) // Sat 2026-10-10 09:30 (调休)
 * dueAt('2026-10-09T17:00:00+08:00', { unit: 'clock_hours', amount: 24 })  // Sat 2026-10-10 17:00
 */
export function dueAt(start: Instant, limit: TimeLimit, calendar: HolidayCalendar = chinaCalendar): Date {
  switch (limit.unit) {
    case 'working_hours':
      return addWorkingHours(start, limit.amount, calendar);
    case 'clock_hours':
      return new Date(toMs(start) + limit.amount * 3_600_000);
    case 'working_days':
      return dueAfterWorkingDays(start, limit.amount, calendar);
  }
}

/** Whether a limit is measured in working time (so remaining minutes are working minutes). */
export function isWorkingTimeLimit(limit: TimeLimit): boolean {
  return limit.unit !== 'clock_hours';
}
