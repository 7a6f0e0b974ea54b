import type { Kysely } from 'kysely';
import type { Executor } from '../database.ts';
import { reindexAll } from '../../modules/search/search.reindex.ts';

/**
 * Search index terms carry the record's kind (`a统战` for an activity, see `kindCodes` in
 * search.tokens.ts), so a per-kind look-up no longer intersects a word with a kind tag. The index
 * is derived data: it is rebuilt from the records in the new form. Nothing in the schema changes.
 */
export function searchKindTerms() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await reindexAll(db as unknown as Executor);
    },
  };
}
