import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Import jobs get a heartbeat and a holder. A confirm (or a background parse) writes `heartbeat_at`
 * while it runs and stamps `holder` with a token of its own; a job whose heartbeat has stopped
 * cannot still be running anywhere (a crash, a killed process), so it is given back to the user
 * instead of staying `confirming` for a day. The holder token lets a confirm that was taken over
 * find out, at its last write, that it no longer owns the job, and roll back.
 */
export function importHeartbeat(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('import_jobs').addColumn('heartbeat_at', 'text').execute();
      await db.schema.alterTable('import_jobs').addColumn('holder', 'text').execute();
    },
  };
}
