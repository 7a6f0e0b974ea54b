import type { Executor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';

/**
 * A fixed-window counter kept in the database, so the limit holds across restarts and across
 * several server processes: count this key's events in the window, refuse with 429 at the limit,
 * otherwise record one more. Old events of the key are dropped on the way.
 *
 * @example
 * await consumeRate(trx, { key: `vote-ip:${ip}`, limit: 60, windowSeconds: 600, now });
 */
export async function consumeRate(db: Executor, rule: { key: string; limit: number; windowSeconds: number; now: Date }): Promise<void> {
  const since = new Date(rule.now.getTime() - rule.windowSeconds * 1000).toISOString();
  await db.deleteFrom('vote_rate_events').where('key', '=', rule.key).where('at', '<=', since).execute();
  const rows = await db.selectFrom('vote_rate_events').select('at').where('key', '=', rule.key).where('at', '>', since).orderBy('at').execute();
  if (rows.length >= rule.limit) {
    const oldest = new Date(rows[0]!.at).getTime();
    const seconds = Math.max(1, Math.ceil((oldest + rule.windowSeconds * 1000 - rule.now.getTime()) / 1000));
    throw new AppError('rate_limited', { params: { seconds }, details: { retryAfterSeconds: seconds } });
  }
  await db.insertInto('vote_rate_events').values({ key: rule.key, at: rule.now.toISOString() }).execute();
}
