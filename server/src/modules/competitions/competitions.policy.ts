import { isWithinScope, type Actor, isOffice } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';

/**
 * `read`: anyone signed in to the competition's subtree; `manage` (settings, phases, entries,
 * raters, results, decision): staff and administrators there. Scoring is not a scope right: a rater
 * scores because they were assigned (see reviews.service.ts), wherever their own division is.
 */
export type CompetitionAction = 'read' | 'manage';

export interface CompetitionTarget {
  divisionPath: string;
}

/**
 * @example
 * can(actor, 'manage', { divisionPath: '/1/6/' })
 */
export function can(actor: Actor, action: CompetitionAction, target: CompetitionTarget): boolean {
  if (!isWithinScope(target.divisionPath, actor.scopePath)) return false;
  if (action === 'read') return true;
  return isOffice(actor);
}

/** 403 `out_of_scope` outside the subtree, 403 `forbidden` for a missing right. */
export function assertCan(actor: Actor, action: CompetitionAction, target: CompetitionTarget): void {
  if (can(actor, action, target)) return;
  if (!isWithinScope(target.divisionPath, actor.scopePath)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** The actions the UI may offer; `review` when the user is one of the raters. */
export function allowedActions(actor: Actor, target: CompetitionTarget, isRater: boolean): string[] {
  const actions = (['read', 'manage'] as const).filter((action) => can(actor, action, target)) as string[];
  if (isRater) actions.push('review');
  return actions;
}
