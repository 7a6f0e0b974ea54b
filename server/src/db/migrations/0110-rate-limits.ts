import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * One table for every rate limit (sign-in, portal, votes): one row per key holding the count of its
 * current window (which starts at the key's first event), bumped with `INSERT … ON CONFLICT DO
 * UPDATE … RETURNING`, so the count is taken atomically before the work on SQLite and PostgreSQL
 * alike. `expires_at` lets ended windows be pruned.
 * The older per-event tables (`vote_rate_events`, `portal_attempts`) stay for history; nothing
 * counts from them any more.
 */
export function rateLimits(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('window_start', 'text', (col) => col.notNull())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_expires').on('rate_limits').column('expires_at').execute();
    },
  };
}
