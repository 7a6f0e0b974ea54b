/** The dashboard's rollups (migration 0050); written by triggers, read by the dashboard module. */
export interface DashboardTables {
  division_closure: { ancestor_id: number; descendant_id: number; depth: number };
  dash_rollup: { ancestor_id: number; metric: string; day: string; dim: string; n: number; amount: number };
  dash_case_reply: { case_id: number; on_time: number };
  dash_case_dirty: { case_id: number; seq: number };
}
