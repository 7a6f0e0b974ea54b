import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { withId, withTimestamps } from '../columns.ts';

/**
 * Judging and money: competitions (entries, raters, assignments, reviews, decisions), public votes
 * with their one-time codes and rate-limit events, base assessments and star-rating history,
 * charity campaigns (pledges, instalments, receipts), investment leads and talent intakes.
 *
 * Money is integer fen in `*_fen` columns: `bigint` on PostgreSQL (480.4亿元 is 4.8×10^12 fen,
 * beyond a 32-bit integer) and `integer` on SQLite (64-bit already). The int8 type parser in
 * database.ts reads them back as JS numbers, exact below 2^53. Assessment points are stored as
 * integer hundredths (`*_centi`) so both engines compare totals exactly.
 */
export function judgingMoney(dialect: Dialect) {
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // ── Competitions ────────────────────────────────────────────────────────────────────────
      await withTimestamps(
        withId(db.schema.createTable('competitions'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('description', 'text')
          .addColumn('year', 'integer')
          // Groups, dimensions, aggregate, tie rule, award bands: validated by core's scoringSettingsSchema.
          .addColumn('settings', 'text', (col) => col.notNull())
          .addColumn('vote_group_id', 'text')
          .addColumn('vote_live_counts', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('competitions_division').on('competitions').column('division_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('competition_phases'), dialect)
          .addColumn('competition_id', 'integer', (col) => col.notNull().references('competitions.id'))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('opens_at', 'text')
          .addColumn('closes_at', 'text')
          .addColumn('opened_at', 'text')
          .addColumn('closed_at', 'text')
          .addColumn('rater_visibility', 'text', (col) => col.notNull().defaultTo('all'))
          .addColumn('show_other_scores', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('hide_authors', 'integer', (col) => col.notNull().defaultTo(0)),
      ).execute();
      await db.schema.createIndex('competition_phases_kind').on('competition_phases').columns(['competition_id', 'kind']).unique().execute();

      await withTimestamps(
        withId(db.schema.createTable('competition_entries'), dialect)
          .addColumn('competition_id', 'integer', (col) => col.notNull().references('competitions.id'))
          .addColumn('code', 'text', (col) => col.notNull())
          .addColumn('project_id', 'integer', (col) => col.references('projects.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('organisation_name', 'text')
          .addColumn('summary', 'text')
          .addColumn('withdrawn_at', 'text'),
      ).execute();
      await db.schema.createIndex('competition_entries_code').on('competition_entries').columns(['competition_id', 'code']).unique().execute();
      await db.schema.createIndex('competition_entries_project').on('competition_entries').column('project_id').execute();

      await withId(db.schema.createTable('competition_raters'), dialect)
        .addColumn('competition_id', 'integer', (col) => col.notNull().references('competitions.id'))
        .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
        .addColumn('group_id', 'text', (col) => col.notNull())
        // The rater's own organisation: the conflict bar keeps them off its entries.
        .addColumn('organisation_id', 'integer', (col) => col.references('organisations.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('competition_raters_user').on('competition_raters').columns(['competition_id', 'user_id']).unique().execute();
      await db.schema.createIndex('competition_raters_by_user').on('competition_raters').column('user_id').execute();

      await db.schema
        .createTable('competition_assignments')
        .addColumn('competition_id', 'integer', (col) => col.notNull().references('competitions.id'))
        .addColumn('rater_id', 'integer', (col) => col.notNull().references('competition_raters.id'))
        .addColumn('entry_id', 'integer', (col) => col.notNull().references('competition_entries.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('competition_assignments_pk', ['rater_id', 'entry_id'])
        .execute();
      await db.schema.createIndex('competition_assignments_entry').on('competition_assignments').column('entry_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('competition_reviews'), dialect)
          .addColumn('competition_id', 'integer', (col) => col.notNull().references('competitions.id'))
          .addColumn('entry_id', 'integer', (col) => col.notNull().references('competition_entries.id'))
          .addColumn('rater_id', 'integer', (col) => col.notNull().references('competition_raters.id'))
          .addColumn('scores', 'text', (col) => col.notNull())
          .addColumn('comment', 'text')
          .addColumn('abstained', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('abstain_reason', 'text'),
      ).execute();
      // One review per rater per entry, held by the database so two tabs cannot both insert one.
      await db.schema.createIndex('competition_reviews_rater_entry').on('competition_reviews').columns(['rater_id', 'entry_id']).unique().execute();
      await db.schema.createIndex('competition_reviews_competition').on('competition_reviews').columns(['competition_id', 'entry_id']).execute();

      await withTimestamps(
        withId(db.schema.createTable('competition_decisions'), dialect)
          .addColumn('competition_id', 'integer', (col) => col.notNull().unique().references('competitions.id'))
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('awards', 'text', (col) => col.notNull())
          .addColumn('note', 'text')
          .addColumn('show_ranking', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('snapshot', 'text')
          .addColumn('published_at', 'text')
          .addColumn('published_by', 'integer', (col) => col.references('users.id'))
          .addColumn('created_by', 'integer', (col) => col.references('users.id')),
      ).execute();

      // ── Public votes ────────────────────────────────────────────────────────────────────────
      await withId(db.schema.createTable('public_votes'), dialect)
        .addColumn('competition_id', 'integer', (col) => col.notNull().references('competitions.id'))
        .addColumn('entry_id', 'integer', (col) => col.notNull().references('competition_entries.id'))
        // `phone:<sha256>` or `user:<id>`: who voted, without keeping the phone number itself.
        .addColumn('voter_key', 'text', (col) => col.notNull())
        .addColumn('channel', 'text', (col) => col.notNull())
        .addColumn('ip', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      // The one-vote rule lives here: concurrent requests race into this index, not into a check.
      await db.schema.createIndex('public_votes_one').on('public_votes').columns(['competition_id', 'entry_id', 'voter_key']).unique().execute();

      await withId(db.schema.createTable('vote_codes'), dialect)
        .addColumn('phone_hash', 'text', (col) => col.notNull())
        .addColumn('code_hash', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('consumed_at', 'text')
        .execute();
      await db.schema.createIndex('vote_codes_phone').on('vote_codes').columns(['phone_hash', 'created_at']).execute();

      await withId(db.schema.createTable('vote_voters'), dialect)
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('phone_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .execute();

      await withId(db.schema.createTable('vote_rate_events'), dialect)
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('vote_rate_events_key_at').on('vote_rate_events').columns(['key', 'at']).execute();

      // ── Base assessments ────────────────────────────────────────────────────────────────────
      await withTimestamps(
        withId(db.schema.createTable('assessment_checklists'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('venue_type', 'text', (col) => col.notNull())
          .addColumn('year', 'integer', (col) => col.notNull())
          .addColumn('criteria', 'text', (col) => col.notNull())
          .addColumn('star_thresholds', 'text', (col) => col.notNull())
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('assessment_checklists_division').on('assessment_checklists').columns(['division_id', 'year']).execute();

      await withTimestamps(
        withId(db.schema.createTable('venue_assessments'), dialect)
          .addColumn('checklist_id', 'integer', (col) => col.notNull().references('assessment_checklists.id'))
          .addColumn('venue_id', 'integer', (col) => col.notNull().references('venues.id'))
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('total_centi', 'integer')
          .addColumn('stars', 'integer')
          .addColumn('finalised_at', 'text')
          .addColumn('finalised_by', 'integer', (col) => col.references('users.id')),
      ).execute();
      await db.schema.createIndex('venue_assessments_one').on('venue_assessments').columns(['checklist_id', 'venue_id']).unique().execute();
      await db.schema.createIndex('venue_assessments_venue').on('venue_assessments').column('venue_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('assessment_sheets'), dialect)
          .addColumn('assessment_id', 'integer', (col) => col.notNull().references('venue_assessments.id'))
          .addColumn('assessor_id', 'integer', (col) => col.notNull().references('users.id'))
          .addColumn('scores', 'text', (col) => col.notNull())
          .addColumn('comment', 'text'),
      ).execute();
      await db.schema.createIndex('assessment_sheets_one').on('assessment_sheets').columns(['assessment_id', 'assessor_id']).unique().execute();

      await withId(db.schema.createTable('venue_star_history'), dialect)
        .addColumn('venue_id', 'integer', (col) => col.notNull().references('venues.id'))
        .addColumn('stars', 'integer')
        .addColumn('previous_stars', 'integer')
        .addColumn('assessment_id', 'integer', (col) => col.references('venue_assessments.id'))
        .addColumn('total_centi', 'integer')
        .addColumn('changed_by', 'integer', (col) => col.references('users.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('venue_star_history_venue').on('venue_star_history').columns(['venue_id', 'at']).execute();

      // ── Charity campaigns ───────────────────────────────────────────────────────────────────
      await withTimestamps(
        withId(db.schema.createTable('campaigns'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('target_fen', money, (col) => col.notNull())
          .addColumn('start_date', 'text', (col) => col.notNull())
          .addColumn('end_date', 'text')
          .addColumn('beneficiary_division_id', 'integer', (col) => col.references('divisions.id'))
          .addColumn('beneficiary_name', 'text')
          .addColumn('description', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('campaigns_division').on('campaigns').column('division_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('campaign_pledges'), dialect)
          .addColumn('campaign_id', 'integer', (col) => col.notNull().references('campaigns.id'))
          .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
          .addColumn('amount_fen', money, (col) => col.notNull())
          .addColumn('pledged_on', 'text', (col) => col.notNull())
          .addColumn('due_date', 'text')
          .addColumn('note', 'text')
          .addColumn('cancelled_at', 'text'),
      ).execute();
      await db.schema.createIndex('campaign_pledges_campaign').on('campaign_pledges').column('campaign_id').execute();
      await db.schema.createIndex('campaign_pledges_org').on('campaign_pledges').column('organisation_id').execute();

      await withId(db.schema.createTable('pledge_instalments'), dialect)
        .addColumn('pledge_id', 'integer', (col) => col.notNull().references('campaign_pledges.id'))
        .addColumn('due_date', 'text', (col) => col.notNull())
        .addColumn('amount_fen', money, (col) => col.notNull())
        .execute();
      await db.schema.createIndex('pledge_instalments_pledge').on('pledge_instalments').column('pledge_id').execute();

      await withId(db.schema.createTable('campaign_receipts'), dialect)
        .addColumn('campaign_id', 'integer', (col) => col.notNull().references('campaigns.id'))
        .addColumn('pledge_id', 'integer', (col) => col.references('campaign_pledges.id'))
        .addColumn('organisation_id', 'integer', (col) => col.notNull().references('organisations.id'))
        .addColumn('amount_fen', money, (col) => col.notNull())
        .addColumn('received_on', 'text', (col) => col.notNull())
        .addColumn('reference', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'integer', (col) => col.references('users.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        // A receipt entered in error is voided with a reason, never deleted: the books must add up.
        .addColumn('voided_at', 'text')
        .addColumn('void_reason', 'text')
        .execute();
      await db.schema.createIndex('campaign_receipts_campaign').on('campaign_receipts').columns(['campaign_id', 'received_on']).execute();
      await db.schema.createIndex('campaign_receipts_pledge').on('campaign_receipts').column('pledge_id').execute();

      // ── Investment leads and talent ─────────────────────────────────────────────────────────
      await withTimestamps(
        withId(db.schema.createTable('investment_leads'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('firm_name', 'text', (col) => col.notNull())
          .addColumn('sector', 'text')
          .addColumn('origin', 'text', (col) => col.notNull())
          .addColumn('source_organisation_id', 'integer', (col) => col.references('organisations.id'))
          .addColumn('source_note', 'text')
          .addColumn('stage', 'text', (col) => col.notNull())
          .addColumn('contract_fen', money)
          .addColumn('landed_fen', money)
          .addColumn('first_contact_on', 'text')
          .addColumn('signed_on', 'text')
          .addColumn('landed_on', 'text')
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('investment_leads_division').on('investment_leads').columns(['division_id', 'stage']).execute();
      await db.schema.createIndex('investment_leads_signed').on('investment_leads').column('signed_on').execute();

      await withId(db.schema.createTable('lead_stage_history'), dialect)
        .addColumn('lead_id', 'integer', (col) => col.notNull().references('investment_leads.id'))
        .addColumn('from_stage', 'text')
        .addColumn('to_stage', 'text', (col) => col.notNull())
        .addColumn('on_date', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('actor_id', 'integer', (col) => col.references('users.id'))
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('lead_stage_history_lead').on('lead_stage_history').column('lead_id').execute();

      await withTimestamps(
        withId(db.schema.createTable('talent_intakes'), dialect)
          .addColumn('division_id', 'integer', (col) => col.notNull().references('divisions.id'))
          .addColumn('date', 'text', (col) => col.notNull())
          .addColumn('count', 'integer', (col) => col.notNull())
          .addColumn('field', 'text', (col) => col.notNull())
          .addColumn('origin', 'text')
          .addColumn('note', 'text')
          .addColumn('created_by', 'integer', (col) => col.references('users.id'))
          .addColumn('archived_at', 'text'),
      ).execute();
      await db.schema.createIndex('talent_intakes_division').on('talent_intakes').columns(['division_id', 'date']).execute();
    },
  };
}
