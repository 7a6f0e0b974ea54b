import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { createTriggers, dropTriggers } from '../../modules/dashboard/rollup-triggers.ts';

/**
 * Re-creates the dashboard's triggers (adds the one that re-marks cases when an office's time
 * limits or calendar change) on databases made with the first version of 0050.
 */
export function dashboardTriggers(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await dropTriggers(db, dialect);
      await createTriggers(db, dialect);
    },
  };
}
