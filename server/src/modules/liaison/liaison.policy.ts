import { isWithinScope, type Actor } from '@tongxin/core';
import { assertWorkCan, canWork } from '../projects/work-scope.ts';

export type LiaisonAction = 'read' | 'create' | 'update' | 'log_contact';

/** A relationship as the policy sees it: where the representative sits and who the cadre is. */
export interface RelationshipTarget {
  path: string;
  cadreUserId: number;
}

/**
 * Everyone reads the relationships of their subtree; staff and administrators start, change and
 * end them. The cadre of a relationship logs contacts on it whatever their other roles.
 */
export function can(actor: Actor, action: LiaisonAction, target: RelationshipTarget | { path: string } | null): boolean {
  if (action === 'read') return canWork(actor, 'read', target);
  if (action === 'log_contact' && target && 'cadreUserId' in target && target.cadreUserId === actor.userId) {
    return isWithinScope(target.path, actor.scopePath);
  }
  return canWork(actor, 'write', target);
}

export function assertCan(actor: Actor, action: LiaisonAction, target: RelationshipTarget | { path: string } | null): void {
  if (can(actor, action, target)) return;
  assertWorkCan(actor, action === 'read' ? 'read' : 'write', target);
}

export function allowedActions(actor: Actor, target: RelationshipTarget): LiaisonAction[] {
  return (['read', 'update', 'log_contact'] as const).filter((action) => can(actor, action, target));
}
