import { chinaCalendar, type HolidayCalendar } from '../calendar/holiday-calendar.ts';
import { toMs, type Instant } from '../calendar/shanghai-time.ts';
import { workingMinutesBetween } from '../calendar/working-time.ts';
import type { DispatchState } from './dispatch-states.ts';
import { defaultSlaPolicy, dueAt, isWorkingTimeLimit, type RequestKind, type SlaPolicy, type TimeLimit } from './policy.ts';

export type ClockName = 'accept' | 'contact' | 'reply';

/**
 * - `not_started`: nothing has started it yet (e.g. no dispatch so far);
 * - `running` / `overdue`: started, not stopped, `now` before / after the due time;
 * - `met` / `missed`: stopped on or before / after the due time;
 * - `cancelled`: the round ended without the stop event (returned, closed, superseded by a
 *   re-dispatch), so it is neither met nor missed.
 */
export type ClockStatus = 'not_started' | 'running' | 'overdue' | 'met' | 'missed' | 'cancelled';

export interface RequestClock {
  name: ClockName;
  status: ClockStatus;
  startedAt: string | null;
  dueAt: string | null;
  /** When the clock was stopped (met/missed) or cancelled. */
  stoppedAt: string | null;
  /** `working` for limits in working hours or days, `clock` for limits in clock hours. */
  measure: 'working' | 'clock';
  /**
   * Whole minutes left, in the clock's own measure: at `now` while running, at the stop when stopped;
   * negative when overdue or missed (rounded down, so a clock is never shown with time it lacks).
   * Null when not started or cancelled.
   */
  remainingMinutes: number | null;
  /** `max(0, −remainingMinutes)`: how late, for reminders and reports. */
  overdueMinutes: number;
}

/**
 * One line of a request's history: a state it entered, or a contact with the person (a phone call
 * logged by the unit), which stops the contact clock without changing state.
 */
export type RequestHistoryEntry = { state: DispatchState; at: Instant } | { event: 'contacted'; at: Instant };

export interface ClockOptions {
  now: Instant;
  policy?: SlaPolicy;
  calendar?: HolidayCalendar;
}

export interface RequestClocks {
  /** The state after the last entry, or null for an empty history. */
  state: DispatchState | null;
  accept: RequestClock;
  contact: RequestClock;
  /** The current reply round. */
  reply: RequestClock;
  /** Every reply round in order (initial, after each dispatch, after each reopen), for reports. */
  replyRounds: RequestClock[];
}

interface Round {
  start: number;
  stop: number | null;
  cancelled: number | null;
}

const openRound = (rounds: Round[]): Round | null => {
  const last = rounds[rounds.length - 1];
  return last && last.stop === null && last.cancelled === null ? last : null;
};

/**
 * Recompute a request's clocks from its history; nothing is stored, so nothing drifts.
 *
 * Rounds: every dispatch (and re-dispatch) starts fresh accept, contact and reply clocks for the unit
 * it goes to. Before any dispatch a reply clock runs from registration, so a request left waiting
 * shows as overdue for the office. A reopen (`followed_up → in_progress`) starts a new reply round
 * for the redo. Stops: `accepted` stops accept; only a logged contact stops contact; `replied` stops
 * reply and cancels a contact clock still running. `returned` and `closed` cancel what is still running.
 *
 * @example
 * computeRequestClocks('help', [
 *   { state: 'received', at: '2026-09-30T09:00:00+08:00' },
 *   { state: 'dispatched', at: '2026-09-30T10:00:00+08:00' },
 * ], { now: '2026-10-08T09:00:00+08:00' }).accept.status // 'overdue' (due 09-30 11:00)
 */
export function computeRequestClocks(
  kind: RequestKind,
  history: readonly RequestHistoryEntry[],
  options: ClockOptions,
): RequestClocks {
  const policy = (options.policy ?? defaultSlaPolicy)[kind];
  const calendar = options.calendar ?? chinaCalendar;
  const now = toMs(options.now);
  // Sort by time but keep the recorded order for equal times (two steps in one transaction).
  const entries = history.map((entry, index) => ({ entry, ms: toMs(entry.at), index })).sort((a, b) => a.ms - b.ms || a.index - b.index);

  const accepts: Round[] = [];
  const contacts: Round[] = [];
  const replies: Round[] = [];
  const stop = (rounds: Round[], ms: number): void => {
    const round = openRound(rounds);
    if (round) round.stop = ms;
  };
  const cancel = (rounds: Round[], ms: number): void => {
    const round = openRound(rounds);
    if (round) round.cancelled = ms;
  };

  let state: DispatchState | null = null;
  for (const { entry, ms } of entries) {
    if ('event' in entry) {
      stop(contacts, ms);
      continue;
    }
    switch (entry.state) {
      case 'received':
        if (replies.length === 0) replies.push({ start: ms, stop: null, cancelled: null });
        break;
      case 'dispatched':
        for (const rounds of [accepts, contacts, replies]) {
          cancel(rounds, ms);
          rounds.push({ start: ms, stop: null, cancelled: null });
        }
        break;
      case 'accepted':
        stop(accepts, ms);
        break;
      case 'in_progress':
        if (state === 'followed_up') replies.push({ start: ms, stop: null, cancelled: null });
        break;
      case 'replied':
        stop(replies, ms);
        // Only a logged contact meets the contact clock. A reply recorded without one ends the
        // round without its event (cancelled): not "met", which would credit a call nobody made.
        cancel(contacts, ms);
        break;
      case 'returned':
      case 'closed':
        for (const rounds of [accepts, contacts, replies]) cancel(rounds, ms);
        break;
      case 'followed_up':
        break;
    }
    state = entry.state;
  }

  const evaluate = (name: ClockName, round: Round | undefined, limit: TimeLimit): RequestClock =>
    evaluateRound(name, round, limit, now, calendar);
  const replyRounds = replies.map((round) => evaluate('reply', round, policy.reply));
  return {
    state,
    accept: evaluate('accept', accepts[accepts.length - 1], policy.accept),
    contact: evaluate('contact', contacts[contacts.length - 1], policy.contact),
    reply: replyRounds[replyRounds.length - 1] ?? evaluate('reply', undefined, policy.reply),
    replyRounds,
  };
}

function evaluateRound(
  name: ClockName,
  round: Round | undefined,
  limit: TimeLimit,
  now: number,
  calendar: HolidayCalendar,
): RequestClock {
  const measure: RequestClock['measure'] = isWorkingTimeLimit(limit) ? 'working' : 'clock';
  if (!round) {
    return { name, status: 'not_started', startedAt: null, dueAt: null, stoppedAt: null, measure, remainingMinutes: null, overdueMinutes: 0 };
  }
  const due = dueAt(new Date(round.start), limit, calendar).getTime();
  const minutesUntilDue = (from: number): number => {
    const exact = measure === 'working' ? workingMinutesBetween(new Date(from), new Date(due), calendar) : (due - from) / 60_000;
    return Math.floor(exact) + 0; // `+ 0` turns −0 into 0
  };
  const base = { name, measure, startedAt: iso(round.start), dueAt: iso(due) };
  if (round.stop !== null) {
    const remaining = minutesUntilDue(round.stop);
    const status = round.stop <= due ? 'met' : 'missed';
    return { ...base, status, stoppedAt: iso(round.stop), remainingMinutes: remaining, overdueMinutes: Math.max(0, -remaining) };
  }
  if (round.cancelled !== null) {
    return { ...base, status: 'cancelled', stoppedAt: iso(round.cancelled), remainingMinutes: null, overdueMinutes: 0 };
  }
  const remaining = minutesUntilDue(now);
  const status = now > due ? 'overdue' : 'running';
  return { ...base, status, stoppedAt: null, remainingMinutes: remaining, overdueMinutes: Math.max(0, -remaining) };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The reply round that decides "replied in time" for the figures: the first round that ended in a
 * reply (met or missed); if none has, the round still running. Null when no reply clock applies.
 *
 * @example
 * const decisive = decisiveReplyClock(clocks);
 * const repliedOnTime = decisive?.status === 'met';
 */
export function decisiveReplyClock(clocks: RequestClocks): RequestClock | null {
  const replied = clocks.replyRounds.find((r) => r.status === 'met' || r.status === 'missed');
  if (replied) return replied;
  const running = clocks.replyRounds.filter((r) => r.status === 'running' || r.status === 'overdue');
  return running[running.length - 1] ?? null;
}
