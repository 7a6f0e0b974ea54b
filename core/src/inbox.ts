import { z } from 'zod';
import { pageQuerySchema } from './paging.ts';

/*
 * What waits on a user (the inbox) and what happened to them (notifications).
 */

/**
 * - `to_dispatch`: cases and reports at the user's office waiting to be dispatched or assigned;
 * - `to_accept`: cases and assignments sent to the user's units, not yet signed for;
 * - `to_handle`: signed for, being worked on;
 * - `to_follow_up`: cases replied to, waiting for the office's follow-up call;
 * - `to_confirm`: needs of the user's communities reported fulfilled, waiting for confirmation;
 * - `overdue`: any of the above whose time limit has run out.
 */
export const inboxBoxes = ['to_dispatch', 'to_accept', 'to_handle', 'to_follow_up', 'to_confirm', 'overdue'] as const;
export type InboxBox = (typeof inboxBoxes)[number];

export const inboxItemKinds = ['case', 'need', 'report', 'assignment'] as const;

export const inboxItemSchema = z.object({
  kind: z.enum(inboxItemKinds),
  /** The id of the case, need, report or assignment. */
  id: z.number().int(),
  /** For an assignment, its report (the page to open). */
  reportId: z.number().int().nullable(),
  title: z.string(),
  ticketNo: z.string().nullable(),
  state: z.string(),
  box: z.enum(inboxBoxes),
  /** The time limit that matters for this box, when there is one. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxCountsSchema = z.object({
  to_dispatch: z.number().int(),
  to_accept: z.number().int(),
  to_handle: z.number().int(),
  to_follow_up: z.number().int(),
  to_confirm: z.number().int(),
  overdue: z.number().int(),
  /** Items that wait on the user (an overdue item is counted once, in its own box). */
  total: z.number().int(),
  unreadNotifications: z.number().int(),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

export const inboxQuerySchema = z.object({ box: z.enum(inboxBoxes).optional() });

export const notificationKinds = ['assignment', 'reminder', 'escalation', 'reply', 'returned', 'claimed', 'fulfilled', 'instruction', 'completed', 'due_soon'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(notificationKinds),
  /** `case`, `need`, `report`: with `entityId`, the page to open. */
  entity: z.string(),
  entityId: z.number().int(),
  /** The message in the reader's language. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
