import type { Actor } from '@tongxin/core';
import { assertWorkCan, canWork } from '../projects/work-scope.ts';

export type PairingAction = 'read' | 'create' | 'update' | 'pair' | 'archive';

/**
 * Everyone reads the programmes of their subtree (and so their coverage); staff and
 * administrators define programmes and pair organisations there.
 */
export function can(actor: Actor, action: PairingAction, target: { path: string } | null): boolean {
  return canWork(actor, action === 'read' ? 'read' : 'write', target);
}

export function assertCan(actor: Actor, action: PairingAction, target: { path: string } | null): void {
  assertWorkCan(actor, action === 'read' ? 'read' : 'write', target);
}

export function allowedActions(actor: Actor, target: { path: string }): PairingAction[] {
  return (['read', 'update', 'pair', 'archive'] as const).filter((action) => can(actor, action, target));
}
