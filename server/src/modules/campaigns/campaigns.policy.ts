import { isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Campaigns, their pledges and receipts belong to the campaign's division: read by everyone
 * signed in to that subtree, written (pledges, receipts, voids) by its staff and administrators.
 */
export type CampaignAction = 'read' | 'manage';

/**
 * @example
 * can(actor, 'manage', { divisionPath: campaign.division_path })
 */
export function can(actor: Actor, action: CampaignAction, target: { divisionPath: string }): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  return action === 'read' || isOffice(actor);
}

/** 403 `out_of_scope` outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: CampaignAction, target: { divisionPath: string }): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

export function allowedActions(actor: Actor, target: { divisionPath: string }): CampaignAction[] {
  return (['read', 'manage'] as const).filter((action) => can(actor, action, target));
}
