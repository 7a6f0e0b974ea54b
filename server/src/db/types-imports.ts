import type { Generated, Selectable } from 'kysely';

/**
 * Staging tables of the Excel import (migration 0011). Kept out of `DB` on purpose: only the
 * imports module reads them, through `db.withTables<ImportTables>()` (type aliases, not interfaces,
 * because `withTables` wants index-signature-compatible types).
 */
export type ImportJobsTable = {
  id: Generated<number>;
  entity: string;
  actor_id: number;
  scope_path: string | null;
  division_id: number | null;
  file_name: string;
  /** parsing → ready → confirming → done; or failed / expired. */
  status: string;
  /** JSON: [{ key, header }] of the columns found in the file, in file order. */
  columns: string;
  /** JSON: headers in the file that match no column. */
  ignored_headers: string;
  rows_total: number | null;
  rows_parsed: Generated<number>;
  ok_count: Generated<number>;
  error_count: Generated<number>;
  duplicate_count: Generated<number>;
  /** Locale key of why parsing failed. */
  failure: string | null;
  duplicates_mode: string | null;
  inserted_count: number | null;
  updated_count: number | null;
  skipped_count: number | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
  confirmed_at: string | null;
  /** Written while a parse or a confirm runs (migration 0100); a stale one means nobody runs it. */
  heartbeat_at: string | null;
  /** Token of the confirm that owns the job (migration 0100). */
  holder: string | null;
};

export type ImportRowsTable = {
  job_id: number;
  row_number: number;
  data: string;
  value: string | null;
  errors: string | null;
  duplicate_of: number | null;
};

export type ImportTables = {
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
};

export type ImportJobRow = Selectable<ImportJobsTable>;
export type ImportRowRow = Selectable<ImportRowsTable>;
