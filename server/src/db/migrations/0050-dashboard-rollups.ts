import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { createTriggers } from '../../modules/dashboard/rollup-triggers.ts';
import { rebuildRollups } from '../../modules/dashboard/rollups.ts';

/**
 * The dashboard's rollups (see server/src/modules/dashboard/README.md): the division closure, the
 * rollup table keyed by (ancestor division, metric, day, dimension), a case's reply facts and the
 * queue of cases whose history changed; the triggers that keep them; and a first fill from the
 * records already there.
 */
export function dashboardRollups(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('division_closure')
        .addColumn('ancestor_id', 'integer', (col) => col.notNull())
        .addColumn('descendant_id', 'integer', (col) => col.notNull())
        .addColumn('depth', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('division_closure_pk', ['descendant_id', 'ancestor_id'])
        .execute();
      await db.schema.createIndex('division_closure_ancestor').on('division_closure').columns(['ancestor_id', 'depth', 'descendant_id']).execute();

      // Clustered on its key in SQLite (WITHOUT ROWID): a figure is one range of the primary key.
      let rollup = db.schema
        .createTable('dash_rollup')
        .addColumn('ancestor_id', 'integer', (col) => col.notNull())
        .addColumn('metric', 'text', (col) => col.notNull())
        .addColumn('day', 'text', (col) => col.notNull())
        .addColumn('dim', 'text', (col) => col.notNull())
        .addColumn('n', 'bigint', (col) => col.notNull())
        .addColumn('amount', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('dash_rollup_pk', ['ancestor_id', 'metric', 'day', 'dim']);
      if (dialect === 'sqlite') rollup = rollup.modifyEnd(sql`without rowid`);
      await rollup.execute();

      await db.schema
        .createTable('dash_case_reply')
        .addColumn('case_id', 'integer', (col) => col.primaryKey())
        .addColumn('on_time', 'integer', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('dash_case_dirty')
        .addColumn('case_id', 'integer', (col) => col.primaryKey())
        .addColumn('seq', 'integer', (col) => col.notNull())
        .execute();

      await createTriggers(db, dialect);
      await rebuildRollups(db);
    },
  };
}
