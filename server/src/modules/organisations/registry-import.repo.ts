import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { isCurrent } from './organisation-links.repo.ts';
import type { MembershipImportValue } from './memberships.import.ts';
import type { OrganisationImportValue } from './organisations.import.ts';

/*
 * Queries of the organisation and membership imports (and of the name lookup they share with the
 * venue, resource and people imports). The rules — what is a duplicate, what may be overwritten —
 * stay in the import definitions.
 */

/**
 * Up to two organisations or people of that exact name in the subtree (two tell an ambiguous
 * name), active ones first when an archived twin exists.
 */
export async function recordsNamed(db: Executor, table: 'organisations' | 'people', scopePath: string | null, name: string, divisionId: number | null) {
  const organisationsFrom = (inner: Executor) => inner.selectFrom('organisations as r');
  // Both tables have the id, name, division_id and archived_at used here; typed as one of them.
  const from = (table === 'organisations' ? organisationsFrom(db) : db.selectFrom('people as r')) as ReturnType<typeof organisationsFrom>;
  let query = from
    .innerJoin('divisions as d', 'd.id', 'r.division_id')
    .select(['r.id', 'r.name', 'r.division_id', 'd.path', 'r.archived_at'])
    .where('r.name', '=', name)
    .where(divisionInScope('r.division_id', scopePath))
    .orderBy(sql`case when r.archived_at is null then 0 else 1 end`)
    .limit(2);
  if (divisionId !== null) query = query.where('r.division_id', '=', divisionId);
  return query.execute();
}

/** Every organisation of one division (archived too): id, name, archived_at. */
export async function organisationNamesOfDivision(db: Executor, divisionId: number) {
  return db.selectFrom('organisations').select(['id', 'name', 'archived_at']).where('division_id', '=', divisionId).execute();
}

export async function insertImportedOrganisations(db: Executor, values: readonly OrganisationImportValue[], at: string): Promise<number[]> {
  const rows = await db
    .insertInto('organisations')
    .values(
      values.map((value) => ({
        division_id: value.divisionId,
        name: value.name,
        type: value.type,
        parent_id: value.parentId,
        founded_on: value.foundedOn,
        contact_name: value.contactName,
        contact_phone: value.contactPhone,
        address: value.address,
        description: value.description,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Overwrites the type, and every other field the row fills; empty cells (null) keep what is stored. */
export async function updateImportedOrganisation(db: Executor, id: number, value: OrganisationImportValue, at: string): Promise<void> {
  await db
    .updateTable('organisations')
    .set((eb) => ({
      type: value.type,
      ...(value.parentId !== null ? { parent_id: value.parentId } : {}),
      ...(value.foundedOn !== null ? { founded_on: value.foundedOn } : {}),
      ...(value.contactName !== null ? { contact_name: value.contactName } : {}),
      ...(value.contactPhone !== null ? { contact_phone: value.contactPhone } : {}),
      ...(value.address !== null ? { address: value.address } : {}),
      ...(value.description !== null ? { description: value.description } : {}),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}

/** The current memberships of one organisation: id and member. */
export async function currentMembershipsOf(db: Executor, organisationId: number, today: string) {
  return db
    .selectFrom('memberships as m')
    .select(['m.id', 'm.member_organisation_id', 'm.member_person_id'])
    .where('m.organisation_id', '=', organisationId)
    .where(isCurrent('m', today))
    .execute();
}

export async function insertImportedMemberships(db: Executor, values: readonly MembershipImportValue[], at: string): Promise<void> {
  await db
    .insertInto('memberships')
    .values(
      values.map((value) => ({
        organisation_id: value.organisationId,
        member_organisation_id: value.memberOrganisationId,
        member_person_id: value.memberPersonId,
        role: value.role,
        since: value.since,
        until: value.until,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** A current membership of the same member: the role changes, and the dates the row gives. */
export async function updateImportedMembership(db: Executor, id: number, value: MembershipImportValue, at: string): Promise<void> {
  await db
    .updateTable('memberships')
    .set((eb) => ({
      role: value.role,
      ...(value.since !== null ? { since: value.since } : {}),
      ...(value.until !== null ? { until: value.until } : {}),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}
