import { maskPhone, type Organisation, type OrganisationListQuery, type OrganisationType } from '@tongxin/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { OrganisationsTable } from '../../db/types-registry.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { organisationTotal } from './organisations.totals.repo.ts';

export type OrganisationRow = Selectable<OrganisationsTable> & {
  division_name: string;
  division_path: string;
  parent_name: string | null;
};

/** Row → API type. The contact phone is masked here, so no caller can forget to. */
export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    name: row.name,
    type: row.type as OrganisationType,
    parentId: row.parent_id,
    parentName: row.parent_name,
    foundedOn: row.founded_on,
    contactName: row.contact_name,
    contactPhone: maskPhone(row.contact_phone),
    address: row.address,
    description: row.description,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectOrganisations(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .selectAll('o')
    .select(['d.name as division_name', 'd.path as division_path', 'p.name as parent_name']);
}

export async function findOrganisation(db: Executor, id: number): Promise<OrganisationRow | undefined> {
  return selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
}

/** Same name in the same division: the duplicate rule of create, rename and import. */
export async function findOrganisationByName(db: Executor, divisionId: number, name: string, exceptId?: number) {
  let query = db.selectFrom('organisations').select(['id', 'archived_at']).where('division_id', '=', divisionId).where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export interface OrganisationSearch extends Omit<OrganisationListQuery, 'divisionId' | 'after'> {
  scopePath: string | null;
  /** Path of the division whose subtree the user filtered on (already checked against the scope). */
  subtreePath?: string | undefined;
}

const sortColumns = {
  name: 'o.name',
  type: 'o.type',
  foundedOn: 'o.founded_on',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
} as const;

/** Where the previous page ended: its last row's sort key (and whether that was null) and id. */
export interface ListCursor {
  sort: OrganisationSearch['sort'];
  order: OrganisationSearch['order'];
  value: string | null;
  id: number;
}

/**
 * One page of the filtered list and its total. The page's ids come from `organisations` alone (for
 * the common list, live ones by name, a scan of the covering index `organisations_live_list`); with
 * a cursor (`after`) the page starts right after the previous one's last row instead of skipping
 * (page − 1) × pageSize sorted rows. The total comes from `organisationTotal`
 * (organisations.totals.repo.ts): maintained counts where they answer the question, else a capped
 * count or an estimate. The page's rows are then read by id with their division and parent names.
 */
export async function searchOrganisations(db: Executor, search: OrganisationSearch, cursor?: ListCursor) {
  const column = sortColumns[search.sort];
  const cmp = search.order === 'asc' ? '>' : '<';
  let pageQuery = selectBase(db, search)
    .select(['o.id', sql<string | null>`${sql.ref(column)}`.as('k')])
    // Both engines put NULLs last this way (SQLite sorts them first, PostgreSQL last, by default).
    .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
    .orderBy(column, search.order)
    .orderBy('o.id', search.order)
    // One row more than the page tells whether there is a next page, without counting.
    .limit(search.pageSize + 1);
  if (cursor) {
    const key = cursor.value;
    pageQuery = pageQuery.where((eb) =>
      key === null
        ? eb.and([eb(column, 'is', null), eb('o.id', cmp, cursor.id)])
        : eb.or([eb(column, 'is', null), eb(column, cmp, key), eb.and([eb(column, '=', key), eb('o.id', cmp, cursor.id)])]),
    );
  } else {
    pageQuery = pageQuery.offset((search.page - 1) * search.pageSize);
  }
  const [found, total] = await Promise.all([pageQuery.execute(), organisationTotal(db, search, (s) => selectBase(db, s))]);
  const page = found.slice(0, search.pageSize);
  const last = page.at(-1);
  const next: ListCursor | null = found.length > search.pageSize && last ? { sort: search.sort, order: search.order, value: last.k, id: last.id } : null;
  const ids = page.map((row) => row.id);
  const rows = ids.length === 0 ? [] : await selectOrganisations(db).where('o.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    items: ids.flatMap((id) => (byId.has(id) ? [toOrganisation(byId.get(id)!)] : [])),
    ...total,
    page: search.page,
    pageSize: search.pageSize,
    next,
  };
}

export function selectBase(db: Executor, search: Omit<OrganisationSearch, 'page' | 'pageSize' | 'sort' | 'order'>) {
  let base = db.selectFrom('organisations as o').where(divisionInScope('o.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('o.division_id', search.subtreePath));
  if (search.type) base = base.where('o.type', 'in', search.type);
  if (search.parentId) base = base.where('o.parent_id', '=', search.parentId);
  if (search.archived === 'false') base = base.where('o.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('o.archived_at', 'is not', null);
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('o.name', q), containsText('o.address', q), containsText('o.contact_name', q)]));
  }
  return base;
}

/**
 * One page of the filtered list by ascending id, for the Excel export (keyset paging, so 100,000
 * rows cost the same per page as the first).
 */
export async function organisationsAfter(db: Executor, search: Omit<OrganisationSearch, 'page' | 'pageSize' | 'sort' | 'order'>, afterId: number, limit: number) {
  return selectBase(db, search)
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .selectAll('o')
    .select(['d.name as division_name', 'd.path as division_path', 'p.name as parent_name'])
    .where('o.id', '>', afterId)
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

export interface OrganisationValues {
  divisionId: number;
  name: string;
  type: OrganisationType;
  parentId: number | null;
  foundedOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  description: string | null;
}

function toColumns(values: Partial<OrganisationValues>) {
  return {
    ...(values.divisionId !== undefined ? { division_id: values.divisionId } : {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.type !== undefined ? { type: values.type } : {}),
    ...(values.parentId !== undefined ? { parent_id: values.parentId } : {}),
    ...(values.foundedOn !== undefined ? { founded_on: values.foundedOn } : {}),
    ...(values.contactName !== undefined ? { contact_name: values.contactName } : {}),
    ...(values.contactPhone !== undefined ? { contact_phone: values.contactPhone } : {}),
    ...(values.address !== undefined ? { address: values.address } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
  };
}

export async function insertOrganisation(db: Executor, values: OrganisationValues, at: string): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ ...toColumns(values), division_id: values.divisionId, name: values.name, type: values.type, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Apply a patch when the stored version still matches; false on a mismatch.
 * `archivedAt` (null to unarchive) is a state change that also bumps the version.
 */
export async function updateOrganisation(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<OrganisationValues> & { archivedAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('organisations')
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

/**
 * The chain of parents above an organisation, nearest first (id and name), stopping at 50 levels
 * so that even bad data cannot loop forever.
 */
export async function parentChain(db: Executor, startId: number | null): Promise<Array<{ id: number; name: string; parent_id: number | null }>> {
  const chain: Array<{ id: number; name: string; parent_id: number | null }> = [];
  let next = startId;
  while (next !== null && chain.length < 50) {
    const row = await db.selectFrom('organisations').select(['id', 'name', 'parent_id']).where('id', '=', next).executeTakeFirst();
    if (!row || chain.some((seen) => seen.id === row.id)) break;
    chain.push(row);
    next = row.parent_id;
  }
  return chain;
}
