import { defaultChannelsOf, normalisePhone, pickLocale, translate, type MessageChannel, type MessageEvent, type StaffMessageEvent } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { insertMessages, optedOutAmong, preferencesOf, usersForMessages, type NewOutboxRow } from './outbox.repo.ts';

/*
 * Writing messages into the outbox. Callers pass their open transaction: a message exists if and
 * only if the event that causes it was committed, and nothing is sent before that. The job sends.
 */

export interface QueueInput {
  event: MessageEvent;
  /** Urgent messages are sent in the quiet hours too. */
  urgent?: boolean;
  entity: string | null;
  entityId: number | null;
  /** Template values: also the SMS template's parameters (strings only, as providers want them). */
  params: Record<string, string | number>;
  at: string;
}

const stringsOf = (params: QueueInput['params']) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));

function row(input: QueueInput, channel: MessageChannel, address: string, userId: number | null, divisionId: number | null, locale: string): NewOutboxRow {
  const params = stringsOf(input.params);
  return {
    channel,
    event: input.event,
    urgent: input.urgent ? 1 : 0,
    user_id: userId,
    address,
    division_id: divisionId,
    entity: input.entity,
    entity_id: input.entityId,
    text: translate(pickLocale(locale), `messaging.sms.${input.event}`, params),
    params: JSON.stringify(params),
    state: 'queued',
    next_attempt_at: input.at,
    created_at: input.at,
  };
}

/**
 * An SMS to a resident's phone (portal tickets): only with their consent, which the caller checks,
 * and never to a number that opted out. Returns how many were queued (0 or 1).
 *
 * @example
 * await queueForPhone(trx, '13900001111', divisionId, { event: 'ticket_received', entity: 'case', entityId: 7, params: { ticketNo }, at });
 */
export async function queueForPhone(db: Executor, phone: string, divisionId: number, input: QueueInput): Promise<number> {
  const address = normalisePhone(phone);
  if ((await optedOutAmong(db, [address])).has(address)) return 0;
  return insertMessages(db, [row(input, 'sms', address, null, divisionId, 'zh-CN')]);
}

/** The channels beyond in-app a user wants for an event: their saved choice, or the event's default. */
export function channelsFor(saved: string | undefined, event: StaffMessageEvent): MessageChannel[] {
  if (saved === undefined) return defaultChannelsOf[event];
  return saved.split(',').filter((c): c is MessageChannel => c === 'sms' || c === 'wechat');
}

/**
 * Messages to users by their preferences: one row per user and chosen channel, to the phone on
 * their account (a WeChat robot @mentions that number too). Users without a phone, disabled
 * users and opted-out numbers get nothing beyond the in-app notice.
 *
 * @example
 * await queueForUsers(trx, [handlerId], { event: 'case_dispatched', entity: 'case', entityId: 7, params: { title, ticketNo }, at });
 */
export async function queueForUsers(db: Executor, userIds: readonly number[], input: QueueInput & { event: StaffMessageEvent }): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const users = (await usersForMessages(db, ids)).filter((u) => u.phone && !u.disabled);
  if (!users.length) return 0;
  const saved = await preferencesOf(db, users.map((u) => u.id));
  const optedOut = await optedOutAmong(db, users.map((u) => normalisePhone(u.phone!)));
  const rows: NewOutboxRow[] = [];
  for (const user of users) {
    const address = normalisePhone(user.phone!);
    for (const channel of channelsFor(saved.get(`${user.id}:${input.event}`), input.event)) {
      if (channel === 'sms' && optedOut.has(address)) continue;
      rows.push(row(input, channel, address, user.id, user.division_id, user.locale));
    }
  }
  return insertMessages(db, rows);
}

/** Ids per query: well under SQLite's bound-variable limit. */
const CHUNK = 1_000;

/**
 * Messages an office chose the channels of (a notice to a segment, a survey invitation): one row per
 * user with a phone and channel, preferences aside, opted-out numbers skipped for SMS. Chunked,
 * so 20,000 recipients are a few dozen statements in the caller's transaction. Returns rows queued.
 *
 * @example
 * await queueToUsersOn(trx, userIds, ['sms'], { event: 'notice', entity: 'notice', entityId: 3, params: { title, body }, at });
 */
export async function queueToUsersOn(db: Executor, userIds: readonly number[], channels: readonly MessageChannel[], input: QueueInput): Promise<number> {
  const ids = [...new Set(userIds)];
  let queued = 0;
  for (let i = 0; i < ids.length && channels.length; i += CHUNK) {
    const users = (await usersForMessages(db, ids.slice(i, i + CHUNK))).filter((u) => u.phone && !u.disabled);
    const optedOut = channels.includes('sms') ? await optedOutAmong(db, users.map((u) => normalisePhone(u.phone!))) : new Set<string>();
    const rows: NewOutboxRow[] = [];
    for (const user of users) {
      const address = normalisePhone(user.phone!);
      for (const channel of channels) {
        if (channel === 'sms' && optedOut.has(address)) continue;
        rows.push(row(input, channel, address, user.id, user.division_id, user.locale));
      }
    }
    queued += await insertMessages(db, rows);
  }
  return queued;
}
