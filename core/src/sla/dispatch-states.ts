import { assertTransition, defineStateMachine, nextStates, type StateMachine, type Transition } from './state-machine.ts';

/** States of the dispatch route (派单办理). */
export const dispatchStates = [
  'received',
  'dispatched',
  'accepted',
  'in_progress',
  'replied',
  'followed_up',
  'closed',
  'returned',
] as const;
export type DispatchState = (typeof dispatchStates)[number];

export type DispatchAction =
  | 'dispatch'
  | 'answer_directly'
  | 'close_invalid'
  | 'accept'
  | 'return'
  | 'start'
  | 'reply'
  | 'redispatch'
  | 'follow_up'
  | 'close_without_follow_up'
  | 'close'
  | 'reopen';

/**
 * The dispatch route, in the spirit of 接诉即办:
 * - staff register (`received`), then dispatch to one lead unit; a question the hotline can answer on
 *   the spot is replied directly (直接答复), a duplicate or invalid one is closed with a reason;
 * - the unit signs (`accepted`) or returns it to the dispatcher with a reason (退单) before or after
 *   signing; the dispatcher re-dispatches (to the same or another unit) or closes it with a reason;
 * - the unit works (`in_progress`) and replies; a follow-up call records satisfaction;
 * - "not satisfied" for the unit's own reasons reopens the request for redo (`followed_up →
 *   in_progress`); otherwise it is closed. A person who cannot be reached is closed without follow-up,
 *   with a note saying why.
 */
export const dispatchMachine: StateMachine<DispatchState, DispatchAction> = defineStateMachine(dispatchStates, [
  { from: 'received', to: 'dispatched', action: 'dispatch', noteRequired: false },
  { from: 'received', to: 'replied', action: 'answer_directly', noteRequired: false },
  { from: 'received', to: 'closed', action: 'close_invalid', noteRequired: true },
  { from: 'dispatched', to: 'accepted', action: 'accept', noteRequired: false },
  { from: 'dispatched', to: 'returned', action: 'return', noteRequired: true },
  { from: 'accepted', to: 'in_progress', action: 'start', noteRequired: false },
  { from: 'accepted', to: 'returned', action: 'return', noteRequired: true },
  { from: 'in_progress', to: 'replied', action: 'reply', noteRequired: false },
  { from: 'returned', to: 'dispatched', action: 'redispatch', noteRequired: false },
  { from: 'returned', to: 'closed', action: 'close_invalid', noteRequired: true },
  { from: 'replied', to: 'followed_up', action: 'follow_up', noteRequired: false },
  { from: 'replied', to: 'closed', action: 'close_without_follow_up', noteRequired: true },
  { from: 'followed_up', to: 'closed', action: 'close', noteRequired: false },
  { from: 'followed_up', to: 'in_progress', action: 'reopen', noteRequired: true },
]);

/**
 * The states a dispatched request may go to next (for buttons and for 409 bodies).
 *
 * @example
 * nextDispatchStates('followed_up') // ['closed', 'in_progress']
 */
export function nextDispatchStates(from: DispatchState): DispatchState[] {
  return nextStates(dispatchMachine, from);
}

/**
 * Check one step of the dispatch route; throws `TransitionError` (409, with `allowed`) or
 * `NoteRequiredError` (400) — see `assertTransition`.
 *
 * @example
 * assertDispatchTransition('dispatched', 'returned', '不属于本单位职责').action // 'return'
 */
export function assertDispatchTransition(from: DispatchState, to: DispatchState, note?: string | null): Transition<DispatchState, DispatchAction> {
  return assertTransition(dispatchMachine, from, to, note);
}

/** What the person said on the follow-up call (回访). */
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

/**
 * Where a request goes after its follow-up: back to the unit for redo only when the person is not
 * satisfied *and* the cause lies with the unit (not with law, policy or an unreasonable demand, which
 * redoing cannot fix); otherwise it is closed.
 *
 * @example
 * stateAfterFollowUp('not_satisfied', true)  // 'in_progress'
 * stateAfterFollowUp('not_satisfied', false) // 'closed'
 */
export function stateAfterFollowUp(satisfaction: Satisfaction, unitAtFault: boolean): 'in_progress' | 'closed' {
  return satisfaction === 'not_satisfied' && unitAtFault ? 'in_progress' : 'closed';
}
