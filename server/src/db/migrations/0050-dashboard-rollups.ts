import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { createTriggers, rebuildRollups } from './frozen/0050-dashboard.sql.ts';

/**
 * The dashboard's rollups (see server/src/modules/dashboard/README.md): the division closure, the
 * rollup table keyed by (ancestor division, metric, day, dimension), a case's reply facts and the
 * queue of cases whose history changed; the triggers that keep them; and a first fill from the
 * records already there. The trigger and fill SQL is frozen text (frozen/0050-dashboard.sql.ts).
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

      for (const statement of createTriggers[dialect]) await sql.raw(statement).execute(db);
      // Each case's reply facts need its history walked with the office's calendar (application
      // code), so the migration marks every case for recomputation instead; the dashboard's next
      // read computes the marked cases (modules/dashboard/case-replies.ts), as after any change.
      await sql`DELETE FROM dash_case_dirty`.execute(db);
      await sql`INSERT INTO dash_case_dirty (case_id, seq) SELECT id, 1 FROM cases`.execute(db);
      for (const [text, parameters] of rebuildRollups[dialect]) await db.executeQuery(CompiledQuery.raw(text, [...parameters]));
      if (dialect === 'postgres') await sql`ANALYZE dash_rollup`.execute(db).catch(() => undefined);
    },
  };
}
