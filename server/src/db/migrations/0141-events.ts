import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId } from '../columns.ts';

/**
 * Events: an activity planned ahead, with a registration list (and waiting list) and check-ins.
 * A check-in is unique per event and user, so a second scan changes nothing; the activity's
 * participant count is set from the check-ins (never added to), so the dashboard counts each
 * attendee once. `secret` keys the rotating door code (HMAC of event id + time slot).
 */
export function events(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('events'), dialect)
        .addColumn('activity_id', 'integer', (col) => col.notNull().unique().references('activities.id'))
        .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
        .addColumn('starts_at', 'text', (col) => col.notNull())
        .addColumn('ends_at', 'text', (col) => col.notNull())
        .addColumn('place', 'text')
        .addColumn('capacity', 'integer', (col) => col.notNull())
        .addColumn('audience', 'text', (col) => col.notNull())
        .addColumn('registration_opens_at', 'text')
        .addColumn('registration_closes_at', 'text')
        .addColumn('waiting_list', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('secret', 'text', (col) => col.notNull())
        .addColumn('created_by', 'integer', (col) => col.references('users.id'))
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('events_division_start').on('events').columns(['division_id', 'starts_at']).execute();
      await db.schema.createIndex('events_start').on('events').column('starts_at').execute();

      await withId(db.schema.createTable('event_registrations'), dialect)
        .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('event_registrations_once', ['event_id', 'user_id'])
        .execute();
      await db.schema.createIndex('event_registrations_user').on('event_registrations').column('user_id').execute();

      await db.schema
        .createTable('event_check_ins')
        .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('event_check_ins_pk', ['event_id', 'user_id'])
        .execute();

      // One calendar feed token per user (hashed): the .ics URL carries the token, not a session.
      await db.schema
        .createTable('calendar_feeds')
        .addColumn('user_id', 'integer', (col) => col.primaryKey().references('users.id'))
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  };
}
