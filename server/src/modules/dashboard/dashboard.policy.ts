import { isWithinScope, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Everyone signed in reads the figures of their own subtree: the lists behind every figure are
 * readable by the same users, so the dashboard shows nothing they could not count themselves.
 */
export function canRead(actor: Actor, divisionPath: string): boolean {
  return isWithinScope(divisionPath, actor.scopePath);
}

/** 403 `out_of_scope` for a division outside the reader's subtree. */
export function assertCanRead(actor: Actor, divisionPath: string): void {
  if (!canRead(actor, divisionPath)) throw new AppError('out_of_scope');
}
