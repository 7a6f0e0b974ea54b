import { membershipRoles, type MembershipRole, type OrganisationLinks, type RoleCounts } from '@tongxin/core';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/**
 * A membership is current when it has no end date or ends today or later (Asia/Shanghai date).
 *
 * @example
 * db.selectFrom('memberships as m').where(isCurrent('m', '2026-11-25'))
 */
export function isCurrent(alias: string, today: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.until`)} is null or ${sql.ref(`${alias}.until`)} >= ${today})`;
}

function emptyCounts(): RoleCounts {
  return Object.fromEntries(membershipRoles.map((role) => [role, 0])) as RoleCounts;
}

function tally(rows: Array<{ role: string; n: number | string }>) {
  const byRole = emptyCounts();
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if ((membershipRoles as readonly string[]).includes(row.role)) byRole[row.role as MembershipRole] += n;
    total += n;
  }
  return { total, byRole };
}

async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: number | string }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * What links to an organisation, counted from the rows themselves at read time: current
 * memberships by role (member organisations and member people apart), child organisations, people
 * who work there, venues it owns and resources it offers. Everything is limited to the reader's
 * scope, so the numbers agree with the lists the reader can open; archived records are left out.
 */
export async function organisationLinks(db: Executor, id: number, scopePath: string | null, today: string): Promise<OrganisationLinks> {
  const [orgRoles, personRoles, childOrganisations, people, venues, resources, memberOf] = await Promise.all([
    db
      .selectFrom('memberships as m')
      .innerJoin('organisations as mo', 'mo.id', 'm.member_organisation_id')
      .where('m.organisation_id', '=', id)
      .where(isCurrent('m', today))
      .where('mo.archived_at', 'is', null)
      .where(divisionInScope('mo.division_id', scopePath))
      .select((eb) => ['m.role', eb.fn.countAll<number>().as('n')])
      .groupBy('m.role')
      .execute(),
    db
      .selectFrom('memberships as m')
      .innerJoin('people as mp', 'mp.id', 'm.member_person_id')
      .where('m.organisation_id', '=', id)
      .where(isCurrent('m', today))
      .where('mp.archived_at', 'is', null)
      .where(divisionInScope('mp.division_id', scopePath))
      .select((eb) => ['m.role', eb.fn.countAll<number>().as('n')])
      .groupBy('m.role')
      .execute(),
    count(
      db
        .selectFrom('organisations')
        .where('parent_id', '=', id)
        .where('archived_at', 'is', null)
        .where(divisionInScope('organisations.division_id', scopePath))
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(
      db
        .selectFrom('people')
        .where('organisation_id', '=', id)
        .where('archived_at', 'is', null)
        .where(divisionInScope('people.division_id', scopePath))
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(
      db
        .selectFrom('venues')
        .where('owner_organisation_id', '=', id)
        .where('archived_at', 'is', null)
        .where(divisionInScope('venues.division_id', scopePath))
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(
      db
        .selectFrom('resources')
        .where('organisation_id', '=', id)
        .where('archived_at', 'is', null)
        .where(divisionInScope('resources.division_id', scopePath))
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .where('m.member_organisation_id', '=', id)
      .where(isCurrent('m', today))
      .where(divisionInScope('o.division_id', scopePath))
      .select(['m.id as membership_id', 'o.id', 'o.name', 'm.role'])
      .orderBy('o.name')
      .orderBy('m.id')
      .limit(50)
      .execute(),
  ]);
  return {
    memberOrganisations: tally(orgRoles),
    memberPeople: tally(personRoles),
    childOrganisations,
    people,
    venues,
    resources,
    memberOf: memberOf.map((row) => ({ membershipId: row.membership_id, organisationId: row.id, name: row.name, role: row.role as MembershipRole })),
  };
}
