import type { Generated } from 'kysely';

/** Row types of requests (migration 0020). Conventions as in types.ts. */

interface Editable {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RequestSettingsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  sla_policy: string | null;
  kpi_settings: string | null;
  holiday_calendar: string | null;
  office_hours: string | null;
}

export interface OrganisationHandlersTable {
  organisation_id: number;
  user_id: number;
  created_at: string;
}

export interface CasesTable extends Editable {
  id: Generated<number>;
  ticket_no: string;
  division_id: number;
  office_division_id: number;
  kind: string;
  category: string;
  channel: string;
  title: string;
  content: string;
  submitter_name: string | null;
  submitter_phone: string | null;
  /** 1 when a portal submitter agreed to be texted about this ticket (migration 0130). */
  notify_consent: Generated<number>;
  submitter_organisation_id: number | null;
  state: string;
  lead_unit_type: string | null;
  lead_unit_id: number | null;
  reply: string | null;
  satisfaction: string | null;
  solved: number | null;
  unit_at_fault: number | null;
  received_at: string;
  closed_at: string | null;
  created_by: number | null;
}

export interface CaseUnitsTable {
  id: Generated<number>;
  case_id: number;
  unit_type: string;
  unit_id: number;
  role: string;
  active: number;
  dispatched_at: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
  is_public: number;
  unit_type: string | null;
  unit_id: number | null;
  detail: string | null;
}

export interface NeedsTable extends Editable {
  id: Generated<number>;
  ticket_no: string | null;
  division_id: number;
  office_division_id: number;
  title: string;
  description: string | null;
  wanted_by: string | null;
  state: string;
  published_at: string | null;
  claimant_organisation_id: number | null;
  claimed_at: string | null;
  fulfilled_at: string | null;
  confirmed_at: string | null;
  channel: string;
  submitter_name: string | null;
  submitter_phone: string | null;
  /** 1 when a portal submitter agreed to be texted about this ticket (migration 0130). */
  notify_consent: Generated<number>;
  created_by: number | null;
}

export interface NeedServicesTable {
  need_id: number;
  service_kind_id: number;
}

export interface NeedEventsTable {
  id: Generated<number>;
  need_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  note: string | null;
  is_public: number;
  organisation_id: number | null;
}

export interface DcReportsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  office_division_id: number;
  organisation_id: number;
  kind: string;
  title: string;
  content: string;
  state: string;
  submitted_by: number | null;
  submitted_at: string;
  closed_at: string | null;
}

export interface DcInstructionsTable {
  id: Generated<number>;
  report_id: number;
  leader_name: string;
  content: string;
  instructed_at: string;
  recorded_by: number | null;
  created_at: string;
}

export interface DcAssignmentsTable extends Editable {
  id: Generated<number>;
  report_id: number;
  unit_type: string;
  unit_id: number;
  task: string | null;
  deadline: string;
  state: string;
  accepted_at: string | null;
  completed_at: string | null;
  evidence: string | null;
}

export interface DcEventsTable {
  id: Generated<number>;
  report_id: number;
  assignment_id: number | null;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  note: string | null;
  unit_type: string | null;
  unit_id: number | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  entity: string;
  entity_id: number;
  params: string;
  created_at: string;
  read_at: string | null;
}

export interface ReminderClaimsTable {
  id: Generated<number>;
  entity: string;
  entity_id: number;
  round_key: string;
  clock: string;
  kind: string;
  at: string;
}

export interface PortalAttemptsTable {
  id: Generated<number>;
  action: string;
  ip: string;
  phone_hash: string | null;
  success: number;
  at: string;
}

export interface PortalSubmissionsTable {
  idempotency_key: string;
  phone_hash: string;
  ticket_no: string;
  created_at: string;
}

export interface PortalUsedChallengesTable {
  nonce: string;
  at: string;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface RequestTables {
  request_settings: RequestSettingsTable;
  organisation_handlers: OrganisationHandlersTable;
  cases: CasesTable;
  case_units: CaseUnitsTable;
  case_events: CaseEventsTable;
  needs: NeedsTable;
  need_services: NeedServicesTable;
  need_events: NeedEventsTable;
  dc_reports: DcReportsTable;
  dc_instructions: DcInstructionsTable;
  dc_assignments: DcAssignmentsTable;
  dc_events: DcEventsTable;
  notifications: NotificationsTable;
  reminder_claims: ReminderClaimsTable;
  portal_attempts: PortalAttemptsTable;
  portal_submissions: PortalSubmissionsTable;
  portal_used_challenges: PortalUsedChallengesTable;
  app_secrets: AppSecretsTable;
}
