import type { Executor } from '../../db/database.ts';
import type { ImportJobRow, ImportRowsTable, ImportTables } from '../../db/types-imports.ts';

/** The staging tables are known only to this module; everything else sees the plain `DB`. */
function staging(db: Executor) {
  return db.withTables<ImportTables>();
}

export interface NewJob {
  entity: string;
  actorId: number;
  scopePath: string | null;
  divisionId: number | null;
  fileName: string;
  columns: Array<{ key: string; header: string }>;
  ignoredHeaders: string[];
  rowsTotal: number | null;
  at: string;
  expiresAt: string;
}

export async function insertJob(db: Executor, job: NewJob): Promise<ImportJobRow> {
  return staging(db)
    .insertInto('import_jobs')
    .values({
      entity: job.entity,
      actor_id: job.actorId,
      scope_path: job.scopePath,
      division_id: job.divisionId,
      file_name: job.fileName,
      status: 'parsing',
      columns: JSON.stringify(job.columns),
      ignored_headers: JSON.stringify(job.ignoredHeaders),
      rows_total: job.rowsTotal,
      created_at: job.at,
      updated_at: job.at,
      heartbeat_at: job.at,
      expires_at: job.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findJob(db: Executor, id: number): Promise<ImportJobRow | undefined> {
  return staging(db).selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface Progress {
  rowsParsed: number;
  ok: number;
  error: number;
  duplicate: number;
}

/** Stage a batch of rows and move the counters in the same statement group (one transaction). */
export async function stageRows(db: Executor, jobId: number, rows: ImportRowsTable[], progress: Progress, at: string): Promise<void> {
  if (rows.length > 0) await staging(db).insertInto('import_rows').values(rows).execute();
  await staging(db)
    .updateTable('import_jobs')
    .set({
      rows_parsed: progress.rowsParsed,
      ok_count: progress.ok,
      error_count: progress.error,
      duplicate_count: progress.duplicate,
      updated_at: at,
      heartbeat_at: at,
    })
    .where('id', '=', jobId)
    .execute();
}

export async function finishParsing(
  db: Executor,
  jobId: number,
  outcome: { status: 'ready' | 'failed'; failure: string | null; rowsTotal: number | null; at: string },
): Promise<void> {
  await staging(db)
    .updateTable('import_jobs')
    .set({ status: outcome.status, failure: outcome.failure, rows_total: outcome.rowsTotal, updated_at: outcome.at })
    .where('id', '=', jobId)
    // A job released as stale meanwhile stays failed.
    .where('status', '=', 'parsing')
    .execute();
  if (outcome.status === 'failed') await deleteRows(db, jobId);
}

/**
 * Take a job for confirming: from `ready`, or from `confirming` whose heartbeat stopped before
 * `staleBefore` (its confirm died with its process). False when someone else holds it (a double
 * confirm, or a live confirm on another instance).
 */
export async function beginConfirm(db: Executor, jobId: number, holder: string, at: string, staleBefore: string): Promise<boolean> {
  const result = await staging(db)
    .updateTable('import_jobs')
    .set({ status: 'confirming', holder, heartbeat_at: at, updated_at: at })
    .where('id', '=', jobId)
    .where((eb) =>
      eb.or([eb('status', '=', 'ready'), eb.and([eb('status', '=', 'confirming'), eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<', staleBefore)])]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A running confirm says it is alive; nothing happens once the job has moved on or changed hands. */
export async function beat(db: Executor, jobId: number, holder: string, at: string): Promise<void> {
  await staging(db)
    .updateTable('import_jobs')
    .set({ heartbeat_at: at })
    .where('id', '=', jobId)
    .where('status', '=', 'confirming')
    .where('holder', '=', holder)
    .execute();
}

/** A failed confirm gives the job back (only if it still holds it). */
export async function endConfirm(db: Executor, jobId: number, holder: string, at: string): Promise<void> {
  await staging(db)
    .updateTable('import_jobs')
    .set({ status: 'ready', holder: null, updated_at: at })
    .where('id', '=', jobId)
    .where('status', '=', 'confirming')
    .where('holder', '=', holder)
    .execute();
}

/**
 * The last write of a confirm, inside its transaction: false when the job is no longer this
 * confirm's (taken over after its heartbeat stopped), and the caller must roll back.
 */
export async function markDone(
  db: Executor,
  jobId: number,
  holder: string,
  result: { mode: string; inserted: number; updated: number; skipped: number; at: string },
): Promise<boolean> {
  const done = await staging(db)
    .updateTable('import_jobs')
    .set({
      status: 'done',
      duplicates_mode: result.mode,
      inserted_count: result.inserted,
      updated_count: result.updated,
      skipped_count: result.skipped,
      confirmed_at: result.at,
      updated_at: result.at,
    })
    .where('id', '=', jobId)
    .where('status', '=', 'confirming')
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/**
 * Jobs in `status` whose heartbeat stopped before `staleBefore`: a `confirming` one goes back to
 * `ready` (its transaction died with its process, so nothing was written and the staged rows are
 * intact); a `parsing` one becomes `failed` (`imports.cancelled`) and loses its partial rows.
 */
export async function releaseStale(db: Executor, status: 'confirming' | 'parsing', staleBefore: string, at: string): Promise<number[]> {
  const stale = await staging(db)
    .selectFrom('import_jobs')
    .select('id')
    .where('status', '=', status)
    .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<', staleBefore))
    .execute();
  const released: number[] = [];
  for (const { id } of stale) {
    const result = await staging(db)
      .updateTable('import_jobs')
      .set(status === 'confirming' ? { status: 'ready', holder: null, updated_at: at } : { status: 'failed', failure: 'imports.cancelled', updated_at: at })
      .where('id', '=', id)
      .where('status', '=', status)
      // Checked again in the write: a heartbeat may have come in since the select.
      .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<', staleBefore))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) continue;
    if (status === 'parsing') await deleteRows(db, id);
    released.push(id);
  }
  return released;
}

export type RowFilter = 'all' | 'problems' | 'duplicates' | 'ok';

function filtered(db: Executor, jobId: number, only: RowFilter) {
  let query = staging(db).selectFrom('import_rows').where('job_id', '=', jobId);
  if (only === 'problems') query = query.where('errors', 'is not', null);
  if (only === 'duplicates') query = query.where('errors', 'is', null).where('duplicate_of', 'is not', null);
  if (only === 'ok') query = query.where('errors', 'is', null).where('duplicate_of', 'is', null);
  return query;
}

export async function listRows(db: Executor, jobId: number, only: RowFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    filtered(db, jobId, only)
      .select(['row_number', 'data', 'errors', 'duplicate_of'])
      .orderBy('row_number')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, jobId, only)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The next rows to write, in file order (keyset paging, so 100,000 rows are never all loaded). */
export async function rowsAfter(db: Executor, jobId: number, afterRow: number, limit: number) {
  return staging(db)
    .selectFrom('import_rows')
    .select(['row_number', 'value', 'duplicate_of'])
    .where('job_id', '=', jobId)
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

export async function deleteRows(db: Executor, jobId: number): Promise<void> {
  await staging(db).deleteFrom('import_rows').where('job_id', '=', jobId).execute();
}

/** Jobs left unconfirmed past their time become `expired` and lose their staged rows. */
export async function expireJobs(db: Executor, now: string): Promise<number> {
  const stale = await staging(db)
    .selectFrom('import_jobs')
    .select('id')
    // A job still `parsing` or `confirming` a day later was cut off by a restart.
    .where('status', 'in', ['parsing', 'ready', 'confirming', 'failed'])
    .where('expires_at', '<', now)
    .execute();
  for (const { id } of stale) {
    await deleteRows(db, id);
    await staging(db).updateTable('import_jobs').set({ status: 'expired', updated_at: now }).where('id', '=', id).execute();
  }
  return stale.length;
}
