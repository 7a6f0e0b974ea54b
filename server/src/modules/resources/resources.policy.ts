import { isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type ResourceAction = 'read' | 'create' | 'update' | 'archive' | 'reveal_phone';

/** A resource as the policy sees it: where it sits in the tree. */
export interface ResourceTarget {
  divisionPath: string;
}

/**
 * Resources of a subtree are read by everyone signed in to it and kept by the office that runs
 * it: administrators and staff, who may also reveal a contact phone (each reveal is audited).
 * Handlers, reviewers and organisation admins see phones masked (the other registry lists' rule).
 *
 * @example
 * can(actor, 'reveal_phone', { divisionPath: '/1/6/' })
 */
export function can(actor: Actor, action: ResourceAction, target: ResourceTarget): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'read') return true;
  return isOffice(actor);
}

/** 403 `out_of_scope` for a resource outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: ResourceAction, target: ResourceTarget): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

export function allowedActions(actor: Actor, target: ResourceTarget): ResourceAction[] {
  return (['read', 'update', 'archive', 'reveal_phone'] as const).filter((action) => can(actor, action, target));
}
