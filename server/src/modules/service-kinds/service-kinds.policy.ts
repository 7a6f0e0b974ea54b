import { hasRole, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type ServiceKindAction = 'read' | 'create' | 'update' | 'archive';

/**
 * Service kinds are one list for the whole tree (a need in one town is matched with the same
 * words as in another), so only a system administrator changes it; everyone signed in reads it.
 *
 * @example
 * can(actor, 'create') // true for a system admin only
 */
export function can(actor: Actor, action: ServiceKindAction): boolean {
  if (action === 'read') return true;
  return hasRole(actor, 'system_admin');
}

export function assertCan(actor: Actor, action: ServiceKindAction): void {
  if (!can(actor, action)) throw new AppError('forbidden');
}
