import type { Generated } from 'kysely';

/** Row types of participants (0140) and events (0141). */
export interface ParticipantInvitationsTable {
  id: Generated<number>;
  organisation_id: number;
  division_id: number;
  role: string;
  display_name: string | null;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  used_by: number | null;
  created_by: number | null;
  created_at: string;
}

export interface ParticipantCodesTable {
  id: Generated<number>;
  phone_hash: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ProfileProposalsTable {
  id: Generated<number>;
  organisation_id: number;
  division_id: number;
  status: string;
  changes: string;
  proposed_by: number;
  decided_by: number | null;
  decided_at: string | null;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  activity_id: number;
  division_id: number;
  starts_at: string;
  ends_at: string;
  place: string | null;
  capacity: number;
  audience: string;
  /** The chamber (organisation) of `chamber_members`, the pairing programme of `programme`. */
  audience_ref_id: number | null;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  waiting_list: number;
  secret: string;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  status: string;
  created_at: string;
}

export interface EventCheckInsTable {
  event_id: number;
  user_id: number;
  at: string;
}

export interface CalendarFeedsTable {
  user_id: number;
  token_hash: string;
  created_at: string;
}

export interface ParticipantTables {
  participant_invitations: ParticipantInvitationsTable;
  participant_codes: ParticipantCodesTable;
  profile_proposals: ProfileProposalsTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  event_check_ins: EventCheckInsTable;
  calendar_feeds: CalendarFeedsTable;
}
