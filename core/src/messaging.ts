import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';

/*
 * The outbox (issue 15): events that send messages outside the browser, the channels a person can
 * choose per event, and the delivery log's rows. In-app notifications (the bell) always go out;
 * preferences choose the channels beyond it.
 */

/** Events texted to a portal submitter who ticked consent (never to staff). */
export const residentMessageEvents = ['ticket_received', 'ticket_replied', 'ticket_closed', 'wish_claimed', 'wish_done'] as const;
/** Events a staff member or handler may also receive by SMS or WeChat, by preference. */
export const staffMessageEvents = [
  'case_dispatched',
  'case_due_soon',
  'case_overdue',
  'need_claimed',
  'need_done',
  'report_assigned',
  'report_reminder',
  // Participants (users too) about their events, and a donor organisation's handlers about a pledge.
  'event_registered',
  'event_reminder',
  'pledge_due',
] as const;
/** Messages an office sends to a segment: notices and survey invitations (their channels chosen by the office). */
export const bulkMessageEvents = ['notice', 'survey'] as const;
export const messageEvents = [...residentMessageEvents, ...staffMessageEvents, ...bulkMessageEvents] as const;
export type MessageEvent = (typeof messageEvents)[number];
export type StaffMessageEvent = (typeof staffMessageEvents)[number];

export const messageChannels = ['sms', 'wechat'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** Channels beyond in-app when a person has not chosen: a dispatched or overdue case is worth a text. */
export const defaultChannelsOf: Record<StaffMessageEvent, MessageChannel[]> = {
  case_dispatched: ['sms'],
  case_due_soon: [],
  case_overdue: ['sms'],
  need_claimed: [],
  need_done: [],
  report_assigned: [],
  report_reminder: [],
  event_registered: ['sms'],
  event_reminder: ['sms'],
  pledge_due: ['sms'],
};

export const messageStates = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'cancelled'] as const;
export type MessageState = (typeof messageStates)[number];

/** SMS wait outside these Beijing hours unless urgent (22:00–08:00 is quiet). */
export const quietHours = { from: 22, to: 8 } as const;

/** True when `at` falls in the quiet hours, Beijing time (UTC+8, no daylight saving). */
export function inQuietHours(at: Date): boolean {
  const hour = (at.getUTCHours() + 8) % 24;
  return hour >= quietHours.from || hour < quietHours.to;
}

/** The next 08:00 Beijing time after `at` (when quiet hours end, or the next day's cap starts). */
export function nextBeijingMorning(at: Date): Date {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  const morning = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), 8) - 8 * 3_600_000;
  return new Date(morning > at.getTime() ? morning : morning + 24 * 3_600_000);
}

/** Start of the Beijing calendar day of `at`, as a UTC instant (the daily cap's window). */
export function beijingDayStart(at: Date): Date {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate()) - 8 * 3_600_000);
}

export const outboxQuerySchema = pageQuerySchema.extend({
  state: z.enum(messageStates).optional(),
  channel: z.enum(messageChannels).optional(),
  event: z.enum(messageEvents).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  channel: z.enum(messageChannels),
  event: z.string(),
  urgent: z.boolean(),
  /** Masked (`139****1111`): the log never shows a whole number. */
  address: z.string(),
  recipientName: z.string().nullable(),
  divisionName: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.number().int().nullable(),
  text: z.string(),
  state: z.enum(messageStates),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  provider: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const messagePreferencesSchema = z.object({
  phone: z.string().nullable(),
  wechatAvailable: z.boolean(),
  events: z.array(z.object({ event: z.enum(staffMessageEvents), channels: z.array(z.enum(messageChannels)), isDefault: z.boolean() })),
});
export type MessagePreferences = z.infer<typeof messagePreferencesSchema>;

export const messagePreferencesUpdateSchema = z.object({
  events: z.array(z.object({ event: z.enum(staffMessageEvents), channels: z.array(z.enum(messageChannels)).max(2) })).min(1).max(staffMessageEvents.length),
});
export type MessagePreferencesUpdate = z.infer<typeof messagePreferencesUpdateSchema>;

export const optOutSchema = z.object({ phone: z.string().trim().regex(/^1\d{10}$/) });
