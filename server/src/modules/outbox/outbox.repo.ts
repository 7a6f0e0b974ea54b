import type { OutboxQuery } from '@tongxin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { OutboxMessagesTable } from '../../db/types-messaging.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import type { Insertable, Selectable } from 'kysely';

export type OutboxRow = Selectable<OutboxMessagesTable>;
export type NewOutboxRow = Insertable<OutboxMessagesTable>;

/** Rows per INSERT: well under SQLite's 32,766 bound variables (20 columns a row). */
const INSERT_CHUNK = 1_000;

export async function insertMessages(db: Executor, rows: readonly NewOutboxRow[]): Promise<number> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insertInto('outbox_messages').values(rows.slice(i, i + INSERT_CHUNK)).execute();
  return rows.length;
}

/**
 * Take up to `limit` due messages for `holder` until `until`: queued ones whose time has come, and
 * ones a crashed runner held past its claim. The outer WHERE repeats the condition so that, of two
 * runners updating the same row at once, the second (after PostgreSQL's row lock, or SQLite's
 * write lock) no longer matches it: each row is claimed by exactly one.
 */
export async function claimDue(db: Executor, holder: string, nowIso: string, until: string, limit: number): Promise<OutboxRow[]> {
  const isDue = sql<boolean>`((state = 'queued' and next_attempt_at <= ${nowIso}) or (state = 'sending' and claimed_until <= ${nowIso}))`;
  const ids = db
    .selectFrom('outbox_messages')
    .select('id')
    .where(isDue)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  return db
    .updateTable('outbox_messages')
    .set({ state: 'sending', claimed_by: holder, claimed_until: until })
    .where('id', 'in', ids)
    .where(isDue)
    .returningAll()
    .execute();
}

/** Write the outcome of a claimed message, only while `holder` still holds it. */
export async function settle(db: Executor, id: number, holder: string, patch: Partial<Omit<OutboxRow, 'id'>>): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({ ...patch, claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_by', '=', holder)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** SMS already sent to `address` since `since` (the daily cap). */
export async function sentSince(db: Executor, address: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address', '=', address)
    .where('channel', '=', 'sms')
    .where('sent_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isOptedOut(db: Executor, address: string): Promise<boolean> {
  return !!(await db.selectFrom('message_opt_outs').select('address').where('address', '=', address).executeTakeFirst());
}

export async function optedOutAmong(db: Executor, addresses: readonly string[]): Promise<Set<string>> {
  if (!addresses.length) return new Set();
  const out = new Set<string>();
  for (let i = 0; i < addresses.length; i += INSERT_CHUNK) {
    const rows = await db.selectFrom('message_opt_outs').select('address').where('address', 'in', addresses.slice(i, i + INSERT_CHUNK)).execute();
    for (const r of rows) out.add(r.address);
  }
  return out;
}

/** Record an opt-out and cancel every SMS still waiting for that number, at once. */
export async function addOptOut(db: Executor, address: string, source: string, at: string): Promise<number> {
  await db.insertInto('message_opt_outs').values({ address, source, created_at: at }).onConflict((oc) => oc.column('address').doNothing()).execute();
  const cancelled = await db
    .updateTable('outbox_messages')
    .set({ state: 'cancelled', last_error: 'opted out', finished_at: at })
    .where('address', '=', address)
    .where('channel', '=', 'sms')
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(cancelled.numUpdatedRows);
}

export async function preferencesOf(db: Executor, userIds: readonly number[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db.selectFrom('message_preferences').selectAll().where('user_id', 'in', [...userIds]).execute();
  return new Map(rows.map((r) => [`${r.user_id}:${r.event}`, r.channels]));
}

export async function savePreferences(db: Executor, userId: number, rows: ReadonlyArray<{ event: string; channels: string }>, at: string): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('message_preferences')
      .values({ user_id: userId, event: row.event, channels: row.channels, updated_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'event']).doUpdateSet({ channels: row.channels, updated_at: at }))
      .execute();
  }
}

export async function usersForMessages(db: Executor, userIds: readonly number[]) {
  if (!userIds.length) return [];
  return db.selectFrom('users').select(['id', 'phone', 'division_id', 'locale', 'disabled']).where('id', 'in', [...userIds]).execute();
}

/** The delivery log of a subtree, newest first, with the recipient's and the office's names. */
export async function listMessages(db: Executor, scopePath: string | null, query: OutboxQuery) {
  let base = db.selectFrom('outbox_messages as m').where(divisionInScope('m.division_id', scopePath));
  if (query.state) base = base.where('m.state', '=', query.state);
  if (query.channel) base = base.where('m.channel', '=', query.channel);
  if (query.event) base = base.where('m.event', '=', query.event);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('divisions as d', 'd.id', 'm.division_id')
    .selectAll('m')
    .select(['u.display_name as recipient_name', 'd.name as division_name'])
    .orderBy('m.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** SMS handed to a provider that still owe a delivery report, due for asking at `nowIso`. */
export async function awaitingReport(db: Executor, provider: string, nowIso: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('state', '=', 'sent')
    .where('provider', '=', provider)
    .where('provider_id', 'is not', null)
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Record a delivery report on a sent message (only while it is `sent`: a report arriving twice, by
 * push and by query, counts once). `match` picks the row by our id and, when known, the provider's.
 */
export async function recordReport(db: Executor, match: { id: number; providerId?: string | null }, patch: Partial<Omit<OutboxRow, 'id'>>): Promise<boolean> {
  let q = db.updateTable('outbox_messages').set(patch).where('id', '=', match.id).where('state', '=', 'sent');
  if (match.providerId) q = q.where('provider_id', '=', match.providerId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
