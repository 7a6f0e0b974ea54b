import { sql, type Insertable } from 'kysely';
import type { EventsTable } from '../../db/types-participants.ts';
import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/*
 * Events (an activity planned ahead), registrations and check-ins. Every list takes the reader's
 * scope path; a participant's comes from their organisation's division.
 */

/** An event as written: the table's row less what the database and the clock fill in. */
export type EventValues = Omit<Insertable<EventsTable>, 'id' | 'version' | 'created_at' | 'updated_at'> & { created_by: number };

export async function insertEvent(db: Executor, values: EventValues, at: string): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({ ...values, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function eventQuery(db: Executor) {
  return db
    .selectFrom('events as e')
    .innerJoin('activities as a', 'a.id', 'e.activity_id')
    .innerJoin('divisions as d', 'd.id', 'e.division_id')
    .select([
      'e.id',
      'e.activity_id',
      'e.division_id',
      'e.starts_at',
      'e.ends_at',
      'e.place',
      'e.capacity',
      'e.audience',
      'e.audience_ref_id',
      'e.registration_opens_at',
      'e.registration_closes_at',
      'e.waiting_list',
      'e.secret',
      'a.title',
      'a.venue_id',
      'a.archived_at',
      'd.path as division_path',
      (eb) => eb.selectFrom('event_registrations as r').select((c) => c.fn.countAll<number>().as('n')).whereRef('r.event_id', '=', 'e.id').where('r.status', '=', 'registered').as('registered'),
      (eb) => eb.selectFrom('event_registrations as r').select((c) => c.fn.countAll<number>().as('n')).whereRef('r.event_id', '=', 'e.id').where('r.status', '=', 'waiting').as('waiting'),
      (eb) => eb.selectFrom('event_check_ins as c').select((c) => c.fn.countAll<number>().as('n')).whereRef('c.event_id', '=', 'e.id').as('checked_in'),
    ]);
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export async function findEvent(db: Executor, id: number) {
  return eventQuery(db).where('e.id', '=', id).executeTakeFirst();
}

/** Events starting in [from, to) within the office's subtree (the calendar), earliest first. */
export async function eventsInScope(db: Executor, scopePath: string | null, from: string, to: string) {
  return eventQuery(db)
    .where(divisionInScope('e.division_id', scopePath))
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', to)
    .where('a.archived_at', 'is', null)
    .orderBy('e.starts_at')
    .limit(1000)
    .execute();
}

/**
 * Events a participant may see, ending after `from`: in the same branch of the tree as their
 * division (above it or below it), or open to the public.
 */
export async function eventsForParticipant(db: Executor, participantPath: string, from: string) {
  return eventQuery(db)
    .where((eb) =>
      eb.or([
        eb('e.audience', '=', 'public'),
        eb('d.path', 'like', `${participantPath}%`),
        eb(sql.val(participantPath), 'like', sql<string>`${sql.ref('d.path')} || '%'`),
      ]),
    )
    .where('e.ends_at', '>', from)
    .where('a.archived_at', 'is', null)
    .orderBy('e.starts_at')
    .limit(200)
    .execute();
}

/** Registrations and check-ins of one user for these events. */
export async function mineOf(db: Executor, userId: number, eventIds: number[]) {
  if (!eventIds.length) return { registrations: new Map<number, string>(), checkIns: new Map<number, string>() };
  const [regs, checks] = await Promise.all([
    db.selectFrom('event_registrations').select(['event_id', 'status']).where('user_id', '=', userId).where('event_id', 'in', eventIds).execute(),
    db.selectFrom('event_check_ins').select(['event_id', 'at']).where('user_id', '=', userId).where('event_id', 'in', eventIds).execute(),
  ]);
  return { registrations: new Map(regs.map((r) => [r.event_id, r.status])), checkIns: new Map(checks.map((c) => [c.event_id, c.at])) };
}

/**
 * Serialise the writes of one event (registrations against capacity, check-ins against the count):
 * on PostgreSQL the row lock makes a second transaction wait, so its counts include the first's
 * row; SQLite runs one write transaction at a time anyway.
 */
export async function lockEvent(db: Executor, id: number): Promise<void> {
  await db.updateTable('events').set((eb) => ({ version: eb('version', '+', 0) })).where('id', '=', id).execute();
}

export async function registrationOf(db: Executor, eventId: number, userId: number) {
  return db.selectFrom('event_registrations').select(['id', 'status']).where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
}

export async function countRegistered(db: Executor, eventId: number): Promise<number> {
  const row = await db.selectFrom('event_registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).where('status', '=', 'registered').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRegistration(db: Executor, values: { eventId: number; userId: number; status: string; at: string }): Promise<void> {
  await db.insertInto('event_registrations').values({ event_id: values.eventId, user_id: values.userId, status: values.status, created_at: values.at }).execute();
}

export async function deleteRegistration(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('event_registrations').where('id', '=', id).execute();
}

/** The first on the waiting list moves up (when a registered place frees). Returns their user id. */
export async function promoteFirstWaiting(db: Executor, eventId: number): Promise<number | null> {
  const first = await db.selectFrom('event_registrations').select(['id', 'user_id']).where('event_id', '=', eventId).where('status', '=', 'waiting').orderBy('id').limit(1).executeTakeFirst();
  if (!first) return null;
  await db.updateTable('event_registrations').set({ status: 'registered' }).where('id', '=', first.id).execute();
  return first.user_id;
}

export async function registrationsOf(db: Executor, eventId: number) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('event_check_ins as c', (join) => join.onRef('c.event_id', '=', 'r.event_id').onRef('c.user_id', '=', 'r.user_id'))
    .select(['r.user_id', 'u.display_name', 'r.status', 'r.created_at', 'c.at as checked_in_at'])
    .where('r.event_id', '=', eventId)
    .orderBy('r.id')
    .execute();
}

/** Record a check-in once: false when this user had already checked in (a second scan). */
export async function insertCheckIn(db: Executor, eventId: number, userId: number, at: string): Promise<boolean> {
  const present = await db.selectFrom('event_check_ins').select('at').where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
  if (present) return false;
  await db.insertInto('event_check_ins').values({ event_id: eventId, user_id: userId, at }).execute();
  return true;
}

export async function countCheckIns(db: Executor, eventId: number): Promise<number> {
  const row = await db.selectFrom('event_check_ins').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function checkInAt(db: Executor, eventId: number, userId: number): Promise<string | null> {
  const row = await db.selectFrom('event_check_ins').select('at').where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
  return row?.at ?? null;
}

/* ---------- calendar feeds ---------- */

export async function replaceFeedToken(db: Executor, userId: number, tokenHash: string, at: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db.insertInto('calendar_feeds').values({ user_id: userId, token_hash: tokenHash, created_at: at }).execute();
}

export async function feedOwner(db: Executor, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .leftJoin('divisions as d', 'd.id', 'u.division_id')
    .select(['u.id', 'u.roles', 'u.disabled', 'u.division_id', 'd.path'])
    .where('f.token_hash', '=', tokenHash)
    .executeTakeFirst();
}
