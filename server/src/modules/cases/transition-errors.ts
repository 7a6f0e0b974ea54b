import { checkTransition, type StateMachine, type Transition } from '@tongxin/core/sla/index';
import { AppError, fieldError } from '../../http/app-error.ts';

/*
 * The state machines' verdicts as HTTP errors, shared by cases, needs and the direct channel:
 * a step the table does not allow is 409 `invalid_transition` with `details.allowed` (the states
 * that may follow, for the UI's buttons); a step that needs a reason and has none is 400 on `note`.
 */

/**
 * The transition, or a 409 naming the allowed next states.
 *
 * @example
 * const step = allowedStep(dispatchMachine, 'received', 'accepted'); // throws 409, allowed: ['dispatched', 'replied', 'closed']
 */
export function allowedStep<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, to: S): Transition<S, A> {
  const check = checkTransition(machine, from, to);
  if (!check.ok) throw new AppError('invalid_transition', { details: { from, to, allowed: check.allowed } });
  return check.transition;
}

/** 400 on `body.note` when the step needs a reason and none (or only spaces) was given. */
export function assertNote(step: { noteRequired: boolean }, note: string | null | undefined, field = 'body.note'): void {
  if (step.noteRequired && !note?.trim()) throw fieldError(field, 'requests.validation.note_required');
}
