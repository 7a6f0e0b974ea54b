import { maskPhone, membershipRoles, type MembershipRole, type Person, type PersonListQuery } from '@tongxin/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PeopleTable } from '../../db/types-registry.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { isCurrent } from '../organisations/index.ts';

export type PersonRow = Selectable<PeopleTable> & {
  division_name: string;
  division_path: string;
  organisation_name: string | null;
};

/** Row → API type. The phone is masked here, so no list or export can forget to. */
export function toPerson(row: PersonRow, roles: MembershipRole[]): Person {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    name: row.name,
    phone: maskPhone(row.phone),
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    position: row.position,
    roles,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromPeople(db: Executor) {
  return db
    .selectFrom('people as p')
    .innerJoin('divisions as d', 'd.id', 'p.division_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id');
}

function selectColumns(query: ReturnType<typeof fromPeople>) {
  return query.selectAll('p').select(['d.name as division_name', 'd.path as division_path', 'o.name as organisation_name']);
}

export async function findPerson(db: Executor, id: number): Promise<PersonRow | undefined> {
  return selectColumns(fromPeople(db)).where('p.id', '=', id).executeTakeFirst();
}

/** Same name in the same division (the import's duplicate rule; people may share names otherwise). */
export async function findPersonByName(db: Executor, divisionId: number, name: string) {
  return db.selectFrom('people').select(['id', 'archived_at']).where('division_id', '=', divisionId).where('name', '=', name).orderBy('id').executeTakeFirst();
}

/** Distinct roles of current memberships, per person, in role order. */
export async function currentRoles(db: Executor, personIds: number[], today: string): Promise<Map<number, MembershipRole[]>> {
  const roles = new Map<number, MembershipRole[]>();
  if (personIds.length === 0) return roles;
  const rows = await db
    .selectFrom('memberships as m')
    .select(['m.member_person_id', 'm.role'])
    .distinct()
    .where('m.member_person_id', 'in', personIds)
    .where(isCurrent('m', today))
    .execute();
  for (const row of rows) {
    const list = roles.get(row.member_person_id!) ?? [];
    list.push(row.role as MembershipRole);
    roles.set(row.member_person_id!, list);
  }
  for (const list of roles.values()) list.sort((a, b) => membershipRoles.indexOf(a) - membershipRoles.indexOf(b));
  return roles;
}

export interface PersonSearch extends Omit<PersonListQuery, 'divisionId'> {
  scopePath: string | null;
  subtreePath?: string | undefined;
  today: string;
}

const sortColumns = { name: 'p.name', position: 'p.position', createdAt: 'p.created_at', updatedAt: 'p.updated_at' } as const;

function filtered(db: Executor, search: Omit<PersonSearch, 'page' | 'pageSize' | 'sort' | 'order'>) {
  let base = fromPeople(db).where(divisionInScope('p.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('p.division_id', search.subtreePath));
  if (search.organisationId) base = base.where('p.organisation_id', '=', search.organisationId);
  if (search.archived === 'false') base = base.where('p.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('p.archived_at', 'is not', null);
  if (search.role) {
    const role = search.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.member_person_id', '=', 'p.id')
          .where('m.role', '=', role)
          .where(isCurrent('m', search.today)),
      ),
    );
  }
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('p.name', q), containsText('p.position', q), containsText('o.name', q)]));
  }
  return base;
}

export async function searchPeople(db: Executor, search: PersonSearch) {
  const base = filtered(db, search);
  const column = sortColumns[search.sort];
  const [rows, count] = await Promise.all([
    selectColumns(base)
      // NULLs last on both engines.
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(column, search.order)
      .orderBy('p.id', search.order)
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const roles = await currentRoles(db, rows.map((row) => row.id), search.today);
  return {
    items: rows.map((row) => toPerson(row, roles.get(row.id) ?? [])),
    total: Number(count.n),
    page: search.page,
    pageSize: search.pageSize,
  };
}

/** One page of the filtered list by ascending id, with current roles, for the Excel export. */
export async function peopleAfter(db: Executor, search: Omit<PersonSearch, 'page' | 'pageSize' | 'sort' | 'order'>, afterId: number, limit: number) {
  const rows = await selectColumns(filtered(db, search)).where('p.id', '>', afterId).orderBy('p.id').limit(limit).execute();
  const roles = await currentRoles(db, rows.map((row) => row.id), search.today);
  return rows.map((row) => ({ ...row, roles: roles.get(row.id) ?? [] }));
}

/** Every membership of a person whose organisation the reader can see, current first. */
export async function membershipsOfPerson(db: Executor, personId: number, scopePath: string | null, today: string) {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .where('m.member_person_id', '=', personId)
    .where(divisionInScope('o.division_id', scopePath))
    .select(['m.id', 'm.organisation_id', 'o.name', 'm.role', 'm.since', 'm.until'])
    .orderBy(sql`case when m.until is null or m.until >= ${today} then 0 else 1 end`)
    .orderBy('o.name')
    .orderBy('m.id')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    membershipId: row.id,
    organisationId: row.organisation_id,
    organisationName: row.name,
    role: row.role as MembershipRole,
    since: row.since,
    until: row.until,
    current: row.until === null || row.until >= today,
  }));
}

export interface PersonValues {
  divisionId: number;
  name: string;
  phone: string | null;
  organisationId: number | null;
  position: string | null;
}

function toColumns(values: Partial<PersonValues>) {
  return {
    ...(values.divisionId !== undefined ? { division_id: values.divisionId } : {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.phone !== undefined ? { phone: values.phone } : {}),
    ...(values.organisationId !== undefined ? { organisation_id: values.organisationId } : {}),
    ...(values.position !== undefined ? { position: values.position } : {}),
  };
}

export async function insertPerson(db: Executor, values: PersonValues, at: string): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({ ...toColumns(values), division_id: values.divisionId, name: values.name, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Apply a patch (or archive / unarchive) when the stored version still matches; false otherwise. */
export async function updatePerson(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<PersonValues> & { archivedAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set((eb) => ({
      ...toColumns(patch),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
