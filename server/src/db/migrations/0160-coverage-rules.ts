import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * Coverage rules (issue 16, item 3): an office declares "every <level> in <scope> has at least
 * <min_count> <kind> matching <filter> by <deadline>". `kind` and `filter_value` are a closed,
 * typed set checked by the API (no SQL from users); the figures are computed from the records.
 * `last_notified_on` keeps the reminder job to one notice per Beijing day.
 */
export function coverageRules(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('coverage_rules'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('unit_level', 'text', (col) => col.notNull())
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('filter_value', 'text')
          .addColumn('min_count', 'integer', (col) => col.notNull())
          .addColumn('period_start', 'text', (col) => col.notNull())
          .addColumn('deadline', 'text', (col) => col.notNull())
          .addColumn('notify_days', 'integer', (col) => col.notNull().defaultTo(14))
          .addColumn('last_notified_on', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('coverage_rules_division').on('coverage_rules').columns(['division_id', 'deadline']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('coverage_rules').execute();
    },
  };
}
