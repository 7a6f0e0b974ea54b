/** Tables of the operations layer (server/src/ops): job leases, facts about the installation. */
export interface JobLeasesTable {
  name: string;
  holder: string | null;
  until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  runs: number;
}

/** One fact about the installation (`demo_data_loaded_at`, …). */
export interface AppFactsTable {
  name: string;
  value: string;
  updated_at: string;
}

export interface OpsTables {
  job_leases: JobLeasesTable;
  app_facts: AppFactsTable;
}
