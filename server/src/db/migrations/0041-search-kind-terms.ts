import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Search index terms carry the record's kind (`a统战` for an activity, see `kindCodes` in
 * search.tokens.ts), so a per-kind look-up no longer intersects a word with a kind tag. The index
 * is derived data, and building its terms is application code (tokens, pinyin), which a frozen
 * migration must not import: the migration empties the index of old-form terms, and start-up
 * rebuilds it from the records when this migration has just been applied (`rebuildsAfter` in
 * startup.ts). Nothing in the schema changes.
 */
export function searchKindTerms(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`delete from "search_documents"`.execute(db);
      if (dialect === 'sqlite') await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
    },
  };
}
