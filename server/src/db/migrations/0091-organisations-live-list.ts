import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The organisations list as most people open it (live ones, by name, in their subtree) read from
 * one small index: live rows only, with the columns the scope filter and the name sort need, so
 * counting a province's organisations and finding one page's ids never visit the table. Measured in
 * bench/RESULTS.md ("Organisations list").
 */
export function organisationsLiveList(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('organisations_live_list')
        .ifNotExists()
        .on('organisations')
        .columns(['division_id', 'name'])
        .where(sql.ref('archived_at'), 'is', null)
        .execute();
    },
  };
}
