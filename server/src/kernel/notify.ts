import type { NotificationKind, StaffMessageEvent } from '@tongxin/core';
import type { Executor } from '../db/database.ts';
import { queueForUsers } from '../modules/outbox/outbox.queue.ts';

/*
 * The one place notifications go out. Callers pass the open transaction, so a notification exists
 * if and only if the change that caused it does. Delivery goes through channels: in-app (a row
 * the inbox reads) is the only one today; email or SMS is one more `NotificationChannel`.
 */

export interface OutgoingNotification {
  userId: number;
  kind: NotificationKind;
  /** `case`, `need`, `report`: the record the notification opens. */
  entity: string;
  entityId: number;
  /** Values for the message template `notifications.<kind>` (title, ticket number, unit…). */
  params: Record<string, string | number>;
  at: string;
}

export interface NotificationChannel {
  readonly name: string;
  deliver(db: Executor, notifications: readonly OutgoingNotification[]): Promise<void>;
}

/** In-app notifications: rows in `notifications`, read by the bell and the inbox. */
export const inAppChannel: NotificationChannel = {
  name: 'in_app',
  async deliver(db, notifications) {
    if (!notifications.length) return;
    await db
      .insertInto('notifications')
      .values(
        notifications.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          entity: n.entity,
          entity_id: n.entityId,
          params: JSON.stringify(n.params),
          created_at: n.at,
          read_at: null,
        })),
      )
      .execute();
  },
};

/** The outbox event a notification also is (SMS / WeChat by the recipient's preference), if any. */
export function messageEventOf(kind: NotificationKind, entity: string): StaffMessageEvent | null {
  const key = `${entity}.${kind}`;
  const events: Record<string, StaffMessageEvent> = {
    'case.assignment': 'case_dispatched',
    'case.due_soon': 'case_due_soon',
    'case.reminder': 'case_overdue',
    'case.escalation': 'case_overdue',
    'need.claimed': 'need_claimed',
    'need.fulfilled': 'need_done',
    'report.assignment': 'report_assigned',
    'report.reminder': 'report_reminder',
  };
  return events[key] ?? null;
}

/**
 * The outbox as a channel: the same notifications, queued as SMS / WeChat rows in the same
 * transaction for the recipients whose preferences ask for them. Escalations are urgent (sent in
 * the quiet hours too).
 */
export const outboxChannel: NotificationChannel = {
  name: 'outbox',
  async deliver(db, notifications) {
    const first = notifications[0];
    if (!first) return;
    const event = messageEventOf(first.kind, first.entity);
    if (!event) return;
    const params = { title: '', ticketNo: '', deadline: '', ...first.params };
    await queueForUsers(db, notifications.map((n) => n.userId), { event, urgent: first.kind === 'escalation', entity: first.entity, entityId: first.entityId, params, at: first.at });
  },
};

const channels: NotificationChannel[] = [inAppChannel, outboxChannel];

/**
 * Add a delivery channel (email, SMS). A channel that must not block the transaction should queue
 * its messages in `deliver` and send them after commit.
 *
 * @example
 * registerNotificationChannel({ name: 'sms', async deliver(db, list) { await queueSms(db, list); } });
 */
export function registerNotificationChannel(channel: NotificationChannel): void {
  if (!channels.some((c) => c.name === channel.name)) channels.push(channel);
}

export interface NotifyInput {
  recipients: readonly number[];
  kind: NotificationKind;
  entity: string;
  entityId: number;
  params: Record<string, string | number>;
  at: string;
  /** The user who caused it is not told about their own step. */
  exceptUserId?: number | null;
}

/**
 * Notify each recipient once through every channel; returns how many were notified.
 *
 * @example
 * await notify(trx, { recipients: handlerIds, kind: 'assignment', entity: 'case', entityId: 7, params: { title, ticketNo }, at });
 */
export async function notify(db: Executor, input: NotifyInput): Promise<number> {
  const recipients = [...new Set(input.recipients)].filter((id) => id !== input.exceptUserId);
  if (!recipients.length) return 0;
  const list = recipients.map((userId) => ({ userId, kind: input.kind, entity: input.entity, entityId: input.entityId, params: input.params, at: input.at }));
  for (const channel of channels) await channel.deliver(db, list);
  return recipients.length;
}
