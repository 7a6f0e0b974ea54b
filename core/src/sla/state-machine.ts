/**
 * A small table-driven state machine shared by the dispatch and claim routes. The table is the single
 * source of truth: the API checks against it (409 with the allowed next steps), the UI shows buttons
 * from it, and the tests walk every pair of states through it.
 */

/** One allowed step: from a state to another, by a named action. */
export interface Transition<S extends string, A extends string> {
  from: S;
  to: S;
  action: A;
  /** The step must carry a note (a reason to return, to release, to reopen…). */
  noteRequired: boolean;
}

/** A machine built by {@link defineStateMachine}. */
export interface StateMachine<S extends string, A extends string> {
  readonly states: readonly S[];
  readonly transitions: readonly Transition<S, A>[];
  /** States with no way out. */
  readonly terminal: readonly S[];
}

/** Raised by {@link assertTransition}; the server maps it to 409 `invalid_transition`. */
export class TransitionError extends Error {
  readonly code = 'invalid_transition' as const;
  constructor(
    readonly from: string,
    readonly to: string,
    /** The states that may follow `from`, for the 409 body's `details.allowed`. */
    readonly allowed: readonly string[],
  ) {
    super(`Cannot go from ${from} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`);
    this.name = 'TransitionError';
  }
}

/**
 * Build a machine from its states and transitions, rejecting a table that names an unknown state or
 * lists the same step twice (both are typos that would otherwise surface as a puzzling 409).
 *
 * @example
 * const m = defineStateMachine(['open', 'done'] as const, [{ from: 'open', to: 'done', action: 'finish', noteRequired: false }]);
 */
export function defineStateMachine<S extends string, A extends string>(
  states: readonly S[],
  transitions: readonly Transition<S, A>[],
): StateMachine<S, A> {
  const known = new Set<string>(states);
  const seen = new Set<string>();
  for (const t of transitions) {
    if (!known.has(t.from) || !known.has(t.to)) throw new Error(`Unknown state in ${t.from} → ${t.to}`);
    const key = `${t.from}→${t.to}`;
    if (seen.has(key)) throw new Error(`Duplicate transition ${key}`);
    seen.add(key);
  }
  const terminal = states.filter((s) => !transitions.some((t) => t.from === s));
  return { states, transitions, terminal };
}

/**
 * The states that may follow `from`, in table order.
 *
 * @example
 * nextStates(dispatchMachine, 'dispatched') // ['accepted', 'returned']
 */
export function nextStates<S extends string, A extends string>(machine: StateMachine<S, A>, from: S): S[] {
  return machine.transitions.filter((t) => t.from === from).map((t) => t.to);
}

/**
 * The transition from `from` to `to`, or null when the table does not allow it.
 *
 * @example
 * findTransition(dispatchMachine, 'returned', 'dispatched')?.action // 'redispatch'
 */
export function findTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  from: S,
  to: S,
): Transition<S, A> | null {
  return machine.transitions.find((t) => t.from === from && t.to === to) ?? null;
}

/**
 * Whether the table allows `from → to`.
 *
 * @example
 * canTransition(claimMachine, 'claimed', 'open') // true (release)
 */
export function canTransition<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, to: S): boolean {
  return findTransition(machine, from, to) !== null;
}

/**
 * Check a step without throwing: `{ ok: true, transition }` or `{ ok: false, allowed }`.
 *
 * @example
 * const check = checkTransition(dispatchMachine, 'received', 'accepted');
 * if (!check.ok) reply.code(409).send({ error: { code: 'invalid_transition', details: { allowed: check.allowed } } });
 */
export function checkTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  from: S,
  to: S,
): { ok: true; transition: Transition<S, A> } | { ok: false; allowed: S[] } {
  const transition = findTransition(machine, from, to);
  return transition ? { ok: true, transition } : { ok: false, allowed: nextStates(machine, from) };
}

/**
 * Return the transition, or throw a {@link TransitionError} carrying the allowed next states. Also
 * throws when the table requires a note and none (or only spaces) was given.
 *
 * @example
 * assertTransition(dispatchMachine, 'dispatched', 'returned', '不属于本单位职责'); // ok
 * assertTransition(dispatchMachine, 'received', 'accepted'); // throws, allowed: ['dispatched', 'replied', 'closed']
 */
export function assertTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  from: S,
  to: S,
  note?: string | null,
): Transition<S, A> {
  const check = checkTransition(machine, from, to);
  if (!check.ok) throw new TransitionError(from, to, check.allowed);
  if (check.transition.noteRequired && !note?.trim()) {
    throw new NoteRequiredError(check.transition.action);
  }
  return check.transition;
}

/** A step that needs a reason was taken without one; the server maps it to 400. */
export class NoteRequiredError extends Error {
  readonly code = 'note_required' as const;
  constructor(readonly action: string) {
    super(`A note is required to ${action}`);
    this.name = 'NoteRequiredError';
  }
}

/**
 * Replay a sequence of states and report the first step the table does not allow, or null when the
 * whole history is valid (for imports and for checking demo data).
 *
 * @example
 * findInvalidStep(dispatchMachine, ['received', 'dispatched', 'replied']) // { index: 2, from: 'dispatched', to: 'replied' }
 */
export function findInvalidStep<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  states: readonly S[],
): { index: number; from: S; to: S } | null {
  for (let i = 1; i < states.length; i++) {
    const from = states[i - 1] as S;
    const to = states[i] as S;
    if (!canTransition(machine, from, to)) return { index: i, from, to };
  }
  return null;
}
