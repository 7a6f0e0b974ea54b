import { maskPhone, messageChannels, normalisePhone, staffMessageEvents, type MessagePreferences, type MessagePreferencesUpdate, type OutboxMessage, type OutboxQuery } from '@tongxin/core';
import { fieldError } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { currentChannels } from './channels/channels.ts';
import { assertCanSeeLog } from './outbox.policy.ts';
import { channelsFor } from './outbox.queue.ts';
import { addOptOut, listMessages, preferencesOf, savePreferences, usersForMessages, type OutboxRow } from './outbox.repo.ts';

function toMessage(row: OutboxRow & { recipient_name: string | null; division_name: string | null }): OutboxMessage {
  return {
    id: row.id,
    channel: row.channel as OutboxMessage['channel'],
    event: row.event,
    urgent: row.urgent === 1,
    address: maskPhone(row.address) ?? '',
    recipientName: row.recipient_name,
    divisionName: row.division_name,
    entity: row.entity,
    entityId: row.entity_id,
    // Resident texts quote a ticket number, never the number itself; staff texts are about work.
    text: row.text,
    state: row.state as OutboxMessage['state'],
    attempts: row.attempts,
    nextAttemptAt: row.state === 'queued' ? row.next_attempt_at : null,
    provider: row.provider,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    finishedAt: row.finished_at,
  };
}

/** The delivery log of the caller's subtree, newest first, numbers masked. */
export async function listLog(ctx: ActorContext, query: OutboxQuery) {
  assertCanSeeLog(ctx.actor);
  const { total, rows } = await listMessages(ctx.db, ctx.actor.scopePath, query);
  return { items: rows.map(toMessage), total, page: query.page, pageSize: query.pageSize };
}

/** The caller's own channel choices per event (saved, or the default). */
export async function myPreferences(ctx: ActorContext): Promise<MessagePreferences> {
  const [user] = await usersForMessages(ctx.db, [ctx.actor.userId]);
  const saved = await preferencesOf(ctx.db, [ctx.actor.userId]);
  return {
    phone: maskPhone(user?.phone ?? null),
    wechatAvailable: currentChannels().wechat !== null,
    events: staffMessageEvents.map((event) => {
      const own = saved.get(`${ctx.actor.userId}:${event}`);
      return { event, channels: channelsFor(own, event), isDefault: own === undefined };
    }),
  };
}

/** Save the caller's choices; they hold from now on, for messages already queued too. */
export async function updateMyPreferences(ctx: ActorContext, input: MessagePreferencesUpdate): Promise<MessagePreferences> {
  const seen = new Set<string>();
  input.events.forEach((e, i) => {
    if (seen.has(e.event)) throw fieldError(`body.events.${i}.event`, 'validation.unique_items');
    seen.add(e.event);
  });
  const at = nowIso(ctx);
  await savePreferences(ctx.db, ctx.actor.userId, input.events.map((e) => ({ event: e.event, channels: messageChannels.filter((c) => e.channels.includes(c)).join(',') })), at);
  return myPreferences(ctx);
}

/**
 * Record that a number wants no more SMS (a resident phoned in, or replied TD to the provider):
 * every SMS still queued for it is cancelled in the same transaction, and none is queued again.
 */
export async function recordOptOut(ctx: ActorContext, phone: string): Promise<{ cancelled: number }> {
  assertCanSeeLog(ctx.actor);
  const address = normalisePhone(phone);
  return ctx.db.transaction().execute(async (trx) => {
    const cancelled = await addOptOut(trx, address, `staff:${ctx.actor.userId}`, nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'message.opt_out', entity: 'message_opt_out', entityId: null, divisionId: ctx.actor.divisionId, detail: { phone: maskPhone(address), cancelled } });
    return { cancelled };
  });
}
