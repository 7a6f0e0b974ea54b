import { isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

export type BriefingAction = 'read' | 'create' | 'update' | 'export';

/** A briefing as the policy sees it: where its division sits in the tree. */
export interface BriefingTarget {
  divisionPath: string;
}

/**
 * Briefings are the office's own reports: administrators and staff of a subtree write, edit and
 * export them for any division inside it. Handlers, reviewers and organisation admins work on
 * cases, scores and their own organisation, and have no briefing rights.
 *
 * @example
 * can(actor, 'export', { divisionPath: '/1/2/9/' })
 */
export function can(actor: Actor, _action: BriefingAction, target: BriefingTarget): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  return isOffice(actor);
}

/** Whether the actor may see the briefings list at all (before any division is known). */
export function canList(actor: Actor): boolean {
  return isOffice(actor);
}

/** 403 `out_of_scope` for a division outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: BriefingAction, target: BriefingTarget): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** The actions the UI may offer on one briefing. */
export function allowedActions(actor: Actor, target: BriefingTarget): BriefingAction[] {
  return (['read', 'update', 'export'] as const).filter((action) => can(actor, action, target));
}
