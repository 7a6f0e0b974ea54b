import { hasRole, type Actor } from '@tongxin/core';
import { AppError } from '../../http/app-error.ts';

/** The roles that run an office: they read its delivery log and record opt-outs. */
export const officeRoles = ['system_admin', 'division_admin', 'staff'] as const;

/**
 * Office staff and administrators browse the delivery log of their subtree (numbers masked) and
 * record a resident's opt-out phoned in or replied; handlers and organisation users only choose
 * their own channels.
 */
export function assertCanSeeLog(actor: Actor): void {
  if (!hasRole(actor, ...officeRoles)) throw new AppError('forbidden');
}
