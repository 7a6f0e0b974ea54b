import { hasRole, type Actor, isAdmin } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Who may ask what we hold about a phone number: administrators, for their own subtree. Staff see
 * numbers masked in their lists and reveal one at a time; a search by number across every kind
 * of record is an administrator's answer to a resident's request, not a working tool.
 */
export function assertCanReportPhone(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('forbidden');
}

/** Hashed vote records belong to no division: only a system administrator is shown their count. */
export function seesUnscopedHashes(actor: Actor): boolean {
  return hasRole(actor, 'system_admin');
}
