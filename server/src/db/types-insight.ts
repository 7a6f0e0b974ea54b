import type { Generated } from 'kysely';

/** Row types of the insight tables (migration 0160). */
export interface CoverageRulesTable {
  id: Generated<number>;
  division_id: number;
  title: string;
  /** The division level every unit of the rule has: `town` or `village`… */
  unit_level: string;
  /** One of `coverageKinds` in core. */
  kind: string;
  /** The kind's one typed filter (an organisation type, an activity kind), or null. */
  filter_value: string | null;
  min_count: number;
  period_start: string;
  deadline: string;
  notify_days: Generated<number>;
  last_notified_on: string | null;
  created_by: number | null;
  archived_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InsightTables {
  coverage_rules: CoverageRulesTable;
}
