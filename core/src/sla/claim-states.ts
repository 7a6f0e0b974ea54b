import { localDayNumber, dayNumberFromKey, shanghaiDateKey, toMs, type Instant } from '../calendar/shanghai-time.ts';
import { assertTransition, defineStateMachine, nextStates, type StateMachine, type Transition } from './state-machine.ts';

/** States of the claim route (需求认领: 社区吹哨、党派报到, 微心愿). */
export const claimStates = ['open', 'claimed', 'fulfilled', 'confirmed', 'withdrawn', 'expired'] as const;
export type ClaimState = (typeof claimStates)[number];

export type ClaimAction = 'claim' | 'release' | 'fulfil' | 'confirm' | 'dispute' | 'withdraw' | 'expire' | 'republish';

/**
 * The claim route: a need is published (`open`), an organisation or team claims it, reports it
 * fulfilled, and the community confirms. A claimant may release a claim with a reason (back to
 * `open` for others). The community may dispute a fulfilment (back to `claimed`, with a reason) rather
 * than confirm a wish that was not met. The poster may withdraw; an unclaimed need past its date
 * expires, and may be republished with a new date.
 */
export const claimMachine: StateMachine<ClaimState, ClaimAction> = defineStateMachine(claimStates, [
  { from: 'open', to: 'claimed', action: 'claim', noteRequired: false },
  { from: 'open', to: 'withdrawn', action: 'withdraw', noteRequired: false },
  { from: 'open', to: 'expired', action: 'expire', noteRequired: false },
  { from: 'claimed', to: 'fulfilled', action: 'fulfil', noteRequired: false },
  { from: 'claimed', to: 'open', action: 'release', noteRequired: true },
  // A claimant is already at work, so withdrawing now owes them a reason.
  { from: 'claimed', to: 'withdrawn', action: 'withdraw', noteRequired: true },
  { from: 'fulfilled', to: 'confirmed', action: 'confirm', noteRequired: false },
  { from: 'fulfilled', to: 'claimed', action: 'dispute', noteRequired: true },
  { from: 'expired', to: 'open', action: 'republish', noteRequired: false },
]);

/**
 * The states a need may go to next.
 *
 * @example
 * nextClaimStates('claimed') // ['fulfilled', 'open', 'withdrawn']
 */
export function nextClaimStates(from: ClaimState): ClaimState[] {
  return nextStates(claimMachine, from);
}

/**
 * Check one step of the claim route; throws `TransitionError` or `NoteRequiredError`.
 *
 * @example
 * assertClaimTransition('claimed', 'open', '人手不足').action // 'release'
 */
export function assertClaimTransition(from: ClaimState, to: ClaimState, note?: string | null): Transition<ClaimState, ClaimAction> {
  return assertTransition(claimMachine, from, to, note);
}

/** Flag of an open need by its date: past it, within the warning window, or neither. */
export type NeedDateFlag = 'past_due' | 'due_soon' | null;

/**
 * Flag an unclaimed need by its wanted-by date (a Shanghai local date, inclusive): `past_due` once
 * the day is over, `due_soon` within `warnDays` calendar days before it. Only `open` needs are
 * flagged: a claimed one has someone on it.
 *
 * @example
 * needDateFlag('open', '2026-10-10', '2026-10-08T10:00:00+08:00', 3) // 'due_soon'
 * needDateFlag('open', '2026-10-10', '2026-10-11T00:00:00+08:00')    // 'past_due'
 */
export function needDateFlag(state: ClaimState, wantedBy: string, now: Instant, warnDays = 3): NeedDateFlag {
  if (state !== 'open') return null;
  const daysLeft = dayNumberFromKey(shanghaiDateKey(wantedBy)) - localDayNumber(toMs(now));
  if (daysLeft < 0) return 'past_due';
  return daysLeft <= warnDays ? 'due_soon' : null;
}
