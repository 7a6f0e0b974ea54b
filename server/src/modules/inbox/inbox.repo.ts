import type { UnitRef } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';

/*
 * What the inbox reads: the open work of an office or a unit across cases, needs and the direct
 * channel, and the reader's notifications. The inbox owns no work records; these queries only
 * read the states that mean "waiting on someone", so the rules of each box stay in the service.
 */

/** Cases in one of the states at the office. */
export async function caseIdsAtOffice(db: Executor, officeDivisionId: number, states: string[]): Promise<number[]> {
  const rows = await db.selectFrom('cases').select('id').where('office_division_id', '=', officeDivisionId).where('state', 'in', states).execute();
  return rows.map((row) => row.id);
}

/** Cases in one of the states with this unit as the current lead. */
export async function caseIdsLedBy(db: Executor, unit: UnitRef, states: string[]): Promise<number[]> {
  const rows = await db.selectFrom('cases').select('id').where('lead_unit_type', '=', unit.type).where('lead_unit_id', '=', unit.id).where('state', 'in', states).execute();
  return rows.map((row) => row.id);
}

/** Needs at the office held for review (open, not published) or reported fulfilled. */
export async function needsAwaitingOffice(db: Executor, officeDivisionId: number) {
  return db
    .selectFrom('needs')
    .select(['id', 'title', 'ticket_no', 'state', 'published_at', 'wanted_by'])
    .where('office_division_id', '=', officeDivisionId)
    .where((eb) => eb.or([eb.and([eb('state', '=', 'open'), eb('published_at', 'is', null)]), eb('state', '=', 'fulfilled')]))
    .execute();
}

/** Needs claimed by one of the organisations. */
export async function needsClaimedBy(db: Executor, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db.selectFrom('needs').select(['id', 'title', 'ticket_no', 'state', 'wanted_by']).where('claimant_organisation_id', 'in', organisationIds).where('state', '=', 'claimed').execute();
}

/** Direct-channel reports at the office waiting for an instruction or an assignment. */
export async function reportsAwaitingOffice(db: Executor, officeDivisionId: number) {
  return db.selectFrom('dc_reports').select(['id', 'title', 'state']).where('office_division_id', '=', officeDivisionId).where('state', 'in', ['submitted', 'instructed']).execute();
}

/** The unit's direct-channel assignments not yet answered, with their report's title. */
export async function openAssignmentsOfUnit(db: Executor, unit: UnitRef) {
  return db
    .selectFrom('dc_assignments as a')
    .innerJoin('dc_reports as r', 'r.id', 'a.report_id')
    .select(['a.id', 'a.report_id', 'a.state', 'a.deadline', 'r.title'])
    .where('a.unit_type', '=', unit.type)
    .where('a.unit_id', '=', unit.id)
    .where('a.state', 'in', ['assigned', 'accepted'])
    .execute();
}

export async function countUnreadNotifications(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of a user's notifications, newest first, and how many there are in all. */
export async function pageOfNotifications(db: Executor, userId: number, query: { read?: boolean | undefined; limit: number; offset: number }) {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.read === false) base = base.where('read_at', 'is', null);
  if (query.read === true) base = base.where('read_at', 'is not', null);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findNotificationOwner(db: Executor, id: number) {
  return db.selectFrom('notifications').select(['id', 'user_id']).where('id', '=', id).executeTakeFirst();
}

export async function markNotificationRead(db: Executor, id: number, readAt: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: readAt }).where('id', '=', id).where('read_at', 'is', null).execute();
}

export async function markNotificationsOfUserRead(db: Executor, userId: number, readAt: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: readAt }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

/**
 * Claims one reminder round: inserts its key into `reminder_claims`, or does nothing when another
 * run already did. True when this run holds the claim.
 */
export async function claimReminder(db: Executor, key: { entity: string; entityId: number; roundKey: string; clock: string; kind: string }, at: string): Promise<boolean> {
  const claimed = await db
    .insertInto('reminder_claims')
    .values({ entity: key.entity, entity_id: key.entityId, round_key: key.roundKey, clock: key.clock, kind: key.kind, at })
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'round_key', 'clock', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Open, published needs with a wanted-by date (the reminder job checks how close it is). */
export async function openNeedsWithDate(db: Executor) {
  return db
    .selectFrom('needs')
    .select(['id', 'title', 'state', 'wanted_by', 'division_id', 'office_division_id'])
    .where('state', '=', 'open')
    .where('published_at', 'is not', null)
    .where('wanted_by', 'is not', null)
    .execute();
}
