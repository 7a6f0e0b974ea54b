import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId } from '../columns.ts';

/**
 * Staging for Excel imports: one job per uploaded file and one row per data row of it. Nothing
 * reaches the real tables until the job is confirmed; staged rows are deleted after confirmation
 * or expiry, the job row stays as a record of what was imported.
 */
export function imports(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('import_jobs'), dialect)
        .addColumn('entity', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'integer', (col) => col.notNull().references('users.id'))
        // The actor's subtree when the file was checked: a later change of the user's division does
        // not widen what an old job may write.
        .addColumn('scope_path', 'text')
        .addColumn('division_id', 'integer')
        .addColumn('file_name', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('columns', 'text', (col) => col.notNull())
        .addColumn('ignored_headers', 'text', (col) => col.notNull())
        .addColumn('rows_total', 'integer')
        .addColumn('rows_parsed', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('ok_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('error_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('duplicate_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('failure', 'text')
        .addColumn('duplicates_mode', 'text')
        .addColumn('inserted_count', 'integer')
        .addColumn('updated_count', 'integer')
        .addColumn('skipped_count', 'integer')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('confirmed_at', 'text')
        .execute();
      await db.schema.createIndex('import_jobs_actor').on('import_jobs').columns(['actor_id', 'created_at']).execute();
      await db.schema.createIndex('import_jobs_expiry').on('import_jobs').columns(['status', 'expires_at']).execute();

      await db.schema
        .createTable('import_rows')
        .addColumn('job_id', 'integer', (col) => col.notNull().references('import_jobs.id').onDelete('cascade'))
        .addColumn('row_number', 'integer', (col) => col.notNull())
        // The cells as read (column key → text), for the preview.
        .addColumn('data', 'text', (col) => col.notNull())
        // What the definition's insert/update receive; null when the row has errors.
        .addColumn('value', 'text')
        .addColumn('errors', 'text')
        .addColumn('duplicate_of', 'integer')
        .addPrimaryKeyConstraint('import_rows_pk', ['job_id', 'row_number'])
        .execute();
    },
  };
}
