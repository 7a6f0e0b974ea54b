import { assertTransition, checkTransition, NoteRequiredError, TransitionError, type StateMachine, type Transition } from '@tongxin/core/sla/index';
import { AppError, fieldError } from '../../kernel/errors.ts';

/*
 * The state machines' verdicts as HTTP errors, shared by cases, needs and the direct channel:
 * a step the table does not allow is 409 `invalid_transition` with `details.allowed` (the states
 * that may follow, for the UI's buttons); a step that needs a reason and has none is 400 on `note`.
 */

/**
 * The transition, or a 409 naming the allowed next states. Called before the permission check,
 * so the answer to "can this case go there at all?" does not depend on who asks.
 *
 * @example
 * const step = allowedStep(dispatchMachine, 'received', 'accepted'); // throws 409, allowed: ['dispatched', 'replied', 'closed']
 */
export function allowedStep<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, to: S): Transition<S, A> {
  const check = checkTransition(machine, from, to);
  if (!check.ok) throw new AppError('invalid_transition', { details: { from, to, allowed: check.allowed } });
  return check.transition;
}

/**
 * `assertTransition` with its errors mapped: `TransitionError` → 409 with `details.allowed`,
 * `NoteRequiredError` → 400 on the note field (or the field that carries the reason).
 *
 * @example
 * checkedStep(dispatchMachine, 'dispatched', 'returned', body.note); // 400 on body.note when empty
 */
export function checkedStep<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, to: S, note: string | null | undefined, field = 'body.note'): Transition<S, A> {
  try {
    return assertTransition(machine, from, to, note);
  } catch (error) {
    if (error instanceof TransitionError) throw new AppError('invalid_transition', { details: { from: error.from, to: error.to, allowed: [...error.allowed] } });
    if (error instanceof NoteRequiredError) throw fieldError(field, 'requests.validation.note_required');
    throw error;
  }
}
