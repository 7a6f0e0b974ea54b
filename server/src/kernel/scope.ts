import { isWithinScope, type Actor } from '@tongxin/core';
import type { Executor } from '../db/database.ts';
import type { DivisionRow } from '../db/types.ts';
import { AppError, fieldError } from './errors.ts';
import { divisionById } from './scope.repo.ts';

/*
 * The one resolver for "a division id from the body or the query" (issue 19 item 1). The status
 * rules, one per case, are written down in docs/scope.md:
 * - an id that names no division → 400 `validation.reference` on that field (the request is wrong,
 *   not a missing page: the URL named nothing);
 * - a division outside the caller's subtree → 403 `out_of_scope` (the caller asked for something
 *   they may not have; a silent empty list would hide a UI bug).
 * Role checks (may this user create here?) stay in each module's policy, called after this.
 * Linked records (organisation, person, brand, venue ids in a body) go through
 * `assertReferencesInScope` in references.ts, which follows the same two rules.
 */

/**
 * A division that must exist: unknown → 400 on `field`. For public routes (no caller, no subtree).
 *
 * @example
 * const division = await knownDivision(ctx.db, input.divisionId, 'body.divisionId');
 */
export async function knownDivision(db: Executor, id: number, field: string): Promise<DivisionRow> {
  const division = await divisionById(db, id);
  if (!division) throw fieldError(field, 'validation.reference');
  return division;
}

export interface ScopeOptions {
  /**
   * A caller may also name their own division when it lies outside the subtree they manage (a
   * user reads the settings that apply to their own office). Default false.
   */
  ownDivision?: boolean;
}

/**
 * A division named in a body or query that the caller reaches: unknown → 400 on `field`, outside
 * the caller's subtree → 403 `out_of_scope` (details name the field).
 *
 * @example
 * const division = await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
 */
export async function divisionInReach(db: Executor, actor: Actor, id: number, field: string, options: ScopeOptions = {}): Promise<DivisionRow> {
  const division = await knownDivision(db, id, field);
  const own = options.ownDivision === true && actor.divisionId === id;
  if (!own && !isWithinScope(division.path, actor.scopePath)) throw new AppError('out_of_scope', { details: { field } });
  return division;
}

export interface FilterOptions {
  /** The field the id came in; `query.divisionId` unless told. */
  field?: string;
  /**
   * A filter on a division *above* the caller's subtree (a town user filtering on their district)
   * leaves just the caller's subtree instead of 403. Lists whose web filter starts from the
   * parent use this; every other case is 403.
   */
  aboveMeansOwn?: boolean;
}

/**
 * The `divisionId` filter of a list, figure or export → the subtree path to filter on, or
 * undefined without a filter. Same rules as {@link divisionInReach}: a filter never widens what a
 * caller sees and never silently returns an empty page either.
 *
 * @example
 * const subtreePath = await subtreeFilterPath(ctx.db, ctx.actor, query.divisionId); // '/1/2/5/' or undefined
 */
export async function subtreeFilterPath(db: Executor, actor: Actor, id: number | undefined, options: FilterOptions = {}): Promise<string | undefined> {
  if (id === undefined) return undefined;
  const field = options.field ?? 'query.divisionId';
  const division = await knownDivision(db, id, field);
  if (options.aboveMeansOwn && actor.scopePath !== null && actor.scopePath.startsWith(division.path)) return undefined;
  if (!isWithinScope(division.path, actor.scopePath)) throw new AppError('out_of_scope', { details: { field } });
  return division.path;
}
