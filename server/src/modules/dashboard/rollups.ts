import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { recomputeAllCaseReplies } from './case-replies.ts';
import { monthlyMetrics, rollupSources } from './rollup-sources.ts';
import { applySql } from './rollup-triggers.ts';
import { createTriggers, dropTriggers } from './rollup-triggers.ts';

/* The functions other modules and the bench call; the design is in README.md. */

// Accepts any Kysely (the migration's Kysely<unknown>, the app's Kysely<DB>, a transaction).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

export function dialectOf(db: AnyKysely): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

async function inTransaction(db: AnyKysely, work: (trx: AnyKysely) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute(work);
}

/** The closure from the parent links (a recursive walk down the tree: ~depth × divisions rows). */
async function rebuildClosure(db: AnyKysely): Promise<void> {
  await sql`DELETE FROM division_closure`.execute(db);
  await sql`INSERT INTO division_closure (ancestor_id, descendant_id, depth)
    WITH RECURSIVE walk(ancestor_id, descendant_id, depth) AS (
      SELECT id, id, 0 FROM divisions
      UNION ALL
      SELECT walk.ancestor_id, d.id, walk.depth + 1 FROM walk JOIN divisions d ON d.parent_id = walk.descendant_id
    )
    SELECT ancestor_id, descendant_id, depth FROM walk`.execute(db);
}

/**
 * Recompute every rollup (and the division closure) from the raw tables, set-based: each source
 * table is grouped by (division, metric, dim, day) once, then spread over the ancestors. Replaces
 * whatever was there. With `caseReplies: false` the per-case reply facts are kept as they are
 * (they need each case's clock; recomputing them walks every case's history in batches).
 *
 * @example
 * await dropRollupTriggers(db); await bulkLoad(db); await createRollupTriggers(db); await rebuildRollups(db);
 */
export async function rebuildRollups(db: AnyKysely, options: { caseReplies?: boolean } = {}): Promise<void> {
  const dialect = dialectOf(db);
  if (options.caseReplies !== false) await recomputeAllCaseReplies(db as Kysely<DB>);
  await inTransaction(db, async (trx) => {
    await rebuildClosure(trx);
    await sql`DELETE FROM dash_rollup`.execute(trx);
    for (const source of rollupSources(dialect)) {
      if (source.own.length === 0) continue;
      await sql.raw(applySql(source.own, `${source.table} R`, 1, true, false)).execute(trx);
    }
    // Month rows from the day rows just written (reading the raw tables once, not twice).
    await sql`INSERT INTO dash_rollup (ancestor_id, metric, dim, day, n, amount)
      SELECT ancestor_id, metric || '@m', dim, substr(day, 1, 7), SUM(n), SUM(amount) FROM dash_rollup
      WHERE metric IN (${sql.join([...monthlyMetrics])})
      GROUP BY ancestor_id, metric, dim, substr(day, 1, 7)`.execute(trx);
  });
  if (dialect === 'postgres') await sql`ANALYZE dash_rollup`.execute(db).catch(() => undefined);
}

/** Drop the triggers that keep the rollups (bulk loaders: drop, load, create, rebuild). */
export async function dropRollupTriggers(db: AnyKysely): Promise<void> {
  await dropTriggers(db, dialectOf(db));
}

/** Create the triggers again after a bulk load (then call `rebuildRollups`). */
export async function createRollupTriggers(db: AnyKysely): Promise<void> {
  const dialect = dialectOf(db);
  await dropTriggers(db, dialect);
  await createTriggers(db, dialect);
}
