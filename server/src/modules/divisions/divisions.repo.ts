import type { Division, DivisionLevel } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { DivisionRow } from '../../db/types.ts';
import { containsText } from '../../db/text-match.ts';

export function toDivision(row: DivisionRow): Division {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    level: row.level as DivisionLevel,
    code: row.code,
    path: row.path,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findDivision(db: Executor, id: number): Promise<DivisionRow | undefined> {
  return db.selectFrom('divisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDivisionsByIds(db: Executor, ids: number[]): Promise<DivisionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('divisions').selectAll().where('id', 'in', ids).execute();
}

/** Children of a division (or the roots), each with how many children it has, for lazy trees. */
export async function listChildren(db: Executor, parentId: number | null) {
  const rows = await db
    .selectFrom('divisions as d')
    .selectAll('d')
    .select((eb) =>
      eb
        .selectFrom('divisions as c')
        .whereRef('c.parent_id', '=', 'd.id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('child_count'),
    )
    .where((eb) => (parentId === null ? eb('d.parent_id', 'is', null) : eb('d.parent_id', '=', parentId)))
    .orderBy('d.code')
    .orderBy('d.id')
    .execute();
  return rows.map((row) => ({ ...toDivision(row), childCount: Number(row.child_count ?? 0) }));
}

export interface DivisionSearch {
  scopePath: string | null;
  q?: string | undefined;
  level?: DivisionLevel | undefined;
  parentId?: number | undefined;
  page: number;
  pageSize: number;
}

export async function searchDivisions(db: Executor, search: DivisionSearch) {
  let base = db.selectFrom('divisions');
  if (search.scopePath !== null) base = base.where('path', 'like', `${search.scopePath}%`);
  if (search.q) base = base.where(containsText('name', search.q));
  if (search.level) base = base.where('level', '=', search.level);
  if (search.parentId) base = base.where('parent_id', '=', search.parentId);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('depth')
      .orderBy('code')
      .orderBy('id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDivision), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export async function countInScope(db: Executor, scopePath: string | null): Promise<number> {
  let query = db.selectFrom('divisions').select((eb) => eb.fn.countAll<number>().as('n'));
  if (scopePath !== null) query = query.where('path', 'like', `${scopePath}%`);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function findSibling(db: Executor, parentId: number | null, name: string) {
  return db
    .selectFrom('divisions')
    .select(['id'])
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .where('name', '=', name)
    .executeTakeFirst();
}

/**
 * Insert a division and set its path, which needs the new id: one insert and one update in the
 * caller's transaction.
 */
export async function insertDivision(
  db: Executor,
  values: { parentId: number | null; parentPath: string | null; parentDepth: number; name: string; level: DivisionLevel; code: string | null; at: string },
): Promise<DivisionRow> {
  const inserted = await db
    .insertInto('divisions')
    .values({
      parent_id: values.parentId,
      name: values.name,
      level: values.level,
      code: values.code,
      path: '',
      depth: values.parentId === null ? 0 : values.parentDepth + 1,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${values.parentPath ?? '/'}${inserted.id}/`;
  return db
    .updateTable('divisions')
    .set({ path })
    .where('id', '=', inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Update only when the stored version matches; returns undefined on a version mismatch. */
export async function updateDivision(
  db: Executor,
  id: number,
  version: number,
  patch: { name?: string; code?: string | null; at: string },
): Promise<DivisionRow | undefined> {
  return db
    .updateTable('divisions')
    .set((eb) => ({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      updated_at: patch.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Id and name of every division (an export turns paths into name paths with them). */
export async function allDivisionNames(db: Executor): Promise<Array<{ id: number; name: string }>> {
  return db.selectFrom('divisions').select(['id', 'name']).execute();
}

/** The child of a division (or the root, for null) with exactly this name. */
export async function childDivisionNamed(db: Executor, parentId: number | null, name: string): Promise<{ id: number; path: string } | undefined> {
  return db
    .selectFrom('divisions')
    .select(['id', 'path'])
    .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
    .where('name', '=', name)
    .executeTakeFirst();
}
