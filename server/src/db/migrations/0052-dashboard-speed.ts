import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Indexes for the two dashboard figures still counted from raw rows (see
 * server/src/modules/dashboard/README.md, "Province-scale reads"):
 * - pairing coverage: a programme's current pairs are a range of (programme_id, start_date) whose
 *   end date and organisation are read from the index, not from the table;
 * - overdue projects: open milestones (not completed, not archived) by due date, so "due before
 *   today" is one range of a small partial index (a few thousand rows at province scale), not every
 *   live project of the subtree probed for its milestones.
 */
export function dashboardSpeed(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('pairs_programme_current')
        .ifNotExists()
        .on('pairs')
        .columns(['programme_id', 'start_date', 'end_date', 'organisation_id'])
        .execute();
      await db.schema
        .createIndex('project_milestones_open_due')
        .ifNotExists()
        .on('project_milestones')
        // The two always-null columns make the index covering (the read never visits the table).
        .columns(['due_date', 'project_id', 'completed_at', 'archived_at'])
        .where(sql.ref('completed_at'), 'is', null)
        .where(sql.ref('archived_at'), 'is', null)
        .execute();
    },
  };
}
