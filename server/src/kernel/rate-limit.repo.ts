import { sql, type Kysely } from 'kysely';
import type { Executor } from '../db/database.ts';

/** The `rate_limits` table (migration 0110); typed here because only this file reads it. */
interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
  expires_at: string;
}
type RateDb = Kysely<{ rate_limits: RateLimitsTable }>;
const rateDb = (db: Executor) => db as unknown as RateDb;

/**
 * Count one event of `key` and return the count of its current window, in one statement: a window
 * that has ended starts again at `now`. Concurrent callers (connections, processes, instances) each
 * see a distinct count, so exactly `limit` of them can be under the limit. (Both engines evaluate
 * every SET expression against the old row.)
 */
export async function bumpCounter(db: Executor, key: string, now: string, expiresAt: string) {
  const ended = sql<boolean>`rate_limits.expires_at <= ${now}`;
  const row = await rateDb(db)
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${ended} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when ${ended} then ${now} else rate_limits.window_start end`,
        expires_at: sql<string>`case when ${ended} then ${expiresAt} else rate_limits.expires_at end`,
      }),
    )
    .returning(['count', 'window_start', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.window_start, expiresAt: row.expires_at };
}

/** Take one event back from a key's window, if that window is still the current one. */
export async function decrementCounter(db: Executor, key: string, windowStart: string): Promise<void> {
  await rateDb(db)
    .updateTable('rate_limits')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .where('count', '>', 0)
    .execute();
}

/** Forget a key (a successful sign-in clears its account's failures). */
export async function deleteCounter(db: Executor, key: string): Promise<void> {
  await rateDb(db).deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Drop keys whose window has ended. */
export async function deleteExpiredCounters(db: Executor, now: string): Promise<number> {
  const result = await rateDb(db).deleteFrom('rate_limits').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A key's count in its current window, 0 when none (tests and diagnostics). */
export async function readCounter(db: Executor, key: string, now: string): Promise<number> {
  const row = await rateDb(db).selectFrom('rate_limits').select('count').where('key', '=', key).where('expires_at', '>', now).executeTakeFirst();
  return Number(row?.count ?? 0);
}
