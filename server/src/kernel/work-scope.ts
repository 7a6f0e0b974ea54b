import { hasRole, isWithinScope, shanghaiToday, type Actor, isOffice } from '@tongxin/core';
import type { Executor } from '../db/database.ts';
import { AppError, fieldError } from './errors.ts';
import type { ActorContext } from '../http/context.ts';
import { divisionInReach, subtreeFilterPath } from './scope.ts';

/**
 * The rules the work modules (projects, activities, pairings, liaison, attachments) share:
 * everyone reads records in their subtree; staff and administrators write them; reviewers and
 * administrators review. Each module's policy names its own actions on top of these.
 */
export type WorkAction = 'read' | 'write' | 'review';

export function canWork(actor: Actor, action: WorkAction, target: { path: string } | null): boolean {
  if (target !== null && !isWithinScope(target.path, actor.scopePath)) return false;
  if (action === 'read') return true;
  if (action === 'review') return hasRole(actor, 'system_admin', 'division_admin', 'reviewer');
  return isOffice(actor);
}

/**
 * 403 `out_of_scope` for a record outside the actor's subtree, 403 `forbidden` for a missing right.
 *
 * @example
 * assertWorkCan(ctx.actor, 'write', { path: project.division_path });
 */
export function assertWorkCan(actor: Actor, action: WorkAction, target: { path: string } | null): void {
  if (canWork(actor, action, target)) return;
  if (target !== null && !isWithinScope(target.path, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** Today's date in Asia/Shanghai by the injected clock, so tests can move time. */
export function todayOf(ctx: Pick<ActorContext, 'clock'>): string {
  return shanghaiToday(ctx.clock.now());
}

/**
 * The subtree a `divisionId` list filter asks for: its path, or undefined without a filter. The
 * kernel's scope rules (docs/scope.md): unknown → 400, outside the subtree → 403.
 */
export async function divisionFilterPath(ctx: ActorContext, divisionId: number | undefined): Promise<string | undefined> {
  return subtreeFilterPath(ctx.db, ctx.actor, divisionId);
}

/** The division a new record goes to: it must exist (400) and the actor must write there (403). */
export async function divisionForWrite(ctx: ActorContext, db: Executor, divisionId: number, field = 'body.divisionId') {
  const division = await divisionInReach(db, ctx.actor, divisionId, field);
  assertWorkCan(ctx.actor, 'write', division);
  return division;
}

/** A registry record as the work modules see it: its name, where it sits, whether archived. */
export interface RegistryRef {
  id: number;
  name: string;
  path: string;
  divisionId: number;
  type: string | null;
  archived: boolean;
}

type RegistryTable = 'organisations' | 'people' | 'brands' | 'venues';

/** Look up an organisation, person, brand or venue by id with its division path. */
export async function findRegistryRef(db: Executor, table: RegistryTable, id: number): Promise<RegistryRef | undefined> {
  // The four tables share id, name, division_id and archived_at; the cast only names one of them
  // for the type checker, the SQL uses the real table.
  const t = table as 'organisations';
  const row = await db
    .selectFrom(t)
    .innerJoin('divisions', 'divisions.id', `${t}.division_id`)
    .select([`${t}.id`, `${t}.name`, `${t}.division_id`, `${t}.archived_at`, 'divisions.path'])
    .where(`${t}.id`, '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  let type: string | null = null;
  if (table === 'organisations') {
    type = (await db.selectFrom('organisations').select('type').where('id', '=', id).executeTakeFirstOrThrow()).type;
  }
  return { id: row.id, name: row.name, path: row.path, divisionId: row.division_id, type, archived: row.archived_at !== null };
}

/**
 * A reference given in a request body must exist, be current and lie in the actor's subtree;
 * otherwise the field is refused with one message, which does not reveal whether it exists.
 */
export async function requireRegistryRef(ctx: ActorContext, db: Executor, table: RegistryTable, id: number, field: string): Promise<RegistryRef> {
  const ref = await findRegistryRef(db, table, id);
  if (!ref || ref.archived || !isWithinScope(ref.path, ctx.actor.scopePath)) throw fieldError(field, 'validation.reference');
  return ref;
}

/** Users named in a body (cadres, attendees) must exist and sit in the actor's subtree. */
export async function requireUsers(ctx: ActorContext, db: Executor, ids: number[], field: string) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .leftJoin('divisions', 'divisions.id', 'users.division_id')
    .select(['users.id', 'users.display_name', 'users.disabled', 'divisions.path'])
    .where('users.id', 'in', ids)
    .execute();
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    const path = row?.path ?? null;
    const visible = row !== undefined && (ctx.actor.scopePath === null || (path !== null && isWithinScope(path, ctx.actor.scopePath)));
    if (!visible || row.disabled === 1) throw fieldError(field, 'validation.reference');
  }
  return rows.map((row) => ({ id: row.id, name: row.display_name }));
}

/** The batch form of {@link requireRegistryRef}, for lists of organisers or attendees. */
export async function requireRegistryRefs(ctx: ActorContext, db: Executor, table: RegistryTable, ids: number[], field: string): Promise<RegistryRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const t = table as 'organisations';
  const rows = await db
    .selectFrom(t)
    .innerJoin('divisions', 'divisions.id', `${t}.division_id`)
    .select([`${t}.id`, `${t}.name`, `${t}.division_id`, `${t}.archived_at`, 'divisions.path'])
    .where(`${t}.id`, 'in', unique)
    .execute();
  return unique.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row || row.archived_at !== null || !isWithinScope(row.path, ctx.actor.scopePath)) throw fieldError(field, 'validation.reference');
    return { id: row.id, name: row.name, path: row.path, divisionId: row.division_id, type: null, archived: false };
  });
}
