import type { Segment } from '@tongxin/core';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { NoticesTable } from '../../db/types-messaging.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type NoticeRow = Selectable<NoticesTable>;

/** Rows per `in (…)` list: well under SQLite's bound-variable limit. */
const CHUNK = 1_000;

export async function divisionPath(db: Executor, id: number): Promise<string | null> {
  return (await db.selectFrom('divisions').select('path').where('id', '=', id).executeTakeFirst())?.path ?? null;
}

export async function findNotice(db: Executor, id: number) {
  return db.selectFrom('notices as n').innerJoin('divisions as d', 'd.id', 'n.division_id').selectAll('n').select('d.path as division_path').where('n.id', '=', id).executeTakeFirst();
}

export async function listNotices(db: Executor, scopePath: string | null, state: string | undefined) {
  let q = db.selectFrom('notices as n').selectAll('n').where(divisionInScope('n.division_id', scopePath));
  if (state) q = q.where('n.state', '=', state);
  return q.orderBy('n.id', 'desc').limit(200).execute();
}

export async function insertNotice(db: Executor, values: Insertable<NoticesTable>): Promise<number> {
  const row = await db.insertInto('notices').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Move a notice on only from the state and version the caller saw; false when someone got there first. */
export async function updateNotice(db: Executor, id: number, from: { state: string; version: number }, patch: Partial<Omit<NoticeRow, 'id' | 'version'>>): Promise<boolean> {
  const result = await db
    .updateTable('notices')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', from.state)
    .where('version', '=', from.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** `users.roles` is a JSON array of role names. */
function hasStoredRole(text: string, role: string): boolean {
  try {
    return (JSON.parse(text) as string[]).includes(role);
  } catch {
    return false;
  }
}

const handlersOf = async (db: Executor, organisationIds: readonly number[]): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < organisationIds.length; i += CHUNK) {
    const rows = await db.selectFrom('organisation_handlers').select('user_id').where('organisation_id', 'in', organisationIds.slice(i, i + CHUNK)).execute();
    out.push(...rows.map((r) => r.user_id));
  }
  return out;
};

/**
 * The users a segment names, inside `scopePath` (the notice's division): organisations, pairs and
 * events outside it contribute nobody. Disabled accounts are left out. Distinct ids, ascending.
 */
export async function resolveSegment(db: Executor, scopePath: string, segment: Segment): Promise<number[]> {
  let ids: number[] = [];
  if (segment.kind === 'organisation_types') {
    const orgs = await db.selectFrom('organisations').select('id').where(divisionInScope('division_id', scopePath)).where('type', 'in', segment.types).where('archived_at', 'is', null).execute();
    ids = await handlersOf(db, orgs.map((o) => o.id));
  } else if (segment.kind === 'chamber_members') {
    const members = await db
      .selectFrom('memberships')
      .select('member_organisation_id')
      .where('organisation_id', '=', segment.organisationId)
      .where('member_organisation_id', 'is not', null)
      .where('until', 'is', null)
      .where('organisation_id', 'in', db.selectFrom('organisations').select('id').where(divisionInScope('division_id', scopePath)))
      .execute();
    ids = await handlersOf(db, members.map((m) => m.member_organisation_id!));
  } else if (segment.kind === 'programme_participants') {
    const pairs = await db.selectFrom('pairs').select(['organisation_id', 'partner_organisation_id']).where('programme_id', '=', segment.programmeId).where(divisionInScope('division_id', scopePath)).execute();
    ids = await handlersOf(db, [...new Set(pairs.flatMap((p) => [p.organisation_id, p.partner_organisation_id]))]);
  } else if (segment.kind === 'liaison_officers') {
    const path = await divisionPath(db, segment.divisionId);
    if (path === null || !path.startsWith(scopePath)) return [];
    const users = await db.selectFrom('users').select(['id', 'roles']).where(divisionInScope('division_id', path)).where('disabled', '=', 0).execute();
    ids = users.filter((u) => hasStoredRole(u.roles, 'liaison_officer')).map((u) => u.id);
  } else {
    const regs = await db
      .selectFrom('event_registrations as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select('r.user_id')
      .where('r.event_id', '=', segment.eventId)
      .where('r.status', '=', 'registered')
      .where(divisionInScope('e.division_id', scopePath))
      .execute();
    ids = regs.map((r) => r.user_id);
  }
  const unique = [...new Set(ids)];
  const enabled: number[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('users').select('id').where('id', 'in', unique.slice(i, i + CHUNK)).where('disabled', '=', 0).execute();
    enabled.push(...rows.map((r) => r.id));
  }
  return enabled.sort((a, b) => a - b);
}

/** Users' mobile numbers (null when none), for the SMS reach count. */
export async function phonesOf(db: Executor, userIds: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows = await db.selectFrom('users').select(['id', 'phone']).where('id', 'in', userIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.id, r.phone);
  }
  return out;
}

export async function insertRecipients(db: Executor, noticeId: number, userIds: readonly number[], at: string): Promise<void> {
  for (let i = 0; i < userIds.length; i += CHUNK) {
    await db.insertInto('notice_recipients').values(userIds.slice(i, i + CHUNK).map((userId) => ({ notice_id: noticeId, user_id: userId, created_at: at, read_at: null }))).execute();
  }
}

/** Outbox states and reads of a notice, counted. */
export async function figuresOf(db: Executor, noticeId: number) {
  const states = await db
    .selectFrom('outbox_messages')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('entity', '=', 'notice')
    .where('entity_id', '=', noticeId)
    .groupBy('state')
    .execute();
  const reads = await db
    .selectFrom('notice_recipients')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('read_at').as('read')])
    .where('notice_id', '=', noticeId)
    .executeTakeFirstOrThrow();
  return { states: new Map(states.map((s) => [s.state, Number(s.n)])), recipients: Number(reads.n), read: Number(reads.read) };
}

/** Notices in `sending` whose outbox rows are all settled: they become `sent`. Returns their ids. */
export async function finishSentNotices(db: Executor, at: string): Promise<number[]> {
  const sending = await db.selectFrom('notices').select('id').where('state', '=', 'sending').execute();
  const done: number[] = [];
  for (const { id } of sending) {
    const open = await db.selectFrom('outbox_messages').select('id').where('entity', '=', 'notice').where('entity_id', '=', id).where('state', 'in', ['queued', 'sending']).limit(1).executeTakeFirst();
    if (open) continue;
    const result = await db.updateTable('notices').set({ state: 'sent', sent_at: at, updated_at: at }).where('id', '=', id).where('state', '=', 'sending').executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) done.push(id);
  }
  return done;
}

export async function noticesOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('notice_recipients as r')
    .innerJoin('notices as n', 'n.id', 'r.notice_id')
    .select(['n.id', 'n.title', 'n.body', 'n.approved_at', 'r.read_at'])
    .where('r.user_id', '=', userId)
    .orderBy('n.id', 'desc')
    .limit(100)
    .execute();
}

/** Mark read once (the first reading counts); false when the user is no recipient. */
export async function markRead(db: Executor, noticeId: number, userId: number, at: string): Promise<boolean> {
  const row = await db.selectFrom('notice_recipients').select(['id', 'read_at']).where('notice_id', '=', noticeId).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return false;
  if (row.read_at === null) await db.updateTable('notice_recipients').set({ read_at: at }).where('id', '=', row.id).where('read_at', 'is', null).execute();
  return true;
}
