import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId } from '../columns.ts';

/**
 * Participants outside the office. A participant is a user (roles participant / volunteer /
 * liaison_officer) bound to an organisation through `organisation_handlers`; these tables hold
 * how they got in (single-use invitations, stored as a hash of the token), the one-time SMS
 * sign-in codes (hashed), and the profile changes they propose for the office to approve.
 */
export function participants(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('participant_invitations'), dialect)
        .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
        .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
        .addColumn('role', 'text', (col) => col.notNull())
        .addColumn('display_name', 'text')
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('participant_invitations_org').on('participant_invitations').column('organisation_id').execute();

      await withId(db.schema.createTable('participant_codes'), dialect)
        .addColumn('phone_hash', 'text', (col) => col.notNull())
        .addColumn('code_hash', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('participant_codes_phone').on('participant_codes').columns(['phone_hash', 'created_at']).execute();

      await withId(db.schema.createTable('profile_proposals'), dialect)
        .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
        .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
        .addColumn('status', 'text', (col) => col.notNull())
        // JSON object of the proposed fields (only those the proposer changed).
        .addColumn('changes', 'text', (col) => col.notNull())
        .addColumn('proposed_by', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('decided_by', 'integer', (col) => col.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('note', 'text')
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('profile_proposals_org').on('profile_proposals').columns(['organisation_id', 'status']).execute();
      await db.schema.createIndex('profile_proposals_division').on('profile_proposals').columns(['division_id', 'status']).execute();
    },
  };
}
