import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Facts about this installation that the data alone cannot tell, one row each — for now only
 * whether the demo data set was loaded (the sign-in page then shows the demo account, and only then).
 */
export function appFacts(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('app_facts')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
    },
  };
}
