import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * The registry: organisations and their members, people, brands, venues, service kinds and
 * resources. Records others link to are archived (`archived_at`), never deleted.
 * People carry name, phone, organisation and roles only: no ID-card number, ethnicity, religion
 * or political affiliation, by design.
 */
export function registry(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('organisations'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('type', 'text', (col) => col.notNull())
          .addColumn('parent_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('founded_on', 'text')
          .addColumn('contact_name', 'text')
          .addColumn('contact_phone', 'text')
          .addColumn('address', 'text')
          .addColumn('description', 'text')
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('organisations_division').on('organisations').columns(['division_id', 'type']).execute();
      await db.schema.createIndex('organisations_name').on('organisations').columns(['division_id', 'name']).execute();
      await db.schema.createIndex('organisations_parent').on('organisations').column('parent_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('people'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('phone', 'text')
          .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('position', 'text')
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('people_division').on('people').columns(['division_id', 'name']).execute();
      await db.schema.createIndex('people_organisation').on('people').column('organisation_id').execute();

      // One row per membership of an organisation, by another organisation or by a person.
      await withTimestamps(
        withId(db.schema.createTable('memberships'), dialect)
          .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
          .addColumn('member_organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('member_person_id', 'integer', (col) => col.references('people.id'))
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('since', 'text')
          .addColumn('until', 'text'),
      ).execute();
      await db.schema.createIndex('memberships_org').on('memberships').columns(['organisation_id', 'role']).execute();
      await db.schema.createIndex('memberships_member_org').on('memberships').column('member_organisation_id').execute();
      await db.schema.createIndex('memberships_member_person').on('memberships').column('member_person_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('brands'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('field', 'text')
          .addColumn('description', 'text')
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('brands_division').on('brands').column('division_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('venues'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('type', 'text', (col) => col.notNull())
          .addColumn('level', 'text', (col) => col.notNull())
          .addColumn('star_rating', 'integer')
          .addColumn('address', 'text')
          .addColumn('hotline', 'text')
          .addColumn('opening_hours', 'text')
          .addColumn('owner_organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('brand_id', 'integer', (col) => col.references('brands.id'))
          .addColumn('is_public', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('description', 'text')
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('venues_division').on('venues').columns(['division_id', 'type']).execute();
      await db.schema.createIndex('venues_public').on('venues').columns(['is_public', 'division_id']).execute();

      // The managed list of services a resource can offer (legal advice, policy interpretation, …).
      await withTimestamps(
        withId(db.schema.createTable('service_kinds'), dialect)
          .addColumn('code', 'text', (col) => col.notNull().unique())
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('archived_at', 'text'),
      ).execute();

      await withTimestamps(
        withId(db.schema.createTable('resources'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('person_id', 'integer', (col) => col.references('people.id'))
          .addColumn('contact_phone', 'text')
          .addColumn('description', 'text')
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('resources_division').on('resources').columns(['division_id', 'kind']).execute();

      await db.schema
        .createTable('resource_services')
        .addColumn('resource_id', 'integer', (col) => col.notNull().references('resources.id'))
        .addColumn('service_kind_id', 'integer', (col) => col.notNull().references('service_kinds.id'))
        .addPrimaryKeyConstraint('resource_services_pk', ['resource_id', 'service_kind_id'])
        .execute();
      await db.schema.createIndex('resource_services_kind').on('resource_services').column('service_kind_id').execute();
    },
  };
}
