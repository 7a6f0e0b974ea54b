import { hasRole, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/** Office staff write notices and preview their reach. */
export function assertCanWrite(actor: Actor): void {
  if (!hasRole(actor, 'system_admin', 'division_admin', 'staff')) throw new AppError('forbidden');
}

/**
 * A division administrator (or a system administrator) approves or rejects, never their own
 * notice: a second pair of eyes before thousands of texts go out.
 */
export function assertCanApprove(actor: Actor, authorId: number | null): void {
  if (!hasRole(actor, 'system_admin', 'division_admin')) throw new AppError('forbidden');
  if (authorId === actor.userId) throw new AppError('forbidden', { details: { reason: 'own_notice' } });
}
