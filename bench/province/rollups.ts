import type { DatabaseHandle } from '../../server/src/db/database.ts';
import { recomputeAllCaseReplies } from '../../server/src/modules/dashboard/case-replies.ts';
import { createRollupTriggers, dropRollupTriggers, rebuildRollups } from '../../server/src/modules/dashboard/rollups.ts';

/**
 * The dashboard keeps its rollups with triggers on the raw tables. A bulk load runs without them
 * (one trigger per row would spread every row over its ancestors one at a time); then the
 * rollups are rebuilt set-based and the triggers come back, as the dashboard README prescribes.
 */
export async function beforeBulkLoad(handle: DatabaseHandle): Promise<void> {
  await dropRollupTriggers(handle.db);
}

export async function afterBulkLoad(handle: DatabaseHandle, options: { caseReplies?: boolean } = {}): Promise<string> {
  // Timed apart: the reply facts walk every case's history in JavaScript, the rest is set-based SQL.
  // Both run before the triggers return, so the facts written do not each fire a trigger.
  let started = performance.now();
  if (options.caseReplies !== false) await recomputeAllCaseReplies(handle.db);
  const replies = (performance.now() - started) / 1000;
  started = performance.now();
  await rebuildRollups(handle.db, { caseReplies: false });
  const rollups = (performance.now() - started) / 1000;
  await createRollupTriggers(handle.db);
  return `case reply facts ${options.caseReplies === false ? 'skipped' : `${replies.toFixed(1)} s`} + set-based rollup rebuild ${rollups.toFixed(1)} s; triggers created again; total`;
}
