import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * Notices to a segment (issue 15, item 4): the notice with its rule and its approval, and one row
 * per recipient (in-app delivery and when they read it). The SMS / WeChat copies are outbox rows
 * with entity `notice`; an index on (entity, entity_id) counts them for the notice's figures.
 */
export function notices(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('notices'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('body', 'text', (col) => col.notNull())
          // Comma list of `inapp`, `sms`, `wechat`.
          .addColumn('channels', 'text', (col) => col.notNull())
          // JSON of core's Segment.
          .addColumn('segment', 'text', (col) => col.notNull())
          // draft → pending_approval → approved → sending → sent; pending_approval → rejected → (edited) draft
          .addColumn('state', 'text', (col) => col.notNull())
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('submitted_at', 'text')
          .addColumn('approved_by', 'integer', (col) => col.references('users.id'))
          .addColumn('approved_at', 'text')
          .addColumn('reject_reason', 'text')
          .addColumn('sent_at', 'text'),
      ).execute();
      await db.schema.createIndex('notices_division').on('notices').columns(['division_id', 'id']).execute();

      await withId(db.schema.createTable('notice_recipients'), dialect)
        .addColumn('notice_id', 'integer', (col) => col.notNull().references('notices.id'))
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notice_recipients_once').on('notice_recipients').columns(['notice_id', 'user_id']).unique().execute();
      await db.schema.createIndex('notice_recipients_user').on('notice_recipients').columns(['user_id', 'notice_id']).execute();

      await db.schema.createIndex('outbox_messages_entity').on('outbox_messages').columns(['entity', 'entity_id', 'state']).execute();
    },
  };
}
