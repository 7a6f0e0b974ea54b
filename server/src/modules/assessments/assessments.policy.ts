import { hasRole, isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * Checklists and assessments belong to the subtree of their division (a checklist) or of the
 * venue (an assessment). `read`: anyone signed in there; `manage` (checklists, opening and
 * finalising assessments): staff and administrators; `assess` (filling one's own sheet): those and
 * reviewers, the assessors an office sends out.
 */
export type AssessmentAction = 'read' | 'manage' | 'assess';

/**
 * @example
 * can(actor, 'assess', { divisionPath: venue.division_path })
 */
export function can(actor: Actor, action: AssessmentAction, target: { divisionPath: string }): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'read') return true;
  if (action === 'assess') return hasRole(actor, 'system_admin', 'division_admin', 'staff', 'reviewer');
  return isOffice(actor);
}

/** 403 `out_of_scope` outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: AssessmentAction, target: { divisionPath: string }): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

export function allowedActions(actor: Actor, target: { divisionPath: string }): AssessmentAction[] {
  return (['read', 'manage', 'assess'] as const).filter((action) => can(actor, action, target));
}
