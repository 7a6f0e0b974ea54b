import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * Requests: the dispatch route (cases, their units and history), the claim route (needs), the
 * direct channel (reports, instructions, assignments, timeline), notifications, the once-only
 * reminder claims, per-office settings, and the public portal's guards (attempt counters,
 * idempotency keys, used challenges, the signing secret).
 *
 * Histories are append-only: clocks are recomputed from them, never stored as counters.
 */
export function requests(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // Settings of one office, inherited by its subtree; JSON parts null = inherit.
      await withTimestamps(
        withId(db.schema.createTable('request_settings'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().unique().references('divisions.id'))
          .addColumn('sla_policy', 'text')
          .addColumn('kpi_settings', 'text')
          .addColumn('holiday_calendar', 'text')
          .addColumn('office_hours', 'text'),
      ).execute();

      // The users who act for an organisation when it claims needs or handles cases.
      await db.schema
        .createTable('organisation_handlers')
        .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('organisation_handlers_pk', ['organisation_id', 'user_id'])
        .execute();
      await db.schema.createIndex('organisation_handlers_user').on('organisation_handlers').column('user_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('cases'), dialect)
          .addColumn('ticket_no', 'text', (col) => col.notNull().unique())
          // Where the matter is (scope), and the office that registered it and dispatches it.
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('office_division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('category', 'text', (col) => col.notNull())
          .addColumn('channel', 'text', (col) => col.notNull())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('content', 'text', (col) => col.notNull())
          .addColumn('submitter_name', 'text')
          .addColumn('submitter_phone', 'text')
          .addColumn('submitter_organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('state', 'text', (col) => col.notNull())
          // The lead unit of the last dispatch (kept after a return, for the figures).
          .addColumn('lead_unit_type', 'text')
          .addColumn('lead_unit_id', 'integer')
          .addColumn('reply', 'text')
          .addColumn('satisfaction', 'text')
          .addColumn('solved', 'integer')
          .addColumn('unit_at_fault', 'integer')
          .addColumn('received_at', 'text', (col) => col.notNull())
          .addColumn('closed_at', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id')),
      ).execute();
      await db.schema.createIndex('cases_division_state').on('cases').columns(['division_id', 'state']).execute();
      await db.schema.createIndex('cases_office_state').on('cases').columns(['office_division_id', 'state']).execute();
      await db.schema.createIndex('cases_lead_unit').on('cases').columns(['lead_unit_type', 'lead_unit_id', 'state']).execute();
      await db.schema.createIndex('cases_received').on('cases').column('received_at').execute();

      // Every unit a case was ever dispatched to (lead or assisting); `active` marks the current round.
      await withId(db.schema.createTable('case_units'), dialect)
        .addColumn('case_id', 'integer', (col) => col.notNull().references('cases.id'))
        .addColumn('unit_type', 'text', (col) => col.notNull())
        .addColumn('unit_id', 'integer', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull())
        .addColumn('active', 'integer', (col) => col.notNull())
        .addColumn('dispatched_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('case_units_case').on('case_units').column('case_id').execute();
      await db.schema.createIndex('case_units_unit').on('case_units').columns(['unit_type', 'unit_id', 'active']).execute();

      await withId(db.schema.createTable('case_events'), dialect)
        .addColumn('case_id', 'integer', (col) => col.notNull().references('cases.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'integer', (col) => col.references('users.id'))
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('note', 'text')
        .addColumn('is_public', 'integer', (col) => col.notNull())
        .addColumn('unit_type', 'text')
        .addColumn('unit_id', 'integer')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();

      await withTimestamps(
        withId(db.schema.createTable('needs'), dialect)
          .addColumn('ticket_no', 'text', (col) => col.unique())
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          // The office whose staff publish, confirm and are reminded (the community's, or the town's above it).
          .addColumn('office_division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('description', 'text')
          .addColumn('wanted_by', 'text')
          .addColumn('state', 'text', (col) => col.notNull())
          .addColumn('published_at', 'text')
          .addColumn('claimant_organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('claimed_at', 'text')
          .addColumn('fulfilled_at', 'text')
          .addColumn('confirmed_at', 'text')
          .addColumn('channel', 'text', (col) => col.notNull())
          .addColumn('submitter_name', 'text')
          .addColumn('submitter_phone', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id')),
      ).execute();
      await db.schema.createIndex('needs_division_state').on('needs').columns(['division_id', 'state']).execute();
      await db.schema.createIndex('needs_office_state').on('needs').columns(['office_division_id', 'state']).execute();
      await db.schema.createIndex('needs_claimant').on('needs').columns(['claimant_organisation_id', 'state']).execute();

      await db.schema
        .createTable('need_services')
        .addColumn('need_id', 'integer', (col) => col.notNull().references('needs.id'))
        .addColumn('service_kind_id', 'integer', (col) => col.notNull().references('service_kinds.id'))
        .addPrimaryKeyConstraint('need_services_pk', ['need_id', 'service_kind_id'])
        .execute();
      await db.schema.createIndex('need_services_kind').on('need_services').column('service_kind_id').execute();

      await withId(db.schema.createTable('need_events'), dialect)
        .addColumn('need_id', 'integer', (col) => col.notNull().references('needs.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'integer', (col) => col.references('users.id'))
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('note', 'text')
        .addColumn('is_public', 'integer', (col) => col.notNull())
        .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
        .execute();
      await db.schema.createIndex('need_events_need').on('need_events').columns(['need_id', 'at']).execute();

      await withTimestamps(
        withId(db.schema.createTable('dc_reports'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('office_division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('content', 'text', (col) => col.notNull())
          .addColumn('state', 'text', (col) => col.notNull())
          .addColumn('submitted_by', 'integer', (col) => col.references('users.id'))
          .addColumn('submitted_at', 'text', (col) => col.notNull())
          .addColumn('closed_at', 'text'),
      ).execute();
      await db.schema.createIndex('dc_reports_division').on('dc_reports').columns(['division_id', 'state']).execute();
      await db.schema.createIndex('dc_reports_office').on('dc_reports').columns(['office_division_id', 'state']).execute();
      await db.schema.createIndex('dc_reports_organisation').on('dc_reports').column('organisation_id').execute();

      await withId(db.schema.createTable('dc_instructions'), dialect)
        .addColumn('report_id', 'integer', (col) => col.notNull().references('dc_reports.id'))
        .addColumn('leader_name', 'text', (col) => col.notNull())
        .addColumn('content', 'text', (col) => col.notNull())
        .addColumn('instructed_at', 'text', (col) => col.notNull())
        .addColumn('recorded_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('dc_instructions_report').on('dc_instructions').column('report_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('dc_assignments'), dialect)
          .addColumn('report_id', 'integer', (col) => col.notNull().references('dc_reports.id'))
          .addColumn('unit_type', 'text', (col) => col.notNull())
          .addColumn('unit_id', 'integer', (col) => col.notNull())
          .addColumn('task', 'text')
          .addColumn('deadline', 'text', (col) => col.notNull())
          .addColumn('state', 'text', (col) => col.notNull())
          .addColumn('accepted_at', 'text')
          .addColumn('completed_at', 'text')
          .addColumn('evidence', 'text'),
      ).execute();
      await db.schema.createIndex('dc_assignments_report').on('dc_assignments').column('report_id').execute();
      await db.schema.createIndex('dc_assignments_unit').on('dc_assignments').columns(['unit_type', 'unit_id', 'state']).execute();

      await withId(db.schema.createTable('dc_events'), dialect)
        .addColumn('report_id', 'integer', (col) => col.notNull().references('dc_reports.id'))
        .addColumn('assignment_id', 'integer', (col) => col.references('dc_assignments.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_id', 'integer', (col) => col.references('users.id'))
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('unit_type', 'text')
        .addColumn('unit_id', 'integer')
        .execute();
      await db.schema.createIndex('dc_events_report').on('dc_events').columns(['report_id', 'at']).execute();
      await db.schema.createIndex('dc_events_assignment').on('dc_events').columns(['assignment_id', 'action']).execute();

      await withId(db.schema.createTable('notifications'), dialect)
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('entity', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'integer', (col) => col.notNull())
        .addColumn('params', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'id']).execute();

      // A reminder or escalation is sent at most once: whoever inserts this row first sends it.
      await withId(db.schema.createTable('reminder_claims'), dialect)
        .addColumn('entity', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'integer', (col) => col.notNull())
        .addColumn('round_key', 'text', (col) => col.notNull())
        .addColumn('clock', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('reminder_claims_once')
        .on('reminder_claims')
        .columns(['entity', 'entity_id', 'round_key', 'clock', 'kind'])
        .unique()
        .execute();

      // Portal guards. Phones are stored only as keyed hashes here.
      await withId(db.schema.createTable('portal_attempts'), dialect)
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('ip', 'text', (col) => col.notNull())
        .addColumn('phone_hash', 'text')
        .addColumn('success', 'integer', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('portal_attempts_ip').on('portal_attempts').columns(['action', 'ip', 'at']).execute();
      await db.schema.createIndex('portal_attempts_phone').on('portal_attempts').columns(['action', 'phone_hash', 'at']).execute();

      await db.schema
        .createTable('portal_submissions')
        .addColumn('idempotency_key', 'text', (col) => col.primaryKey())
        .addColumn('phone_hash', 'text', (col) => col.notNull())
        .addColumn('ticket_no', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('portal_used_challenges')
        .addColumn('nonce', 'text', (col) => col.primaryKey())
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();

      // Secrets the instances share (the portal's signing key), created on first use.
      await db.schema
        .createTable('app_secrets')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  };
}
