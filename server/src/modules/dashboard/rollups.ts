import type { Executor } from '../../db/database.ts';

/**
 * Recompute every rollup (and the division closure) from the raw tables, set-based.
 * Call after a bulk load; safe to call any time (it replaces, never adds).
 */
export async function rebuildRollups(_db: Executor): Promise<void> {
  // Implemented in the next commit.
}

/** Drop the triggers that keep the rollups (bulk loaders: drop, load, create, rebuild). */
export async function dropRollupTriggers(_db: Executor): Promise<void> {}

/** Create the triggers again after a bulk load. */
export async function createRollupTriggers(_db: Executor): Promise<void> {}
