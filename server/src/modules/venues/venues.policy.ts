import { isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type VenueAction = 'read' | 'create' | 'update' | 'archive';

/** A venue as the policy sees it: where it sits in the tree. */
export interface VenueTarget {
  divisionPath: string;
}

/**
 * Venues of a subtree are read by everyone signed in to it and kept by the office that runs it:
 * administrators and staff (the same rule as the other registry lists).
 *
 * @example
 * can(actor, 'update', { divisionPath: '/1/2/9/' })
 */
export function can(actor: Actor, action: VenueAction, target: VenueTarget): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'read') return true;
  return isOffice(actor);
}

/** 403 `out_of_scope` for a venue outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: VenueAction, target: VenueTarget): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** The actions the UI may offer on one venue. */
export function allowedActions(actor: Actor, target: VenueTarget): VenueAction[] {
  return (['read', 'update', 'archive'] as const).filter((action) => can(actor, action, target));
}
