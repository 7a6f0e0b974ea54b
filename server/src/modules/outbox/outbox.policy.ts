import { isOffice, officeRoles, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/** The roles that run an office: they read its delivery log and record opt-outs (core's set, re-exported). */
export { officeRoles };

/**
 * Office staff and administrators browse the delivery log of their subtree (numbers masked) and
 * record a resident's opt-out phoned in or replied; handlers and organisation users only choose
 * their own channels.
 */
export function assertCanSeeLog(actor: Actor): void {
  if (!isOffice(actor)) throw new AppError('forbidden');
}
