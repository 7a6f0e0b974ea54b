import type { Case } from '@tongxin/core';
import { formatDateTime } from './time.ts';

type Clock = Case['clocks'][keyof Case['clocks']];
type Translate = (key: string, params?: Record<string, unknown>) => string;

/** One time shown with a clock, always named: a deadline is "due", a completion "done". */
export interface ClockTime {
  kind: 'due' | 'done' | 'ended';
  at: string;
}

/**
 * The times a clock shows, each with its own label, so the same place never shows a deadline first
 * and a completion time later under one unnamed "·". Running and overdue: the deadline; met and
 * missed: when it was done and the deadline it was measured against; cancelled: when the round
 * ended without its event.
 *
 * @example clockTimes({ status: 'met', dueAt: 'D', stoppedAt: 'S', … }) // [{ kind: 'done', at: 'S' }, { kind: 'due', at: 'D' }]
 */
export function clockTimes(clock: Pick<Clock, 'status' | 'dueAt' | 'stoppedAt'>): ClockTime[] {
  const due = clock.dueAt ? [{ kind: 'due' as const, at: clock.dueAt }] : [];
  switch (clock.status) {
    case 'running':
    case 'overdue':
      return due;
    case 'met':
    case 'missed':
      return [...(clock.stoppedAt ? [{ kind: 'done' as const, at: clock.stoppedAt }] : []), ...due];
    case 'cancelled':
      return clock.stoppedAt ? [{ kind: 'ended', at: clock.stoppedAt }] : [];
    case 'not_started':
      return [];
  }
}

/** The status word of a clock; a contact clock that ended without a logged contact says so. */
export function clockStatusKey(clock: Pick<Clock, 'name' | 'status'>): string {
  if (clock.name === 'contact' && clock.status === 'cancelled') return 'ux.clocks.noContactLogged';
  return `requests.clocks.${clock.status}`;
}

/** "联系时限: 按时 · 完成 2026-10-01 09:00:00 · 截止 2026-10-01 10:00:00". */
export function clockText(t: Translate, clock: Pick<Clock, 'name' | 'status' | 'dueAt' | 'stoppedAt'>): string {
  const times = clockTimes(clock).map((time) => t(`ux.clocks.${time.kind}`, { at: formatDateTime(time.at) }));
  return [`${t(`requests.clocks.${clock.name}`)}: ${t(clockStatusKey(clock))}`, ...times].join(' · ');
}
