import type { Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Everyone signed in may search; what they find is bounded by their subtree (the repo filters by
 * scope), and only the fields every reader of those records may see are indexed (people by name).
 * Rebuilding the index is a system administrator's task (or the command line's).
 *
 * @example assertCanSearch(actor)
 */
export function assertCanSearch(actor: Actor): void {
  if (actor.scopePath === null && !actor.roles.includes('system_admin')) throw new AppError('forbidden');
}

/** @example assertCanReindex(actor) // throws 403 unless a system admin */
export function assertCanReindex(actor: Actor): void {
  if (!actor.roles.includes('system_admin')) throw new AppError('forbidden');
}
