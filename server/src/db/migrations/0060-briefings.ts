import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * Briefings (工作简报): one row per briefing with the figures snapshot it was generated from (JSON,
 * never recomputed), and one row per saved revision of its text (JSON sections), so any revision
 * can be exported again and comes out the same.
 */
export function briefings(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('briefings'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('period_from', 'text', (col) => col.notNull())
          .addColumn('period_to', 'text', (col) => col.notNull())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('figures', 'text', (col) => col.notNull())
          .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1))
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('briefings_division').on('briefings').columns(['division_id', 'created_at']).execute();

      await withId(db.schema.createTable('briefing_revisions'), dialect)
        .addColumn('briefing_id', 'integer', (col) => col.notNull().references('briefings.id'))
        .addColumn('revision', 'integer', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('sections', 'text', (col) => col.notNull())
        .addColumn('created_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('briefing_revisions_number', ['briefing_id', 'revision'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('briefing_revisions').execute();
      await db.schema.dropTable('briefings').execute();
    },
  };
}
