import { isWithinScope, type Actor } from '@tongxin/core';
import type { ClaimState } from '@tongxin/core/sla/index';
import { AppError } from '../../kernel/errors.ts';
import { isOfficeStaff, type ActorUnits } from '../cases/index.ts';

/*
 * Three sides of a need. The community (office staff whose subtree holds it) posts, publishes,
 * confirms, disputes, withdraws, expires and republishes. A claimant organisation (whoever acts
 * for it, or office staff of its subtree on its behalf — 党派报到 is often registered by the
 * office) claims, releases and reports it fulfilled. Everyone in the subtree reads it, and so do
 * the organisations it is offered to once it is published.
 */

export type NeedSide = 'community' | 'claim' | 'claimant';

export interface NeedTarget {
  divisionPath: string;
  state: ClaimState;
  published: boolean;
  claimant: { id: number; path: string } | null;
}

/** Who takes a step from one state to another. */
export function needSideOf(from: ClaimState, to: ClaimState): NeedSide {
  if (from === 'open' && to === 'claimed') return 'claim';
  if (from === 'claimed' && (to === 'open' || to === 'fulfilled')) return 'claimant';
  return 'community';
}

/** Whether a need at `needPath` is offered to an organisation at `orgPath` (same branch of the tree). */
export function offered(needPath: string, orgPath: string): boolean {
  return needPath.startsWith(orgPath) || orgPath.startsWith(needPath);
}

/** Acts for the organisation, or is office staff of its subtree (registering on its behalf). */
export function speaksFor(actor: Actor, units: ActorUnits, org: { id: number; path: string }): boolean {
  return units.organisationIds.includes(org.id) || (isOfficeStaff(actor) && isWithinScope(org.path, actor.scopePath));
}

export function canRead(actor: Actor, units: ActorUnits, orgPaths: ReadonlyMap<number, { path: string }>, target: NeedTarget): boolean {
  if (isWithinScope(target.divisionPath, actor.scopePath)) return true;
  if (target.claimant && units.organisationIds.includes(target.claimant.id)) return true;
  return target.published && units.organisationIds.some((id) => {
    const org = orgPaths.get(id);
    return org !== undefined && offered(target.divisionPath, org.path);
  });
}

export function canCommunity(actor: Actor, target: NeedTarget): boolean {
  return isOfficeStaff(actor) && isWithinScope(target.divisionPath, actor.scopePath);
}

export function canClaimant(actor: Actor, units: ActorUnits, target: NeedTarget): boolean {
  return target.claimant !== null && speaksFor(actor, units, target.claimant);
}

/** 403 `out_of_scope` when the need is not visible, `forbidden` when this side is not the actor's. */
export function assertSide(actor: Actor, units: ActorUnits, orgPaths: ReadonlyMap<number, { path: string }>, target: NeedTarget, side: 'read' | 'community' | 'claimant'): void {
  if (!canRead(actor, units, orgPaths, target)) throw new AppError('out_of_scope');
  if (side === 'community' && !canCommunity(actor, target)) throw new AppError('forbidden');
  if (side === 'claimant' && !canClaimant(actor, units, target)) throw new AppError('forbidden');
}

/** Whether a need may be routed to dispatch (转为派单办理): came from the portal, not claimed, not ended. */
export function routable(row: { state: string; ticket_no: string | null; channel: string }): boolean {
  return row.state === 'open' && row.ticket_no !== null && row.channel === 'portal';
}
