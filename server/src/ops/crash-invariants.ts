import { canTransition, dispatchMachine, type DispatchState } from '@tongxin/core/sla/index';
import type { DatabaseHandle } from '../db/database.ts';
import { tableNames } from './table-snapshot.ts';

/*
 * What must hold in a database after the server was killed at any instant (crash-check.ts):
 * - every case's state is what replaying its history through the dispatch state machine gives;
 * - every audit entry of a case has the history line written with it, and the other way round;
 * - every write the server acknowledged (2xx) is there;
 * - the dashboard rollups equal the counts recomputed from the raw tables (when that module is in).
 */

export interface Acknowledged {
  caseId: number;
  version: number;
}

/** History actions that carry no audit entry of their own name (written by another step's entry). */
const auditOfEvent: Record<string, string | null> = {
  register: 'case.create',
  reopen: null, // part of a follow-up that found the citizen unsatisfied: audited as case.follow_up
  reminded: 'case.auto_remind',
  escalated: 'case.escalate',
};

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export async function checkCases(handle: DatabaseHandle, acknowledged: Acknowledged[]): Promise<string[]> {
  const problems: string[] = [];
  const cases = await handle.db.selectFrom('cases').select(['id', 'state', 'version']).orderBy('id').execute();
  const events = await handle.db.selectFrom('case_events').select(['case_id', 'action', 'from_state', 'to_state']).orderBy('id').execute();
  const audits = await handle.db.selectFrom('audit_log').select(['entity_id', 'action']).where('entity', '=', 'case').execute();
  const eventsOf = groupBy(events, (e) => e.case_id);
  const auditsOf = groupBy(audits, (a) => Number(a.entity_id));
  for (const c of cases) {
    let state: DispatchState | null = null;
    const counts = new Map<string, number>();
    const bump = (key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);
    for (const event of eventsOf.get(c.id) ?? []) {
      const audit = event.action in auditOfEvent ? auditOfEvent[event.action] : `case.${event.action}`;
      if (audit) bump(audit, 1);
      if (event.to_state === null) continue;
      const to = event.to_state as DispatchState;
      if (state === null) {
        if (to !== 'received') problems.push(`case ${c.id}: history starts at ${to}`);
      } else if (event.from_state !== state || !canTransition(dispatchMachine, state, to)) {
        problems.push(`case ${c.id}: step ${event.from_state}→${to} after ${state}`);
      }
      state = to;
    }
    if (state !== c.state) problems.push(`case ${c.id}: state ${c.state} but history replays to ${state}`);
    for (const audit of auditsOf.get(c.id) ?? []) bump(audit.action, -1);
    for (const [action, n] of counts) if (n !== 0) problems.push(`case ${c.id}: ${n > 0 ? `${n} history lines of ${action} without audit` : `${-n} audit entries ${action} without history`}`);
  }
  const versions = new Map(cases.map((c) => [c.id, c.version]));
  for (const ack of acknowledged) {
    const version = versions.get(ack.caseId);
    if (version === undefined || version < ack.version) problems.push(`case ${ack.caseId}: acknowledged version ${ack.version} lost (now ${version ?? 'missing'})`);
  }
  return problems;
}

interface RollupModule {
  rebuildRollups(db: unknown): Promise<void>;
}

/**
 * Rollups equal raw counts: read the maintained `dash_rollup` rows (after the pending reply marks a
 * dashboard read would apply), recompute them from the raw
 * tables with the dashboard module's own `rebuildRollups`, and compare. `null` when the dashboard
 * module (migration and rollups.ts) is not in this build.
 */
export async function checkRollups(handle: DatabaseHandle): Promise<string[] | null> {
  if (!(await tableNames(handle)).includes('dash_rollup')) return null;
  let rollups: RollupModule;
  try {
    rollups = (await import('../modules/dashboard/rollups.ts')) as unknown as RollupModule;
  } catch {
    return null;
  }
  if (typeof rollups.rebuildRollups !== 'function') return null;
  // "Replied in time" is brought up to date by the next dashboard read (cases marked dirty by a
  // trigger): apply the pending marks first, as that read does, then compare.
  const replies = (await import('../modules/dashboard/case-replies.ts').catch(() => null)) as { refreshCaseReplies?: (db: unknown) => Promise<number> } | null;
  if (typeof replies?.refreshCaseReplies === 'function') await replies.refreshCaseReplies(handle.db);
  const read = async () =>
    (await handle.db.selectFrom('dash_rollup' as never).selectAll().execute())
      .map((row) => JSON.stringify(row))
      .filter((row) => !/"n":0,"amount":0\}$/.test(row)) // a zero row and a missing row say the same
      .sort();
  const maintained = await read();
  await rollups.rebuildRollups(handle.db);
  const rebuilt = await read();
  const have = new Set(maintained);
  const want = new Set(rebuilt);
  const missing = rebuilt.filter((row) => !have.has(row));
  const extra = maintained.filter((row) => !want.has(row));
  return [...missing.slice(0, 5).map((row) => `rollup missing ${row}`), ...extra.slice(0, 5).map((row) => `rollup differs ${row}`), ...(missing.length + extra.length > 10 ? [`… ${missing.length} missing, ${extra.length} differing rows`] : [])];
}
