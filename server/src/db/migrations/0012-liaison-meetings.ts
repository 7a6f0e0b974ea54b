import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * 季度座谈会: meetings of an office with the representatives of its area, with who was invited,
 * who came, and the minutes. Archived, never deleted.
 */
export function liaisonMeetings(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('liaison_meetings'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('held_on', 'text', (col) => col.notNull())
          .addColumn('place', 'text')
          .addColumn('minutes', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('liaison_meetings_division').on('liaison_meetings').columns(['division_id', 'held_on']).execute();

      await db.schema
        .createTable('liaison_meeting_attendees')
        .addColumn('meeting_id', 'integer', (col) => col.notNull().references('liaison_meetings.id'))
        .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id'))
        .addColumn('attended', 'integer', (col) => col.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('liaison_meeting_attendees_pk', ['meeting_id', 'person_id'])
        .execute();
      await db.schema.createIndex('liaison_meeting_attendees_person').on('liaison_meeting_attendees').column('person_id').execute();
    },
  };
}
