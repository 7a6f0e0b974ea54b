import { maskPhone, type MemberListQuery, type Membership, type MembershipRole, type OrganisationType } from '@tongxin/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { MembershipsTable } from '../../db/types-registry.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { isCurrent } from './organisation-links.repo.ts';

export type MembershipRow = Selectable<MembershipsTable> & {
  organisation_name: string;
  organisation_division_id: number;
  organisation_division_path: string;
  mo_name: string | null;
  mo_type: string | null;
  mo_division_id: number | null;
  mo_division_name: string | null;
  mo_division_path: string | null;
  mp_name: string | null;
  mp_phone: string | null;
  mp_division_id: number | null;
  mp_division_name: string | null;
  mp_division_path: string | null;
};

/** Row → API type; a member person's phone is masked here. */
export function toMembership(row: MembershipRow, today: string): Membership {
  const isOrg = row.member_organisation_id !== null;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    member: {
      kind: isOrg ? 'organisation' : 'person',
      id: (row.member_organisation_id ?? row.member_person_id)!,
      name: (isOrg ? row.mo_name : row.mp_name) ?? '',
      divisionId: (isOrg ? row.mo_division_id : row.mp_division_id) ?? 0,
      divisionName: (isOrg ? row.mo_division_name : row.mp_division_name) ?? '',
      type: isOrg ? (row.mo_type as OrganisationType) : null,
      phone: isOrg ? null : maskPhone(row.mp_phone),
    },
    role: row.role as MembershipRole,
    since: row.since,
    until: row.until,
    current: row.until === null || row.until >= today,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromMemberships(db: Executor) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('divisions as od', 'od.id', 'o.division_id')
    .leftJoin('organisations as mo', 'mo.id', 'm.member_organisation_id')
    .leftJoin('divisions as mo_d', 'mo_d.id', 'mo.division_id')
    .leftJoin('people as mp', 'mp.id', 'm.member_person_id')
    .leftJoin('divisions as mp_d', 'mp_d.id', 'mp.division_id');
}

type MembershipFrom = ReturnType<typeof fromMemberships>;

function selectColumns(query: MembershipFrom) {
  return query
    .selectAll('m')
    .select([
      'o.name as organisation_name',
      'o.division_id as organisation_division_id',
      'od.path as organisation_division_path',
      'mo.name as mo_name',
      'mo.type as mo_type',
      'mo.division_id as mo_division_id',
      'mo_d.name as mo_division_name',
      'mo_d.path as mo_division_path',
      'mp.name as mp_name',
      'mp.phone as mp_phone',
      'mp.division_id as mp_division_id',
      'mp_d.name as mp_division_name',
      'mp_d.path as mp_division_path',
    ]);
}

export async function findMembership(db: Executor, id: number): Promise<MembershipRow | undefined> {
  return selectColumns(fromMemberships(db)).where('m.id', '=', id).executeTakeFirst();
}

/** Leaders first, then by name: the order a member list is read in. */
const roleRank = sql<number>`case m.role when 'president' then 0 when 'vice_president' then 1 when 'secretary_general' then 2 when 'council' then 3 else 4 end`;

export interface MemberSearch extends MemberListQuery {
  organisationId: number;
  scopePath: string | null;
  today: string;
}

/**
 * Members of one organisation. Only members inside the reader's scope are listed (a member
 * organisation in another town stays invisible to a town user), and by default only current,
 * unarchived ones.
 */
function filtered(db: Executor, search: Omit<MemberSearch, 'page' | 'pageSize'>) {
  let base = fromMemberships(db)
    .where('m.organisation_id', '=', search.organisationId)
    .where((eb) => eb.or([divisionInScope('mo.division_id', search.scopePath), divisionInScope('mp.division_id', search.scopePath)]));
  if (search.scopePath === null) base = base.where((eb) => eb.or([eb('mo.id', 'is not', null), eb('mp.id', 'is not', null)]));
  if (search.role) base = base.where('m.role', '=', search.role);
  if (search.kind === 'organisation') base = base.where('m.member_organisation_id', 'is not', null);
  if (search.kind === 'person') base = base.where('m.member_person_id', 'is not', null);
  if (search.current === 'true') {
    base = base.where(isCurrent('m', search.today)).where('mo.archived_at', 'is', null).where('mp.archived_at', 'is', null);
  }
  if (search.current === 'false') base = base.where('m.until', '<', search.today);
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('mo.name', q), containsText('mp.name', q)]));
  }
  return base;
}

export async function searchMembers(db: Executor, search: MemberSearch) {
  const base = filtered(db, search);
  const [rows, count] = await Promise.all([
    selectColumns(base)
      .orderBy(roleRank)
      .orderBy(sql`coalesce(mo.name, mp.name)`)
      .orderBy('m.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => toMembership(row, search.today)), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** One page of an organisation's filtered members by ascending id, for the Excel export. */
export async function membersAfter(db: Executor, search: Omit<MemberSearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  return selectColumns(filtered(db, search)).where('m.id', '>', afterId).orderBy('m.id').limit(limit).execute();
}

/** A current membership of the same member in the same organisation (the duplicate rule). */
export async function findCurrentMembership(
  db: Executor,
  organisationId: number,
  member: { organisationId?: number | undefined; personId?: number | undefined },
  today: string,
) {
  let query = db.selectFrom('memberships as m').select('m.id').where('m.organisation_id', '=', organisationId).where(isCurrent('m', today));
  query =
    member.organisationId !== undefined
      ? query.where('m.member_organisation_id', '=', member.organisationId)
      : query.where('m.member_person_id', '=', member.personId!);
  return query.executeTakeFirst();
}

export interface MembershipValues {
  organisationId: number;
  memberOrganisationId: number | null;
  memberPersonId: number | null;
  role: MembershipRole;
  since: string | null;
  until: string | null;
}

export async function insertMembership(db: Executor, values: MembershipValues, at: string): Promise<number> {
  const row = await db
    .insertInto('memberships')
    .values({
      organisation_id: values.organisationId,
      member_organisation_id: values.memberOrganisationId,
      member_person_id: values.memberPersonId,
      role: values.role,
      since: values.since,
      until: values.until,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Apply a patch when the stored version still matches; false on a mismatch. */
export async function updateMembership(
  db: Executor,
  id: number,
  version: number,
  patch: { role?: MembershipRole | undefined; since?: string | null | undefined; until?: string | null | undefined },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('memberships')
    .set((eb) => ({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.since !== undefined ? { since: patch.since } : {}),
      ...(patch.until !== undefined ? { until: patch.until } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
