import { isWithinScope, pathIds } from '@tongxin/core';
import type { Executor } from '../db/database.ts';
import { AppError, fieldError } from './errors.ts';
import type { ActorContext } from '../http/context.ts';
import { subtreeFilterPath } from './scope.ts';

/*
 * Lookups of the records venues, brands and resources point at. The organisations and people
 * tables belong to their own module; these read them directly (no import of that module) so the
 * registry lists stay free of import circles.
 */

/** A record another one may link to, with where it lives and whether it is archived. */
export interface LinkTarget {
  id: number;
  name: string;
  divisionPath: string;
  archived: boolean;
}

type LinkTable = 'organisations' | 'people' | 'brands';

/**
 * A linkable record by id, or undefined.
 *
 * @example
 * await findLinkTarget(trx, 'organisations', 12) // { id: 12, name: '华新镇商会', divisionPath: '/1/2/9/', archived: false }
 */
export async function findLinkTarget(db: Executor, table: LinkTable, id: number): Promise<LinkTarget | undefined> {
  const row = await db
    .selectFrom(table)
    .innerJoin('divisions', 'divisions.id', `${table}.division_id`)
    .select([`${table}.id as id`, `${table}.name as name`, `${table}.archived_at as archived_at`, 'divisions.path as path'])
    .where(`${table}.id`, '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, divisionPath: row.path, archived: row.archived_at !== null } : undefined;
}

/**
 * A record named by id in a request body (an owner, a brand, a person), checked the way every
 * registry list checks its links: unknown → 400, outside the actor's subtree → 403, archived →
 * 400 (nothing new may link to an archived record).
 *
 * @example
 * await linkedRecord(ctx, trx, 'organisations', input.ownerOrganisationId, 'body.ownerOrganisationId')
 */
export async function linkedRecord(ctx: ActorContext, db: Executor, table: LinkTable, id: number, field: string): Promise<LinkTarget> {
  const target = await findLinkTarget(db, table, id);
  if (!target) throw fieldError(field, 'validation.invalid_value');
  if (!isWithinScope(target.divisionPath, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  if (target.archived) throw fieldError(field, 'validation.archived_reference');
  return target;
}

/**
 * Names along a division path, root first, e.g. `['上海市', '青浦区', '华新镇']`.
 *
 * @example
 * await divisionNamePath(db, '/1/2/9/')
 */
export async function divisionNamePath(db: Executor, path: string): Promise<string[]> {
  const names = await divisionNamesByPath(db, [path]);
  return names.get(path) ?? [];
}

/** Name paths for many division paths with one query (for a page of public guide entries). */
export async function divisionNamesByPath(db: Executor, paths: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(paths.flatMap(pathIds))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('divisions').select(['id', 'name']).where('id', 'in', ids).execute();
  const nameOf = new Map(rows.map((row) => [row.id, row.name]));
  return new Map(paths.map((path) => [path, pathIds(path).map((id) => nameOf.get(id) ?? '')]));
}

/** A division by id: id, path, name and level, or undefined. */
export async function findDivisionForRecord(db: Executor, id: number) {
  return db.selectFrom('divisions').select(['id', 'path', 'name', 'level']).where('id', '=', id).executeTakeFirst();
}

/**
 * The division named by a `divisionId` filter, which must be known (400) and in the subtree (403):
 * the kernel's {@link subtreeFilterPath}, kept under this name for the registry lists.
 */
export async function filterDivision(ctx: ActorContext, id: number | undefined): Promise<string | undefined> {
  return subtreeFilterPath(ctx.db, ctx.actor, id);
}
