import type { ServiceKind } from '@tongxin/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ServiceKindsTable } from '../../db/types-registry.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

type ServiceKindRow = Selectable<ServiceKindsTable>;

export function toServiceKind(row: ServiceKindRow): ServiceKind {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sortOrder: row.sort_order,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The whole list in its sort order, each kind with how many live resources in the reader's
 * scope offer it.
 *
 * @example
 * await listServiceKinds(db, { archived: 'false', scopePath: '/1/2/' })
 */
export async function listServiceKinds(db: Executor, options: { archived: 'false' | 'true' | 'all'; scopePath: string | null }) {
  let query = db
    .selectFrom('service_kinds')
    .selectAll('service_kinds')
    .select((eb) =>
      eb
        .selectFrom('resource_services')
        .innerJoin('resources', 'resources.id', 'resource_services.resource_id')
        .whereRef('resource_services.service_kind_id', '=', 'service_kinds.id')
        .where('resources.archived_at', 'is', null)
        .where(divisionInScope('resources.division_id', options.scopePath))
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('resource_count'),
    );
  if (options.archived === 'false') query = query.where('archived_at', 'is', null);
  if (options.archived === 'true') query = query.where('archived_at', 'is not', null);
  const rows = await query.orderBy('sort_order').orderBy('id').execute();
  return rows.map((row) => ({ ...toServiceKind(row), resourceCount: Number(row.resource_count ?? 0) }));
}

export async function findServiceKind(db: Executor, id: number): Promise<ServiceKindRow | undefined> {
  return db.selectFrom('service_kinds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findServiceKindsByIds(db: Executor, ids: readonly number[]): Promise<ServiceKindRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('service_kinds').selectAll().where('id', 'in', [...ids]).execute();
}

/** A kind with this code (any state), or a live kind with this name: either makes a new one a duplicate. */
export async function findServiceKindClash(db: Executor, code: string | null, name: string | null, exceptId?: number) {
  let query = db
    .selectFrom('service_kinds')
    .select(['id', 'code', 'name'])
    .where((eb) =>
      eb.or([
        ...(code !== null ? [eb('code', '=', code)] : []),
        ...(name !== null ? [eb.and([eb('name', '=', name), eb('archived_at', 'is', null)])] : []),
      ]),
    );
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** The next sort position: after the last kind, in steps of ten so one can be slotted between. */
export async function nextSortOrder(db: Executor): Promise<number> {
  const row = await db.selectFrom('service_kinds').select(sql<number | null>`max(sort_order)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) + 10;
}

export async function insertServiceKind(db: Executor, values: { code: string; name: string; sortOrder: number }, at: string): Promise<number> {
  const row = await db
    .insertInto('service_kinds')
    .values({ code: values.code, name: values.name, sort_order: values.sortOrder, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateServiceKind(
  db: Executor,
  id: number,
  patch: { name?: string; sortOrder?: number; archivedAt?: string | null },
  at: string,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('service_kinds')
    .set((eb) => ({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
