/** Tables of the operations layer (server/src/ops): job leases. */
export interface JobLeasesTable {
  name: string;
  holder: string | null;
  until: string;
  last_started_at: string | null;
  last_finished_at: string | null;
  runs: number;
}

export interface OpsTables {
  job_leases: JobLeasesTable;
}
