import { hasRole, isAdmin, isWithinScope, type Actor, type Role } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type UserAction = 'list' | 'read' | 'create' | 'update' | 'disable' | 'reset_password';

/** A user record as the policy sees it: where it sits in the tree. */
export interface UserTarget {
  id: number;
  divisionPath: string | null;
}

/**
 * Administrators manage users in their subtree. A user with no division (whole tree) is managed
 * by a system admin of the whole tree only. Everyone may read their own record.
 */
export function can(actor: Actor, action: UserAction, target: UserTarget | null): boolean {
  if (action === 'read' && target?.id === actor.userId) return true;
  if (!isAdmin(actor)) return false;
  if (target === null) return action === 'list' || action === 'create';
  if (target.divisionPath === null) return actor.scopePath === null && hasRole(actor, 'system_admin');
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'disable' && target.id === actor.userId) return false;
  return true;
}

export function assertCan(actor: Actor, action: UserAction, target: UserTarget | null): void {
  if (can(actor, action, target)) return;
  if (target?.divisionPath && !isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** Only a system admin makes another system admin; a division admin grants the rest. */
export function grantableRoles(actor: Actor): Role[] {
  if (hasRole(actor, 'system_admin')) return ['system_admin', 'division_admin', 'staff', 'org_admin', 'handler', 'reviewer'];
  if (hasRole(actor, 'division_admin')) return ['division_admin', 'staff', 'org_admin', 'handler', 'reviewer'];
  return [];
}

export function allowedActions(actor: Actor, target: UserTarget): UserAction[] {
  return (['read', 'update', 'disable', 'reset_password'] as const).filter((action) => can(actor, action, target));
}
