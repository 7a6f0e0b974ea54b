import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The garbled places that article ingest found in each article's paragraphs (text decoded in a
 * wrong encoding), as a JSON array of `{ paragraph, text, repair }`: repaired ones say what they
 * stood for, the others stay flagged for a person to check. Articles stored before read `[]`.
 */
export function articleGarbled(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('articles').addColumn('garbled', 'text', (column) => column.notNull().defaultTo('[]')).execute();
    },
  };
}
