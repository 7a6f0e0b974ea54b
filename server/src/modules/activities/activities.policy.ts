import type { Actor } from '@tongxin/core';
import { assertWorkCan, canWork } from '../projects/work-scope.ts';

export type ActivityAction = 'read' | 'create' | 'update' | 'archive';

/** Everyone reads the activities of their subtree; staff and administrators record and change them. */
export function can(actor: Actor, action: ActivityAction, target: { path: string } | null): boolean {
  return canWork(actor, action === 'read' ? 'read' : 'write', target);
}

export function assertCan(actor: Actor, action: ActivityAction, target: { path: string } | null): void {
  assertWorkCan(actor, action === 'read' ? 'read' : 'write', target);
}

export function allowedActions(actor: Actor, target: { path: string }): ActivityAction[] {
  return (['read', 'update', 'archive'] as const).filter((action) => can(actor, action, target));
}
