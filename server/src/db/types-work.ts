import type { Generated, Selectable } from 'kysely';

/** Row types of the work tables (migration 0010). Conventions as in types.ts. */

interface Editable {
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProjectsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  goal: string | null;
  responsible_organisation_id: number | null;
  responsible_person_id: number | null;
  brand_id: number | null;
  start_date: string | null;
  end_date: string | null;
  status: string;
  created_by: number | null;
  archived_at: string | null;
}

export interface ProjectMilestonesTable extends Editable {
  id: Generated<number>;
  project_id: number;
  title: string;
  due_date: string;
  completed_at: string | null;
  completed_by: number | null;
  evidence: string | null;
  sort_order: Generated<number>;
  archived_at: string | null;
}

export interface ProjectStatusHistoryTable {
  id: Generated<number>;
  project_id: number;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
}

export interface PairingProgrammesTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  kind: string;
  target_type: string;
  partner_type: string | null;
  start_date: string;
  deadline: string;
  description: string | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface PairsTable extends Editable {
  id: Generated<number>;
  programme_id: number;
  division_id: number;
  organisation_id: number;
  partner_organisation_id: number;
  start_date: string;
  end_date: string | null;
  note: string | null;
  created_by: number | null;
}

export interface ActivitiesTable extends Editable {
  id: Generated<number>;
  division_id: number;
  title: string;
  date: string;
  kind: string;
  venue_id: number | null;
  project_id: number | null;
  pair_id: number | null;
  participant_count: number | null;
  summary: string | null;
  minutes: string | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface ActivityOrganisersTable {
  activity_id: number;
  organisation_id: number;
}

export interface ActivityAttendeesTable {
  id: Generated<number>;
  activity_id: number;
  person_id: number | null;
  user_id: number | null;
}

export interface LiaisonRelationshipsTable extends Editable {
  id: Generated<number>;
  division_id: number;
  cadre_user_id: number;
  person_id: number;
  since: string;
  until: string | null;
  note: string | null;
  created_by: number | null;
  archived_at: string | null;
}

export interface LiaisonContactsTable {
  id: Generated<number>;
  relationship_id: number;
  kind: string;
  date: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  division_id: number | null;
  storage_key: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  created_at: string;
  deleted_at: string | null;
  deleted_by: number | null;
  purged_at: string | null;
}

export interface WorkTables {
  projects: ProjectsTable;
  project_milestones: ProjectMilestonesTable;
  project_status_history: ProjectStatusHistoryTable;
  pairing_programmes: PairingProgrammesTable;
  pairs: PairsTable;
  activities: ActivitiesTable;
  activity_organisers: ActivityOrganisersTable;
  activity_attendees: ActivityAttendeesTable;
  liaison_relationships: LiaisonRelationshipsTable;
  liaison_contacts: LiaisonContactsTable;
  attachments: AttachmentsTable;
}

export type ProjectRow = Selectable<ProjectsTable>;
export type MilestoneRow = Selectable<ProjectMilestonesTable>;
export type ProgrammeRow = Selectable<PairingProgrammesTable>;
export type PairRow = Selectable<PairsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type RelationshipRow = Selectable<LiaisonRelationshipsTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
