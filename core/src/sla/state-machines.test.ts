import { describe, expect, it } from 'vitest';
import { assertClaimTransition, claimMachine, claimStates, needDateFlag, nextClaimStates, type ClaimState } from './claim-states.ts';
import { assertDispatchTransition, dispatchMachine, dispatchStates, nextDispatchStates, stateAfterFollowUp, type DispatchState } from './dispatch-states.ts';
import {
  assertTransition,
  canTransition,
  checkTransition,
  defineStateMachine,
  findInvalidStep,
  nextStates,
  NoteRequiredError,
  TransitionError,
} from './state-machine.ts';

/** The rules as the issue states them, written out by hand so the table in the code is checked against them. */
const dispatchAllowed: ReadonlyArray<readonly [DispatchState, DispatchState, 'note' | '']> = [
  ['received', 'dispatched', ''],
  ['received', 'replied', ''], // answered on the spot by the hotline
  ['received', 'closed', 'note'], // duplicate or invalid
  ['dispatched', 'accepted', ''],
  ['dispatched', 'returned', 'note'],
  ['accepted', 'in_progress', ''],
  ['accepted', 'returned', 'note'],
  ['in_progress', 'replied', ''],
  ['returned', 'dispatched', ''], // re-dispatch
  ['returned', 'closed', 'note'],
  ['replied', 'followed_up', ''],
  ['replied', 'closed', 'note'], // person unreachable
  ['followed_up', 'closed', ''],
  ['followed_up', 'in_progress', 'note'], // reopen: not satisfied for the unit's own reasons
];

const claimAllowed: ReadonlyArray<readonly [ClaimState, ClaimState, 'note' | '']> = [
  ['open', 'claimed', ''],
  ['open', 'withdrawn', ''],
  ['open', 'expired', ''],
  ['claimed', 'fulfilled', ''],
  ['claimed', 'open', 'note'], // release with a reason
  ['claimed', 'withdrawn', 'note'],
  ['fulfilled', 'confirmed', ''],
  ['fulfilled', 'claimed', 'note'], // community disputes the fulfilment
  ['expired', 'open', ''], // republished with a new date
];

function allPairs<S extends string>(states: readonly S[]): Array<[S, S]> {
  return states.flatMap((from) => states.map((to): [S, S] => [from, to]));
}

describe('dispatch route: every pair of states', () => {
  const allowed = new Map(dispatchAllowed.map(([f, t, n]) => [`${f}→${t}`, n]));
  it.each(allPairs(dispatchStates))('%s → %s', (from, to) => {
    const expected = allowed.get(`${from}→${to}`);
    expect(canTransition(dispatchMachine, from, to)).toBe(expected !== undefined);
    if (expected === undefined) {
      let thrown: unknown;
      try {
        assertTransition(dispatchMachine, from, to, 'a note');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TransitionError);
      const allowedNext = dispatchAllowed.filter(([f]) => f === from).map(([, t]) => t);
      expect((thrown as TransitionError).allowed).toEqual(allowedNext);
      expect((thrown as TransitionError).code).toBe('invalid_transition');
    } else {
      expect(assertTransition(dispatchMachine, from, to, 'a note').to).toBe(to);
      if (expected === 'note') expect(() => assertTransition(dispatchMachine, from, to, '  ')).toThrow(NoteRequiredError);
      else expect(() => assertTransition(dispatchMachine, from, to)).not.toThrow();
    }
  });

  it('has closed as its only terminal state', () => {
    expect(dispatchMachine.terminal).toEqual(['closed']);
  });

  it('lists the allowed next states for a 409 body', () => {
    expect(nextStates(dispatchMachine, 'dispatched')).toEqual(['accepted', 'returned']);
    expect(checkTransition(dispatchMachine, 'received', 'accepted')).toEqual({ ok: false, allowed: ['dispatched', 'replied', 'closed'] });
    expect(nextStates(dispatchMachine, 'closed')).toEqual([]);
    expect(nextDispatchStates('followed_up')).toEqual(['closed', 'in_progress']);
    expect(assertDispatchTransition('dispatched', 'returned', '不属于本单位职责').action).toBe('return');
    expect(() => assertDispatchTransition('closed', 'received')).toThrow(TransitionError);
  });

  it('finds the first invalid step of a recorded history', () => {
    expect(findInvalidStep(dispatchMachine, ['received', 'dispatched', 'accepted', 'in_progress', 'replied', 'followed_up', 'in_progress', 'replied', 'followed_up', 'closed'])).toBeNull();
    expect(findInvalidStep(dispatchMachine, ['received', 'dispatched', 'returned', 'dispatched', 'replied'])).toEqual({ index: 4, from: 'dispatched', to: 'replied' });
  });

  it('reopens after follow-up only when not satisfied for the unit’s own reasons', () => {
    expect(stateAfterFollowUp('not_satisfied', true)).toBe('in_progress');
    expect(stateAfterFollowUp('not_satisfied', false)).toBe('closed');
    expect(stateAfterFollowUp('basically_satisfied', true)).toBe('closed');
    expect(stateAfterFollowUp('satisfied', true)).toBe('closed');
  });
});

describe('claim route: every pair of states', () => {
  const allowed = new Map(claimAllowed.map(([f, t, n]) => [`${f}→${t}`, n]));
  it.each(allPairs(claimStates))('%s → %s', (from, to) => {
    const expected = allowed.get(`${from}→${to}`);
    expect(canTransition(claimMachine, from, to)).toBe(expected !== undefined);
    const check = checkTransition(claimMachine, from, to);
    if (expected === undefined) {
      expect(check).toEqual({ ok: false, allowed: claimAllowed.filter(([f]) => f === from).map(([, t]) => t) });
      expect(() => assertTransition(claimMachine, from, to, 'why')).toThrow(TransitionError);
    } else {
      expect(check.ok).toBe(true);
      if (expected === 'note') expect(() => assertTransition(claimMachine, from, to)).toThrow(NoteRequiredError);
      else expect(assertTransition(claimMachine, from, to).action).toBeTruthy();
    }
  });

  it('names the release action and has confirmed and withdrawn as terminal', () => {
    expect(assertTransition(claimMachine, 'claimed', 'open', '人手不足').action).toBe('release');
    expect([...claimMachine.terminal].sort()).toEqual(['confirmed', 'withdrawn']);
    expect(nextClaimStates('claimed')).toEqual(['fulfilled', 'open', 'withdrawn']);
    expect(() => assertClaimTransition('confirmed', 'open', 'x')).toThrow(TransitionError);
  });
});

describe('defineStateMachine', () => {
  it('rejects unknown states and duplicate steps', () => {
    expect(() => defineStateMachine(['a', 'b'], [{ from: 'a', to: 'c' as 'b', action: 'x', noteRequired: false }])).toThrow(/Unknown state/);
    expect(() =>
      defineStateMachine(['a', 'b'], [
        { from: 'a', to: 'b', action: 'x', noteRequired: false },
        { from: 'a', to: 'b', action: 'y', noteRequired: false },
      ]),
    ).toThrow(/Duplicate/);
  });
});

describe('needDateFlag for unclaimed needs', () => {
  it.each([
    ['open', '2026-10-10', '2026-10-06T10:00:00+08:00', 3, null],
    ['open', '2026-10-10', '2026-10-07T00:00:00+08:00', 3, 'due_soon'],
    ['open', '2026-10-10', '2026-10-10T23:59:00+08:00', 3, 'due_soon'],
    ['open', '2026-10-10', '2026-10-10T16:00:00Z', 3, 'past_due'], // 00:00 on 10-11 in Shanghai
    ['open', '2026-10-10', '2026-10-10T15:59:00Z', 3, 'due_soon'],
    ['claimed', '2026-10-10', '2026-10-12T10:00:00+08:00', 3, null],
    ['open', '2026-10-10', '2026-10-09T10:00:00+08:00', 0, null],
  ] as const)('%s, wanted by %s, at %s (warn %i days) → %s', (state, wantedBy, now, warn, expected) => {
    expect(needDateFlag(state, wantedBy, now, warn)).toBe(expected);
  });
});
