import { isWithinScope, type Actor } from '@tongxin/core';
import type { DispatchState } from '@tongxin/core/sla/index';
import { AppError } from '../../kernel/errors.ts';
import { actsFor, isOfficeStaff, type ActorUnits } from './units.repo.ts';

/*
 * Two sides work on a case. The office (staff and administrators whose subtree holds the case)
 * registers, dispatches, follows up and closes. The unit (whoever acts for the current lead unit)
 * signs, returns, works and replies. Anyone whose subtree holds the case, or who acts for a unit it
 * was ever sent to, may read it; the submitter's phone is shown in full only after an audited
 * reveal, to the office or to the lead unit that has to call back.
 */

export type CaseAction = 'read' | 'register' | 'update' | 'office_step' | 'unit_step' | 'note' | 'remind' | 'reveal_phone';

export interface CaseTarget {
  divisionPath: string;
  state: DispatchState;
  /** Lead unit of the current round (null before a dispatch). */
  leadUnit: { type: string; id: number } | null;
  /** Every unit the case was ever dispatched to. */
  everUnits: ReadonlyArray<{ type: string; id: number }>;
}

/** Which side takes a step from one state to another. */
export function sideOf(from: DispatchState, to: DispatchState): 'office_step' | 'unit_step' {
  if (to === 'accepted' || to === 'returned') return 'unit_step';
  if (to === 'in_progress') return from === 'accepted' ? 'unit_step' : 'office_step';
  if (to === 'replied') return from === 'in_progress' ? 'unit_step' : 'office_step';
  return 'office_step';
}

const unitStates: readonly DispatchState[] = ['dispatched', 'accepted', 'in_progress', 'replied', 'followed_up'];

export function can(actor: Actor, units: ActorUnits, action: CaseAction, target: CaseTarget | null): boolean {
  const office = isOfficeStaff(actor);
  if (target === null) return action === 'register' && office;
  const inScope = isWithinScope(target.divisionPath, actor.scopePath);
  const isLead = actsFor(units, target.leadUnit) && unitStates.includes(target.state);
  switch (action) {
    case 'read':
      return inScope || target.everUnits.some((unit) => actsFor(units, unit));
    case 'register':
    case 'update':
      return office && inScope && (action === 'register' || target.state === 'received' || target.state === 'returned');
    case 'office_step':
    case 'remind':
      return office && inScope;
    case 'unit_step':
      return isLead;
    case 'note':
      return (office && inScope) || isLead;
    case 'reveal_phone':
      return (office && inScope) || isLead;
  }
}

/** 403 `out_of_scope` when the case is not visible at all, `forbidden` for a missing right. */
export function assertCan(actor: Actor, units: ActorUnits, action: CaseAction, target: CaseTarget | null): void {
  if (can(actor, units, action, target)) return;
  if (target !== null && !can(actor, units, 'read', target)) throw new AppError('out_of_scope');
  throw new AppError('forbidden');
}

/** The non-transition actions the UI may offer. */
export function allowedCaseActions(actor: Actor, units: ActorUnits, target: CaseTarget): string[] {
  const out: string[] = [];
  if (can(actor, units, 'update', target)) out.push('update');
  if (can(actor, units, 'note', target)) out.push('note');
  if (can(actor, units, 'remind', target) && ['dispatched', 'accepted', 'in_progress'].includes(target.state)) out.push('remind');
  if (can(actor, units, 'unit_step', target) && ['accepted', 'in_progress'].includes(target.state)) out.push('contact');
  if (can(actor, units, 'reveal_phone', target)) out.push('reveal_phone');
  return out;
}
