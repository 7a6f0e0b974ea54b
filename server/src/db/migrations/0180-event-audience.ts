import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * An event's audience names its group: for `chamber_members` the chamber (an organisation), for
 * `programme` the pairing programme. Other audiences leave it empty. No foreign key: the column
 * names one of two tables depending on the audience (the service checks it on write).
 */
export function eventAudience(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('events').addColumn('audience_ref_id', 'integer').execute();
    },
  };
}
