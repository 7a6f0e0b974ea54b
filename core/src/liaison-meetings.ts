import { z } from 'zod';
import { ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';
import { workRefSchema } from './projects.ts';

/**
 * 季度座谈会: the office meets the representatives of its area once a quarter. A meeting lists who
 * was invited and who came, and keeps its minutes; the quarter view shows which quarters had none.
 */
const id = z.number().int().positive();

export const meetingAttendeeSchema = workRefSchema.extend({
  organisationName: z.string().nullable(),
  attended: z.boolean(),
});
export type MeetingAttendee = z.infer<typeof meetingAttendeeSchema>;

export const meetingSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  heldOn: z.string(),
  /** 1–4, by the meeting's date. */
  quarter: z.number().int(),
  place: z.string().nullable(),
  invitedCount: z.number().int(),
  attendedCount: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingDetailSchema = meetingSchema.extend({
  minutes: z.string().nullable(),
  attendees: z.array(meetingAttendeeSchema),
  allowed: z.array(z.string()),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

const attendeesInput = z
  .array(z.strictObject({ personId: id, attended: z.boolean() }))
  .max(500)
  .refine((list) => new Set(list.map((a) => a.personId)).size === list.length, { error: 'validation.unique_items' });

export const meetingCreateSchema = z.strictObject({
  divisionId: id,
  title: z.string().trim().min(1).max(120),
  heldOn: ymdDateSchema,
  place: z.string().trim().max(120).nullable().optional(),
  minutes: z.string().trim().max(20000).nullable().optional(),
  attendees: attendeesInput.default([]),
});
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

export const meetingUpdateSchema = z.strictObject({
  title: z.string().trim().min(1).max(120).optional(),
  heldOn: ymdDateSchema.optional(),
  place: z.string().trim().max(120).nullable().optional(),
  minutes: z.string().trim().max(20000).nullable().optional(),
  /** The whole list: who is not in it is no longer invited. */
  attendees: attendeesInput.optional(),
  version: id,
});
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

export const meetingListQuerySchema = pageQuerySchema.extend({
  divisionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  archived: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuerySchema>;

export const meetingQuartersQuerySchema = z.object({
  divisionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type MeetingQuartersQuery = z.infer<typeof meetingQuartersQuerySchema>;

export const meetingQuarterSchema = z.object({
  quarter: z.number().int(),
  meetings: z.number().int(),
  invited: z.number().int(),
  attended: z.number().int(),
  /** The quarter has ended (by the Asia/Shanghai date) and held no meeting. */
  missed: z.boolean(),
});
export type MeetingQuarter = z.infer<typeof meetingQuarterSchema>;

/** The quarter (1–4) of a `YYYY-MM-DD` date. */
export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** The first and last day of a quarter, as `YYYY-MM-DD`. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}
