import { computeRequestClocks, type DispatchState, type RequestClocks, type RequestHistoryEntry, type RequestKind } from '@tongxin/core/sla/index';
import type { Executor } from '../../db/database.ts';
import { clockEventsOf, type CaseRow } from './cases.repo.ts';
import { divisionPaths, effectiveSettings, type EffectiveSettings } from './settings.repo.ts';

/*
 * Clocks are recomputed from each case's history and its office's settings on every read: there
 * is no stored counter to drift, and a changed calendar or policy applies at once.
 */

/** The history as `computeRequestClocks` reads it: state entries and logged contacts. */
export function historyOf(events: ReadonlyArray<{ to_state: string | null; action: string; at: string }>): RequestHistoryEntry[] {
  const history: RequestHistoryEntry[] = [];
  for (const e of events) {
    if (e.action === 'contacted') history.push({ event: 'contacted', at: e.at });
    else if (e.to_state !== null) history.push({ state: e.to_state as DispatchState, at: e.at });
  }
  return history;
}

/** A clock past its due time and still running. */
export function isOverdue(clocks: RequestClocks): boolean {
  return [clocks.accept, clocks.contact, clocks.reply].some((clock) => clock.status === 'overdue');
}

export interface ClockContext {
  clocks: Map<number, RequestClocks>;
  settings: Map<number, EffectiveSettings>;
}

/**
 * Clocks of many cases at `now`, with two queries for the histories and one for the settings.
 *
 * @example
 * const { clocks } = await clocksOfCases(db, rows, ctx.clock.now());
 * clocks.get(row.id)!.reply.status // 'running'
 */
export async function clocksOfCases(db: Executor, rows: readonly Pick<CaseRow, 'id' | 'kind' | 'office_division_id'>[], now: Date): Promise<ClockContext> {
  const [events, paths] = await Promise.all([clockEventsOf(db, rows.map((row) => row.id)), divisionPaths(db, rows.map((row) => row.office_division_id))]);
  const settings = await effectiveSettings(db, paths);
  const clocks = new Map<number, RequestClocks>();
  for (const row of rows) {
    const office = settings.get(row.office_division_id);
    clocks.set(
      row.id,
      computeRequestClocks(row.kind as RequestKind, historyOf(events.get(row.id) ?? []), { now, ...(office ? { policy: office.policy, calendar: office.calendar } : {}) }),
    );
  }
  return { clocks, settings };
}
