import { z } from 'zod';

/**
 * 季度座谈会: an office meets the representatives of its area once a quarter. A meeting is an
 * activity of kind `seminar` (with its attendees and minutes); the quarter view counts them and
 * shows the quarters that went by without one.
 */
export const meetingQuartersQuerySchema = z.object({
  divisionId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type MeetingQuartersQuery = z.infer<typeof meetingQuartersQuerySchema>;

export const meetingQuarterSchema = z.object({
  quarter: z.number().int(),
  /** The first and last day of the quarter, for a link to the activities list. */
  from: z.string(),
  to: z.string(),
  meetings: z.number().int(),
  /** Named attendees (people and cadres) over the quarter's meetings. */
  attendees: z.number().int(),
  /** The quarter has ended (by the Asia/Shanghai date) and held no meeting. */
  missed: z.boolean(),
});
export type MeetingQuarter = z.infer<typeof meetingQuarterSchema>;

/** The quarter (1–4) of a `YYYY-MM-DD` date. */
export function quarterOf(date: string): number {
  return Math.ceil(Number(date.slice(5, 7)) / 3);
}

/** The first and last day of a quarter, as `YYYY-MM-DD`. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}
