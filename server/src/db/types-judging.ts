import type { Generated, Selectable } from 'kysely';

/**
 * Row types of the judging and money tables (migration 0030). Conventions as in types.ts; money
 * is integer fen (`*_fen`, bigint on PostgreSQL, read back as numbers), assessment points are
 * integer hundredths (`*_centi`).
 */

interface Editable {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CompetitionsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  description: string | null;
  year: number | null;
  /** JSON of core's ScoringSettings. */
  settings: string;
  vote_group_id: string | null;
  vote_live_counts: Generated<number>;
  created_by: number | null;
  archived_at: string | null;
}

export interface CompetitionPhasesTable extends Editable {
  id: Generated<number>;
  competition_id: number;
  kind: string;
  opens_at: string | null;
  closes_at: string | null;
  opened_at: string | null;
  closed_at: string | null;
  rater_visibility: Generated<string>;
  show_other_scores: Generated<number>;
  hide_authors: Generated<number>;
}

export interface CompetitionEntriesTable extends Editable {
  id: Generated<number>;
  competition_id: number;
  code: string;
  project_id: number | null;
  title: string;
  organisation_id: number | null;
  organisation_name: string | null;
  summary: string | null;
  withdrawn_at: string | null;
}

export interface CompetitionRatersTable {
  id: Generated<number>;
  competition_id: number;
  user_id: number;
  group_id: string;
  organisation_id: number | null;
  created_at: string;
}

export interface CompetitionAssignmentsTable {
  competition_id: number;
  rater_id: number;
  entry_id: number;
  created_at: string;
}

export interface CompetitionReviewsTable extends Editable {
  id: Generated<number>;
  competition_id: number;
  entry_id: number;
  rater_id: number;
  /** JSON `{ dimensionId: score }`; `{}` for an abstention. */
  scores: string;
  comment: string | null;
  abstained: Generated<number>;
  abstain_reason: string | null;
}

export interface CompetitionDecisionsTable extends Editable {
  id: Generated<number>;
  competition_id: number;
  status: string;
  /** JSON `[{ entryId, awardId }]`. */
  awards: string;
  note: string | null;
  show_ranking: Generated<number>;
  /** JSON of the public result, frozen at publication. */
  snapshot: string | null;
  published_at: string | null;
  published_by: number | null;
  created_by: number | null;
}

export interface PublicVotesTable {
  id: Generated<number>;
  competition_id: number;
  entry_id: number;
  voter_key: string;
  channel: string;
  ip: string | null;
  created_at: string;
}

export interface VoteCodesTable {
  id: Generated<number>;
  phone_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface VoteVotersTable {
  id: Generated<number>;
  token_hash: string;
  phone_hash: string;
  created_at: string;
  expires_at: string;
}

export interface VoteRateEventsTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface AssessmentChecklistsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  venue_type: string;
  year: number;
  /** JSON of core's criteria list. */
  criteria: string;
  star_thresholds: string;
  created_by: number | null;
  archived_at: string | null;
}

export interface VenueAssessmentsTable extends Editable {
  id: Generated<number>;
  checklist_id: number;
  venue_id: number;
  status: string;
  total_centi: number | null;
  stars: number | null;
  finalised_at: string | null;
  finalised_by: number | null;
}

export interface AssessmentSheetsTable extends Editable {
  id: Generated<number>;
  assessment_id: number;
  assessor_id: number;
  scores: string;
  comment: string | null;
}

export interface VenueStarHistoryTable {
  id: Generated<number>;
  venue_id: number;
  stars: number | null;
  previous_stars: number | null;
  assessment_id: number | null;
  total_centi: number | null;
  changed_by: number | null;
  at: string;
}

export interface CampaignsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  target_fen: number;
  start_date: string;
  end_date: string | null;
  beneficiary_division_id: number | null;
  beneficiary_name: string | null;
  description: string | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface CampaignPledgesTable extends Editable {
  id: Generated<number>;
  campaign_id: number;
  organisation_id: number;
  amount_fen: number;
  pledged_on: string;
  due_date: string | null;
  note: string | null;
  cancelled_at: string | null;
}

export interface PledgeInstalmentsTable {
  id: Generated<number>;
  pledge_id: number;
  due_date: string;
  amount_fen: number;
}

export interface CampaignReceiptsTable {
  id: Generated<number>;
  campaign_id: number;
  pledge_id: number | null;
  organisation_id: number;
  amount_fen: number;
  received_on: string;
  reference: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface InvestmentLeadsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  firm_name: string;
  sector: string | null;
  origin: string;
  source_organisation_id: number | null;
  source_note: string | null;
  stage: string;
  contract_fen: number | null;
  landed_fen: number | null;
  first_contact_on: string | null;
  signed_on: string | null;
  landed_on: string | null;
  note: string | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface LeadStageHistoryTable {
  id: Generated<number>;
  lead_id: number;
  from_stage: string | null;
  to_stage: string;
  on_date: string;
  note: string | null;
  actor_id: number | null;
  at: string;
}

export interface TalentIntakesTable extends Editable {
  id: Generated<number>;
  division_id: number;
  date: string;
  count: number;
  field: string;
  origin: string | null;
  note: string | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface JudgingTables {
  competitions: CompetitionsTable;
  competition_phases: CompetitionPhasesTable;
  competition_entries: CompetitionEntriesTable;
  competition_raters: CompetitionRatersTable;
  competition_assignments: CompetitionAssignmentsTable;
  competition_reviews: CompetitionReviewsTable;
  competition_decisions: CompetitionDecisionsTable;
  public_votes: PublicVotesTable;
  vote_codes: VoteCodesTable;
  vote_voters: VoteVotersTable;
  vote_rate_events: VoteRateEventsTable;
  assessment_checklists: AssessmentChecklistsTable;
  venue_assessments: VenueAssessmentsTable;
  assessment_sheets: AssessmentSheetsTable;
  venue_star_history: VenueStarHistoryTable;
  campaigns: CampaignsTable;
  campaign_pledges: CampaignPledgesTable;
  pledge_instalments: PledgeInstalmentsTable;
  campaign_receipts: CampaignReceiptsTable;
  investment_leads: InvestmentLeadsTable;
  lead_stage_history: LeadStageHistoryTable;
  talent_intakes: TalentIntakesTable;
}

export type CompetitionRow = Selectable<CompetitionsTable>;
export type PhaseRow = Selectable<CompetitionPhasesTable>;
export type EntryRow = Selectable<CompetitionEntriesTable>;
export type RaterRow = Selectable<CompetitionRatersTable>;
export type ReviewRow = Selectable<CompetitionReviewsTable>;
export type DecisionRow = Selectable<CompetitionDecisionsTable>;
export type ChecklistRow = Selectable<AssessmentChecklistsTable>;
export type AssessmentRow = Selectable<VenueAssessmentsTable>;
export type SheetRow = Selectable<AssessmentSheetsTable>;
export type CampaignRow = Selectable<CampaignsTable>;
export type PledgeRow = Selectable<CampaignPledgesTable>;
export type ReceiptRow = Selectable<CampaignReceiptsTable>;
export type LeadRow = Selectable<InvestmentLeadsTable>;
export type TalentRow = Selectable<TalentIntakesTable>;
