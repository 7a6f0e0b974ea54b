import { maskPhone, type Resource, type ResourceKind, type ResourceListQuery } from '@tongxin/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { findLiveIdsByNames } from '../../db/names-lookup.ts';
import type { ResourcesTable } from '../../db/types-registry.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type ResourceRow = Selectable<ResourcesTable> & {
  division_name: string;
  division_path: string;
  organisation_name: string | null;
  person_name: string | null;
};

type ServiceRef = Resource['services'][number];

/** API shape of a resource; the phone is always masked here (a reveal reads it separately). */
export function toResource(row: ResourceRow, services: ServiceRef[]): Resource {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    kind: row.kind as ResourceKind,
    name: row.name,
    organisation: row.organisation_id !== null ? { id: row.organisation_id, name: row.organisation_name ?? '' } : null,
    person: row.person_id !== null ? { id: row.person_id, name: row.person_name ?? '' } : null,
    contactPhone: maskPhone(row.contact_phone),
    description: row.description,
    services,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromResources(db: Executor) {
  return db
    .selectFrom('resources')
    .innerJoin('divisions', 'divisions.id', 'resources.division_id')
    .leftJoin('organisations', 'organisations.id', 'resources.organisation_id')
    .leftJoin('people', 'people.id', 'resources.person_id');
}

const joinedNames = ['divisions.name as division_name', 'divisions.path as division_path', 'organisations.name as organisation_name', 'people.name as person_name'] as const;

export async function findResource(db: Executor, id: number): Promise<ResourceRow | undefined> {
  return fromResources(db).selectAll('resources').select(joinedNames).where('resources.id', '=', id).executeTakeFirst();
}

/** The services of many resources in one query, each list in the kinds' sort order. */
export async function servicesOf(db: Executor, resourceIds: number[]): Promise<Map<number, ServiceRef[]>> {
  const byResource = new Map<number, ServiceRef[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return byResource;
  const rows = await db
    .selectFrom('resource_services')
    .innerJoin('service_kinds', 'service_kinds.id', 'resource_services.service_kind_id')
    .select(['resource_services.resource_id', 'service_kinds.id', 'service_kinds.code', 'service_kinds.name'])
    .where('resource_services.resource_id', 'in', resourceIds)
    .orderBy('service_kinds.sort_order')
    .orderBy('service_kinds.id')
    .execute();
  for (const row of rows) byResource.get(row.resource_id)?.push({ id: row.id, code: row.code, name: row.name });
  return byResource;
}

/** The resource (not archived) of this name in this division, if any: the duplicate rule. */
export async function findResourceByName(db: Executor, divisionId: number, name: string, exceptId?: number) {
  let query = db
    .selectFrom('resources')
    .select('id')
    .where('division_id', '=', divisionId)
    .where('name', '=', name)
    .where('archived_at', 'is', null);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** Offers at least one of the kinds: an `exists` the `resource_services_kind` index answers. */
function offersAny(kindIds: readonly number[]) {
  return sql<boolean>`exists (select 1 from resource_services rs where rs.resource_id = resources.id and rs.service_kind_id in (${sql.join([...kindIds])}))`;
}

const sortColumns = { name: 'resources.name', kind: 'resources.kind', createdAt: 'resources.created_at', updatedAt: 'resources.updated_at' } as const;

export interface ResourceSearch extends ResourceListQuery {
  scopePath: string | null;
  filterPath?: string | undefined;
}

export type ResourceFilter = Omit<ResourceSearch, 'page' | 'pageSize' | 'sort' | 'order'>;

/** The list's filters on top of the scope; shared by the paged list and the export. */
function filteredResources(db: Executor, search: ResourceFilter) {
  let base = fromResources(db).where(divisionInScope('resources.division_id', search.scopePath));
  if (search.filterPath) base = base.where(divisionInScope('resources.division_id', search.filterPath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('resources.name', q), containsText('resources.description', q)]));
  }
  if (search.kind) base = base.where('resources.kind', 'in', search.kind);
  if (search.serviceKindId) base = base.where(offersAny(search.serviceKindId));
  if (search.organisationId) base = base.where('resources.organisation_id', '=', search.organisationId);
  if (search.personId) base = base.where('resources.person_id', '=', search.personId);
  if (search.archived === 'false') base = base.where('resources.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('resources.archived_at', 'is not', null);
  return base;
}

export async function searchResources(db: Executor, search: ResourceSearch) {
  const base = filteredResources(db, search);
  const [rows, count] = await Promise.all([
    base
      .selectAll('resources')
      .select(joinedNames)
      .orderBy(sortColumns[search.sort], search.order)
      .orderBy('resources.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const services = await servicesOf(db, rows.map((row) => row.id));
  return { items: rows.map((row) => toResource(row, services.get(row.id) ?? [])), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** One page of the filtered list by ascending id (keyset), for the Excel export. */
export async function resourcesAfter(db: Executor, filter: ResourceFilter, afterId: number, limit: number) {
  return filteredResources(db, filter).selectAll('resources').select(joinedNames).where('resources.id', '>', afterId).orderBy('resources.id').limit(limit).execute();
}

/** A resource a need can be matched to, with how many of the asked-for kinds it offers. */
export interface ResourceMatch extends Resource {
  matched: number;
}

/**
 * The live resources in a subtree that offer any of the given service kinds, best matches first
 * (most of the kinds offered, then by name). This is what a need is matched to; phones are masked.
 *
 * @example
 * const matches = await findResourcesOffering(db, actor.scopePath, [legalAdviceId]);
 * matches[0]; // { id: 3, name: '金山区律师志愿服务团', matched: 1, services: [...], contactPhone: '138****5678', … }
 */
export async function findResourcesOffering(
  db: Executor,
  scopePath: string | null,
  serviceKindIds: readonly number[],
  options: { limit?: number } = {},
): Promise<ResourceMatch[]> {
  if (serviceKindIds.length === 0) return [];
  const matched = sql<number>`(select count(*) from resource_services rs where rs.resource_id = resources.id and rs.service_kind_id in (${sql.join([...serviceKindIds])}))`;
  const rows = await fromResources(db)
    .selectAll('resources')
    .select(joinedNames)
    .select(matched.as('matched'))
    .where(divisionInScope('resources.division_id', scopePath))
    .where('resources.archived_at', 'is', null)
    .where(offersAny(serviceKindIds))
    .orderBy(matched, 'desc')
    .orderBy('resources.name')
    .orderBy('resources.id')
    .limit(options.limit ?? 100)
    .execute();
  const services = await servicesOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...toResource(row, services.get(row.id) ?? []), matched: Number(row.matched) }));
}

export interface ResourceValues {
  divisionId: number;
  kind: ResourceKind;
  name: string;
  organisationId: number | null;
  personId: number | null;
  contactPhone: string | null;
  description: string | null;
}

function toColumns(values: ResourceValues) {
  return {
    division_id: values.divisionId,
    kind: values.kind,
    name: values.name,
    organisation_id: values.organisationId,
    person_id: values.personId,
    contact_phone: values.contactPhone,
    description: values.description,
  };
}

/**
 * Insert resources in one statement (callers keep batches ≤ 500 rows); returns the new ids in the
 * order of `values`. RETURNING promises no row order, so ids are matched back by division and name.
 *
 * @example
 * const [id] = await insertResources(trx, [values], at);
 */
export async function insertResources(db: Executor, values: ResourceValues[], at: string): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db
    .insertInto('resources')
    .values(values.map((value) => ({ ...toColumns(value), created_at: at, updated_at: at })))
    .returning(['id', 'division_id', 'name'])
    .execute();
  const byKey = new Map<string, number[]>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    const key = `${row.division_id}|${row.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
  }
  return values.map((value) => byKey.get(`${value.divisionId}|${value.name}`)!.shift()!);
}

/** Add (resource, service kind) pairs, in chunks that stay under both engines' parameter limits. */
export async function insertResourceServices(db: Executor, pairs: Array<{ resourceId: number; serviceKindId: number }>): Promise<void> {
  for (let start = 0; start < pairs.length; start += 400) {
    const chunk = pairs.slice(start, start + 400);
    await db
      .insertInto('resource_services')
      .values(chunk.map((pair) => ({ resource_id: pair.resourceId, service_kind_id: pair.serviceKindId })))
      .execute();
  }
}

/** Replace the whole set of services a resource offers. */
export async function replaceResourceServices(db: Executor, resourceId: number, serviceKindIds: readonly number[]): Promise<void> {
  await db.deleteFrom('resource_services').where('resource_id', '=', resourceId).execute();
  await insertResourceServices(db, serviceKindIds.map((serviceKindId) => ({ resourceId, serviceKindId })));
}

/** Overwrite a resource's fields; with `version` only while it still matches. */
export async function updateResource(db: Executor, id: number, values: ResourceValues, at: string, version?: number): Promise<boolean> {
  let query = db
    .updateTable('resources')
    .set((eb) => ({ ...toColumns(values), updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setResourceArchived(db: Executor, id: number, archivedAt: string | null, at: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('resources')
    .set((eb) => ({ archived_at: archivedAt, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What a sheet row changes on an existing resource: the kind always, the rest when given. */
export interface ResourceSheetPatch {
  kind: ResourceKind;
  organisationId: number | null;
  personId: number | null;
  contactPhone: string | null;
  description: string | null;
}

/**
 * Apply an imported row to an existing resource: null fields (empty cells) keep what is stored.
 *
 * @example
 * await patchResourceFromSheet(trx, 5, { kind: 'firm', organisationId: null, personId: null, contactPhone: null, description: '…' }, at);
 */
export async function patchResourceFromSheet(db: Executor, id: number, patch: ResourceSheetPatch, at: string): Promise<void> {
  await db
    .updateTable('resources')
    .set((eb) => ({
      kind: patch.kind,
      ...(patch.organisationId !== null ? { organisation_id: patch.organisationId } : {}),
      ...(patch.personId !== null ? { person_id: patch.personId } : {}),
      ...(patch.contactPhone !== null ? { contact_phone: patch.contactPhone } : {}),
      ...(patch.description !== null ? { description: patch.description } : {}),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}

/** Live resources matching many (division, name) pairs: `divisionId|name` → id. */
export function findResourcesByNames(db: Executor, pairs: ReadonlyArray<{ divisionId: number; name: string }>): Promise<Map<string, number>> {
  return findLiveIdsByNames(db, 'resources', pairs);
}
