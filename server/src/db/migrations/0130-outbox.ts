import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId } from '../columns.ts';

/**
 * The outbox (issue 15): one row per message to one recipient on one channel (SMS, WeChat),
 * written in the transaction of the event that causes it and sent later by the scheduled job,
 * which claims rows with a conditional UPDATE so each is sent by one runner. Beside it: each
 * user's choice of channel per event, the numbers that opted out (回复TD退订), and the portal
 * submitter's consent to be texted about their ticket.
 */
export function outbox(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(db.schema.createTable('outbox_messages'), dialect)
        // `sms` or `wechat`: the medium; which provider carried it is `provider`.
        .addColumn('channel', 'text', (col) => col.notNull())
        .addColumn('event', 'text', (col) => col.notNull())
        .addColumn('urgent', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('user_id', 'integer', (col) => col.references('users.id'))
        .addColumn('address', 'text', (col) => col.notNull())
        // The office whose delivery log shows it (scope filter); null: a user of the whole tree.
        .addColumn('division_id', 'integer', (col) => col.references('divisions.id'))
        .addColumn('entity', 'text')
        .addColumn('entity_id', 'integer')
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('params', 'text', (col) => col.notNull())
        // queued → sending → sent (→ delivered | undelivered) | failed | cancelled
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (col) => col.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('provider', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_messages_due').on('outbox_messages').columns(['state', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_messages_division').on('outbox_messages').columns(['division_id', 'id']).execute();
      await db.schema.createIndex('outbox_messages_address_sent').on('outbox_messages').columns(['address', 'sent_at']).execute();

      // Absent row = the event's default channels. `channels` is a comma list (`inapp,sms`), '' = none.
      await db.schema
        .createTable('message_preferences')
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('event', 'text', (col) => col.notNull())
        .addColumn('channels', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('message_preferences_pk', ['user_id', 'event'])
        .execute();

      await db.schema
        .createTable('message_opt_outs')
        .addColumn('address', 'text', (col) => col.primaryKey())
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();

      // A portal submitter ticks "text me about this ticket": no tick, no SMS.
      await db.schema.alterTable('cases').addColumn('notify_consent', 'integer', (col) => col.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('needs').addColumn('notify_consent', 'integer', (col) => col.notNull().defaultTo(0)).execute();
    },
  };
}
