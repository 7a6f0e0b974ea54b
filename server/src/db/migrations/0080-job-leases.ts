import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Job leases: one row per scheduled job (reminders, backups). An instance runs a job only after
 * taking its lease with a conditional UPDATE (`… WHERE until <= now`), so several instances on one
 * database run each job once per interval. Same table and statements on SQLite and PostgreSQL.
 */
export function jobLeases(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('holder', 'text')
        .addColumn('until', 'text', (col) => col.notNull())
        .addColumn('last_started_at', 'text')
        .addColumn('last_finished_at', 'text')
        .addColumn('runs', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
    },
  };
}
