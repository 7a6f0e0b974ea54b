import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * Work: projects with milestones and their status history, pairing programmes and pairs,
 * activities (with organisers and attendees), liaison relationships with their contact log, and
 * attachments. Records link to the registry (0002) by id. Records others link to are archived,
 * never deleted; an attachment's file stays on disk until it is purged.
 */
export function work(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withTimestamps(
        withId(db.schema.createTable('projects'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('goal', 'text')
          .addColumn('responsible_organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('responsible_person_id', 'integer', (col) => col.references('people.id'))
          .addColumn('brand_id', 'integer', (col) => col.references('brands.id'))
          .addColumn('start_date', 'text')
          .addColumn('end_date', 'text')
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('projects_division').on('projects').columns(['division_id', 'status']).execute();
      await db.schema.createIndex('projects_responsible').on('projects').column('responsible_organisation_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('project_milestones'), dialect)
          .addColumn('project_id', 'integer', (col) => col.notNull().references('projects.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('due_date', 'text', (col) => col.notNull())
          .addColumn('completed_at', 'text')
          .addColumn('completed_by', 'integer', (col) => col.references('users.id'))
          .addColumn('evidence', 'text')
          .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('project_milestones_project').on('project_milestones').columns(['project_id', 'due_date']).execute();

      // Append-only: every status change of a project, who made it and why.
      await withId(db.schema.createTable('project_status_history'), dialect)
        .addColumn('project_id', 'integer', (col) => col.notNull().references('projects.id'))
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'integer', (col) => col.references('users.id'))
        .addColumn('actor_name', 'text')
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('project_status_history_project').on('project_status_history').columns(['project_id', 'at']).execute();

      // The rule of a programme: every organisation of `target_type` in the programme's division
      // subtree should be paired (with an organisation of `partner_type`, when given).
      await withTimestamps(
        withId(db.schema.createTable('pairing_programmes'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('target_type', 'text', (col) => col.notNull())
          .addColumn('partner_type', 'text')
          .addColumn('start_date', 'text', (col) => col.notNull())
          .addColumn('deadline', 'text', (col) => col.notNull())
          .addColumn('description', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('pairing_programmes_division').on('pairing_programmes').column('division_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('pairs'), dialect)
          .addColumn('programme_id', 'integer', (col) => col.notNull().references('pairing_programmes.id'))
          // The programme's division, copied so the scope filter needs no join.
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
          .addColumn('partner_organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
          .addColumn('start_date', 'text', (col) => col.notNull())
          .addColumn('end_date', 'text')
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id')),
      ).execute();
      await db.schema.createIndex('pairs_programme').on('pairs').columns(['programme_id', 'organisation_id']).execute();
      await db.schema.createIndex('pairs_partner').on('pairs').column('partner_organisation_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('activities'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('date', 'text', (col) => col.notNull())
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('venue_id', 'integer', (col) => col.references('venues.id'))
          .addColumn('project_id', 'integer', (col) => col.references('projects.id'))
          .addColumn('pair_id', 'integer', (col) => col.references('pairs.id'))
          .addColumn('participant_count', 'integer')
          .addColumn('summary', 'text')
          .addColumn('minutes', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('activities_division_date').on('activities').columns(['division_id', 'date']).execute();
      await db.schema.createIndex('activities_venue_date').on('activities').columns(['venue_id', 'date']).execute();
      await db.schema.createIndex('activities_project_date').on('activities').columns(['project_id', 'date']).execute();
      await db.schema.createIndex('activities_pair_date').on('activities').columns(['pair_id', 'date']).execute();

      await db.schema
        .createTable('activity_organisers')
        .addColumn('activity_id', 'integer', (col) => col.notNull().references('activities.id'))
        .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
        .addPrimaryKeyConstraint('activity_organisers_pk', ['activity_id', 'organisation_id'])
        .execute();
      await db.schema.createIndex('activity_organisers_organisation').on('activity_organisers').column('organisation_id').execute();

      // Attendance of a meeting (座谈会): representatives (people) and cadres (users).
      await withId(db.schema.createTable('activity_attendees'), dialect)
        .addColumn('activity_id', 'integer', (col) => col.notNull().references('activities.id'))
        .addColumn('person_id', 'integer', (col) => col.references('people.id'))
        .addColumn('user_id', 'integer', (col) => col.references('users.id'))
        .execute();
      await db.schema.createIndex('activity_attendees_activity').on('activity_attendees').column('activity_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('liaison_relationships'), dialect)
          // The representative's division: whoever is in scope of the person sees the relationship.
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('cadre_user_id', 'integer', (col) => col.notNull().references('users.id'))
          .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id'))
          .addColumn('since', 'text', (col) => col.notNull())
          .addColumn('until', 'text')
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('liaison_relationships_cadre').on('liaison_relationships').column('cadre_user_id').execute();
      await db.schema.createIndex('liaison_relationships_person').on('liaison_relationships').column('person_id').execute();
      await db.schema.createIndex('liaison_relationships_division').on('liaison_relationships').column('division_id').execute();

      // The contact log is append-only: a record of what happened, not a document to edit.
      await withId(db.schema.createTable('liaison_contacts'), dialect)
        .addColumn('relationship_id', 'integer', (col) => col.notNull().references('liaison_relationships.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('date', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('liaison_contacts_relationship').on('liaison_contacts').columns(['relationship_id', 'date']).execute();

      // Files live on disk under a random key; the row says whose they are and what they are.
      await withId(db.schema.createTable('attachments'), dialect)
        .addColumn('owner_type', 'text', (col) => col.notNull())
        .addColumn('owner_id', 'integer', (col) => col.notNull())
        .addColumn('division_id', 'integer', (col) => col.references('divisions.id'))
        .addColumn('storage_key', 'text', (col) => col.notNull().unique())
        .addColumn('file_name', 'text', (col) => col.notNull())
        .addColumn('content_type', 'text', (col) => col.notNull())
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('sha256', 'text', (col) => col.notNull())
        .addColumn('uploaded_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('deleted_by', 'integer', (col) => col.references('users.id'))
        .addColumn('purged_at', 'text')
        .execute();
      await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_type', 'owner_id']).execute();
    },
  };
}
