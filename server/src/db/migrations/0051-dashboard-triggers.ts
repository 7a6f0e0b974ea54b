import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { createTriggers, dropTriggers } from './frozen/0050-dashboard.sql.ts';

/**
 * Re-creates the dashboard's triggers (adds the one that re-marks cases when an office's time
 * limits or calendar change) on databases made with the first version of 0050. Frozen SQL text.
 */
export function dashboardTriggers(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const statement of dropTriggers[dialect]) await sql.raw(statement).execute(db);
      for (const statement of createTriggers[dialect]) await sql.raw(statement).execute(db);
    },
  };
}
