import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/*
 * Issue 17: a search for an organisation's exact name must find it first. The full-text index
 * returns the newest few hundred records containing the words, so among 4,000 firms whose names
 * share "商会" or a town's name the one named exactly may never reach ranking. Search now also
 * asks for exact normalised titles, by kind; this index answers that in one probe.
 */
export function searchExactTitle(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('search_documents_kind_title').on('search_documents').columns(['kind', 'norm_title']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('search_documents_kind_title').execute();
    },
  };
}
