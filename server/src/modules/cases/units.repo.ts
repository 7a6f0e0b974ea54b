import { hasRole, type Actor, type Role, type Unit, type UnitRef, type UnitType, isOffice } from '@tongxin/core';
import { divisionUnitRoles, parseRoles } from '../../kernel/unit-handlers.repo.ts';
import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/*
 * Responsible units. A unit is an organisation (the users in `organisation_handlers` act for it)
 * or a division's office (the staff, handlers and administrators attached to exactly that
 * division act for it). Cases, needs, the direct channel and the inbox all ask the same questions
 * here: who acts for a unit, which units does a user act for, what is a unit called.
 */

/** The units a user acts for. */
export interface ActorUnits {
  /** The user's own division office, when their roles let them act for it. */
  divisionId: number | null;
  organisationIds: number[];
}

export const unitKey = (unit: { type: string; id: number }): string => `${unit.type}:${unit.id}`;

/**
 * Office staff: those who register, dispatch, follow up and confirm (administrators and staff).
 *
 * @example
 * isOfficeStaff({ roles: ['handler'] }) // false
 */
export function isOfficeStaff(actor: Pick<Actor, 'roles'>): boolean {
  return isOffice(actor);
}

/**
 * Which units the actor acts for.
 *
 * @example
 * const units = await actorUnits(db, actor); // { divisionId: 5, organisationIds: [12] }
 */
export async function actorUnits(db: Executor, actor: Actor): Promise<ActorUnits> {
  const rows = await db.selectFrom('organisation_handlers').select('organisation_id').where('user_id', '=', actor.userId).execute();
  return {
    divisionId: actor.divisionId !== null && hasRole(actor, ...divisionUnitRoles) ? actor.divisionId : null,
    organisationIds: rows.map((row) => row.organisation_id),
  };
}

/** Whether the actor acts for this unit. */
export function actsFor(units: ActorUnits, unit: { type: string; id: number } | null): boolean {
  if (!unit) return false;
  if (unit.type === 'division') return units.divisionId === unit.id;
  return units.organisationIds.includes(unit.id);
}

/** The units as refs, for SQL filters. */
export function unitRefsOf(units: ActorUnits): UnitRef[] {
  return [
    ...(units.divisionId !== null ? [{ type: 'division' as const, id: units.divisionId }] : []),
    ...units.organisationIds.map((id) => ({ type: 'organisation' as const, id })),
  ];
}

export interface UnitRecord extends Unit {
  divisionId: number;
  path: string;
  archived: boolean;
}

/** A unit with its name and place in the tree, or undefined when it does not exist. */
export async function findUnit(db: Executor, ref: UnitRef): Promise<UnitRecord | undefined> {
  if (ref.type === 'division') {
    const row = await db.selectFrom('divisions').select(['id', 'name', 'path']).where('id', '=', ref.id).executeTakeFirst();
    return row && { type: 'division', id: row.id, name: row.name, divisionId: row.id, path: row.path, archived: false };
  }
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .select(['o.id', 'o.name', 'o.division_id', 'd.path', 'o.archived_at'])
    .where('o.id', '=', ref.id)
    .executeTakeFirst();
  return row && { type: 'organisation', id: row.id, name: row.name, divisionId: row.division_id, path: row.path, archived: row.archived_at !== null };
}

/** Names of many units in two queries, by `unitKey`. */
export async function unitNames(db: Executor, refs: ReadonlyArray<{ type: string; id: number }>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = (type: UnitType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const divisionIds = ids('division');
  const organisationIds = ids('organisation');
  if (divisionIds.length) {
    for (const row of await db.selectFrom('divisions').select(['id', 'name']).where('id', 'in', divisionIds).execute()) names.set(`division:${row.id}`, row.name);
  }
  if (organisationIds.length) {
    for (const row of await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', organisationIds).execute()) names.set(`organisation:${row.id}`, row.name);
  }
  return names;
}

/** `{ type, id, name }` for a stored unit pair, or null when there is none. */
export function toUnit(type: string | null, id: number | null, names: Map<string, string>): Unit | null {
  if (type === null || id === null) return null;
  return { type: type as UnitType, id, name: names.get(`${type}:${id}`) ?? '' };
}

// Moved to the kernel (the outbox asks too); re-exported for this module's callers.
export { handlersOfUnit, officeStaffOf } from '../../kernel/unit-handlers.repo.ts';

/**
 * The office that handles what is reported at a division: the division itself or the nearest one
 * above it with office staff (a village without an account is served by its town).
 */
export async function officeFor(db: Executor, divisionPath: string, divisionId: number): Promise<number> {
  const ids = divisionPath.split('/').filter(Boolean).map(Number).reverse();
  const rows = await db.selectFrom('users').select(['division_id', 'roles']).where('division_id', 'in', ids).where('disabled', '=', 0).execute();
  for (const id of ids) {
    if (rows.some((row) => row.division_id === id && parseRoles(row.roles).some((role) => role === 'staff' || role === 'division_admin'))) return id;
  }
  return divisionId;
}

/** Units in the actor's subtree whose name contains `q`: division offices and live organisations. */
export async function searchUnits(db: Executor, scopePath: string | null, query: { q?: string | undefined; type?: UnitType | undefined; limit: number }): Promise<Unit[]> {
  const out: Unit[] = [];
  if (query.type !== 'organisation') {
    let divisions = db.selectFrom('divisions').select(['id', 'name']).where(divisionInScope('divisions.id', scopePath));
    if (query.q) divisions = divisions.where(containsText('divisions.name', query.q));
    for (const row of await divisions.orderBy('depth').orderBy('name').limit(query.limit).execute()) out.push({ type: 'division', id: row.id, name: row.name });
  }
  if (query.type !== 'division') {
    let orgs = db.selectFrom('organisations').select(['id', 'name']).where(divisionInScope('organisations.division_id', scopePath)).where('archived_at', 'is', null);
    if (query.q) orgs = orgs.where(containsText('organisations.name', query.q));
    for (const row of await orgs.orderBy('name').limit(query.limit).execute()) out.push({ type: 'organisation', id: row.id, name: row.name });
  }
  return out.slice(0, query.limit);
}

/** An organisation with its division's path (to check it lies in the caller's subtree). */
export async function organisationWithPath(db: Executor, id: number) {
  return db.selectFrom('organisations as o').innerJoin('divisions as d', 'd.id', 'o.division_id').select(['o.id', 'o.division_id', 'd.path']).where('o.id', '=', id).executeTakeFirst();
}

/** The users who act for an organisation, by display name. */
export async function handlersOfOrganisation(db: Executor, organisationId: number) {
  return db
    .selectFrom('organisation_handlers as h')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select(['u.id as userId', 'u.display_name as displayName', 'u.username'])
    .where('h.organisation_id', '=', organisationId)
    .orderBy('u.display_name')
    .execute();
}

/** Users by id with their division's path (null for a user without a division). */
export async function userDivisionPaths(db: Executor, userIds: readonly number[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('users as u').leftJoin('divisions as d', 'd.id', 'u.division_id').select(['u.id', 'd.path']).where('u.id', 'in', [...userIds]).execute();
}

/** Replaces who acts for an organisation. */
export async function replaceOrganisationHandlers(db: Executor, organisationId: number, userIds: readonly number[], at: string): Promise<void> {
  await db.deleteFrom('organisation_handlers').where('organisation_id', '=', organisationId).execute();
  if (userIds.length) await db.insertInto('organisation_handlers').values(userIds.map((userId) => ({ organisation_id: organisationId, user_id: userId, created_at: at }))).execute();
}
