import { hasRole, isAdmin, isWithinScope, type Actor } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type DivisionAction = 'read' | 'create' | 'update';

/**
 * Everyone signed in reads their own subtree; administrators change it. Only a system admin
 * creates a top-level division (target null).
 */
export function can(actor: Actor, action: DivisionAction, target: { path: string } | null): boolean {
  if (target === null) return action === 'read' ? actor.scopePath === null : hasRole(actor, 'system_admin') && actor.scopePath === null;
  if (!isWithinScope(target.path, actor.scopePath)) return false;
  return action === 'read' || isAdmin(actor);
}

/** 403 `out_of_scope` for records outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: DivisionAction, target: { path: string } | null): void {
  if (can(actor, action, target)) return;
  if (target !== null && !isWithinScope(target.path, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** The actions the UI may offer on a division. */
export function allowedActions(actor: Actor, target: { path: string }): DivisionAction[] {
  return (['read', 'create', 'update'] as const).filter((action) =>
    action === 'create' ? can(actor, 'update', target) : can(actor, action, target),
  );
}
