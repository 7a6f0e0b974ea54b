import type { Phase } from '@tongxin/core';

/** What a phase is now: open, ended (its dates passed or it was closed by hand), upcoming, or never dated. */
export type PhaseState = 'open' | 'ended' | 'upcoming' | 'unscheduled';

/**
 * A closed phase whose dates have passed is "ended", not "not open": a user reading "not open" on a
 * finished review waits for something that will not come (issue 17).
 */
export function phaseState(phase: Pick<Phase, 'open' | 'opensAt' | 'closesAt' | 'openedAt' | 'closedAt'>, now: Date): PhaseState {
  if (phase.open) return 'open';
  const at = now.getTime();
  if (phase.closedAt !== null) return 'ended';
  if (phase.closesAt !== null && Date.parse(phase.closesAt) <= at) return 'ended';
  if (phase.openedAt !== null) return 'ended';
  if (phase.opensAt !== null && Date.parse(phase.opensAt) > at) return 'upcoming';
  if (phase.opensAt !== null) return 'ended'; // opened on its date, no longer open
  return 'unscheduled';
}

/**
 * The state a competition shows when none of its phases is open: "upcoming" while a later phase
 * is still to come, "ended" once every dated phase is over, "unscheduled" when nothing is dated.
 */
export function competitionIdleState(phases: ReadonlyArray<Parameters<typeof phaseState>[0]>, now: Date): Exclude<PhaseState, 'open'> {
  const states = phases.map((phase) => phaseState(phase, now));
  if (states.includes('upcoming')) return 'upcoming';
  if (states.includes('ended')) return 'ended';
  return 'unscheduled';
}
