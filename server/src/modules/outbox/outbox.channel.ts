import type { NotificationKind, StaffMessageEvent } from '@tongxin/core';
import { registerNotificationChannel, type NotificationChannel } from '../../kernel/notify.ts';
import { queueForUsers } from './outbox.queue.ts';

/*
 * The outbox as a notification channel. It lives in the outbox module and registers itself with
 * the kernel's notify() when the app is built, so the kernel depends on no module.
 */

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

/** Called at app build (outbox routes); registering twice is harmless. */
export function registerOutboxChannel(): void {
  registerNotificationChannel(outboxChannel);
}
