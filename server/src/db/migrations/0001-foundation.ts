import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/** Divisions, users, sessions, sign-in attempts and the audit log. */
export function foundation(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('divisions'), dialect)
          .addColumn('parent_id', 'integer', (col) => col.references('divisions.id'))
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('level', 'text', (col) => col.notNull())
          .addColumn('code', 'text')
          .addColumn('path', 'text', (col) => col.notNull())
          .addColumn('depth', 'integer', (col) => col.notNull()),
      ).execute();
      await db.schema.createIndex('divisions_path').on('divisions').column('path').execute();
      await db.schema.createIndex('divisions_parent').on('divisions').column('parent_id').execute();
      // Two siblings never share a name: imports and the public form match divisions by name.
      await db.schema
        .createIndex('divisions_parent_name')
        .on('divisions')
        .columns(['parent_id', 'name'])
        .unique()
        .execute();

      await withTimestamps(
        withId(db.schema.createTable('users'), dialect)
          .addColumn('username', 'text', (col) => col.notNull().unique())
          .addColumn('display_name', 'text', (col) => col.notNull())
          .addColumn('password_hash', 'text', (col) => col.notNull())
          .addColumn('division_id', 'integer', (col) => col.references('divisions.id'))
          .addColumn('roles', 'text', (col) => col.notNull())
          .addColumn('phone', 'text')
          .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('locale', 'text', (col) => col.notNull().defaultTo('zh-CN'))
          .addColumn('last_sign_in_at', 'text')
          .addColumn('password_changed_at', 'text', (col) => col.notNull()),
      ).execute();
      await db.schema.createIndex('users_division').on('users').column('division_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (col) => col.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('last_seen_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await withId(db.schema.createTable('sign_in_attempts'), dialect)
        .addColumn('username', 'text', (col) => col.notNull())
        .addColumn('ip', 'text', (col) => col.notNull())
        .addColumn('success', 'integer', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sign_in_attempts_user_at').on('sign_in_attempts').columns(['username', 'at']).execute();
      await db.schema.createIndex('sign_in_attempts_ip_at').on('sign_in_attempts').columns(['ip', 'at']).execute();

      await withId(db.schema.createTable('audit_log'), dialect)
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('entity', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('division_id', 'integer')
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();
    },
  };
}
