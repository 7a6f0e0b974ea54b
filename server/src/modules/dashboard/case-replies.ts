import { decisiveReplyClock } from '@tongxin/core/sla/index';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import { clocksOfCases } from '../cases/case-clocks.ts';

/*
 * "Replied in time" needs each case's reply clock, which the cases module computes from the
 * history with the office's calendar and time limits — not something a trigger can do. So a
 * trigger on `case_events` only marks the case (`dash_case_dirty`, with a sequence number), and the
 * next dashboard read (or `rebuildRollups`) recomputes the marked cases' facts into
 * `dash_case_reply`, whose own trigger moves the rollup. A mark made while we computed has a new
 * sequence number and survives our delete.
 */

type AnyDb = Kysely<DB>;

/** Whether each case was replied to within its decisive reply round's limit (as `computeRequestKpis` counts it). */
async function onTimeOf(db: AnyDb, caseIds: number[]): Promise<Map<number, number>> {
  const rows = await db.selectFrom('cases').select(['id', 'kind', 'office_division_id']).where('id', 'in', caseIds).execute();
  const { clocks } = await clocksOfCases(db, rows, new Date());
  const result = new Map<number, number>();
  for (const row of rows) {
    const decisive = decisiveReplyClock(clocks.get(row.id)!);
    const repliedAt = decisive && (decisive.status === 'met' || decisive.status === 'missed') ? decisive.stoppedAt : null;
    const due = decisive?.dueAt ?? null;
    const onTime = repliedAt !== null && repliedAt !== undefined && (due === null || Date.parse(repliedAt) <= Date.parse(due));
    result.set(row.id, onTime ? 1 : 0);
  }
  return result;
}

async function writeFacts(db: AnyDb, facts: Map<number, number>): Promise<void> {
  const values = [...facts].map(([case_id, on_time]) => ({ case_id, on_time }));
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insertInto('dash_case_reply')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.column('case_id').doUpdateSet((eb) => ({ on_time: eb.ref('excluded.on_time') })))
      .execute();
  }
}

/** Recompute the facts of the cases marked since the last read. Returns how many were done. */
export async function refreshCaseReplies(db: AnyDb, batch = 2000): Promise<number> {
  let done = 0;
  for (;;) {
    const marked = await db.selectFrom('dash_case_dirty').select(['case_id', 'seq']).orderBy('case_id').limit(batch).execute();
    if (marked.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      await writeFacts(trx, await onTimeOf(trx, marked.map((m) => m.case_id)));
      for (const m of marked) {
        await trx.deleteFrom('dash_case_dirty').where('case_id', '=', m.case_id).where('seq', '=', m.seq).execute();
      }
    });
    done += marked.length;
    if (marked.length < batch) return done;
  }
}

/** Recompute every case's facts (rebuild): batches by id. */
export async function recomputeAllCaseReplies(db: AnyDb, batch = 2000): Promise<void> {
  await db.deleteFrom('dash_case_dirty').execute();
  let after = 0;
  for (;;) {
    const ids = (await db.selectFrom('cases').select('id').where('id', '>', after).orderBy('id').limit(batch).execute()).map((r) => r.id);
    if (ids.length === 0) return;
    await writeFacts(db, await onTimeOf(db, ids));
    after = ids[ids.length - 1]!;
  }
}
