import type { Generated } from 'kysely';

/** Row types of the briefing tables (migration 0060). JSON columns are text, parsed in the repo. */
export interface BriefingsTable {
  id: Generated<number>;
  division_id: number;
  period_from: string;
  period_to: string;
  title: string;
  /** JSON: the dashboard figures the draft was generated from. */
  figures: string;
  /** The latest revision's number. */
  revision: Generated<number>;
  created_by: number | null;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BriefingRevisionsTable {
  id: Generated<number>;
  briefing_id: number;
  revision: number;
  title: string;
  /** JSON: `[{ key, heading, text }]` in section order. */
  sections: string;
  created_by: number | null;
  created_at: string;
}

export interface BriefingTables {
  briefings: BriefingsTable;
  briefing_revisions: BriefingRevisionsTable;
}
