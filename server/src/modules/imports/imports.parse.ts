import { isWithinScope } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { ImportRowsTable } from '../../db/types-imports.ts';
import { AppError } from '../../kernel/errors.ts';
import { nowIso } from '../../http/context.ts';
import type { AnyImportDefinition, ImportContext } from './import-definition.ts';
import { finishParsing, stageRows, type Progress } from './imports.repo.ts';
import { problemsFromAppError, problemsFromIssues, problemsFromRow, type StoredProblem } from './imports.problems.ts';
import { normaliseHeader, XlsxLimitError, type SheetRow } from './xlsx-file.ts';

/** Rows staged per transaction while parsing: small enough to show progress, large enough to be quick. */
export const stagingBatchSize = 500;
/** Longest stretch of parsing between two turns of the event loop. */
const yieldEveryMs = 10;

export interface HeaderMatch {
  /** 1-based column index → column key. */
  keys: Map<number, string>;
  /** Columns found, in file order, with the header as the file writes it. */
  columns: Array<{ key: string; header: string }>;
  ignoredHeaders: string[];
  /** Template headers of required columns that the file lacks. */
  missing: string[];
}

/** Match one row's texts against a definition's headers and aliases. */
export function matchHeaders(definition: AnyImportDefinition, cells: Array<string | undefined>): HeaderMatch {
  const byText = new Map<string, string>();
  for (const column of definition.columns) {
    for (const text of [column.header, ...(column.aliases ?? [])]) byText.set(normaliseHeader(text), column.key);
  }
  const keys = new Map<number, string>();
  const columns: HeaderMatch['columns'] = [];
  const ignoredHeaders: string[] = [];
  cells.forEach((text, index) => {
    if (text === undefined) return;
    const key = byText.get(normaliseHeader(text));
    // A second column with the same meaning is ignored rather than silently merged.
    if (key === undefined || columns.some((column) => column.key === key)) {
      ignoredHeaders.push(text);
      return;
    }
    keys.set(index, key);
    columns.push({ key, header: text });
  });
  const missing = definition.columns
    .filter((column) => column.required && !columns.some((found) => found.key === column.key))
    .map((column) => column.header);
  return { keys, columns, ignoredHeaders, missing };
}

/**
 * Find the header row among the first rows (a title line above it is common in office files):
 * the first row that has every required column, or else the closest one, to report what is missing.
 */
export async function findHeader(
  definition: AnyImportDefinition,
  rows: AsyncIterator<SheetRow>,
): Promise<{ match: HeaderMatch; headerRow: number } | null> {
  let best: { match: HeaderMatch; headerRow: number } | null = null;
  for (let looked = 0; looked < 10; looked += 1) {
    const next = await rows.next();
    if (next.done) break;
    const match = matchHeaders(definition, next.value.cells);
    if (match.missing.length === 0 && match.columns.length > 0) return { match, headerRow: next.value.number };
    if (!best || match.columns.length > best.match.columns.length) best = { match, headerRow: next.value.number };
  }
  return best;
}

export interface ParseJob {
  definition: AnyImportDefinition;
  ctx: ImportContext;
  jobId: number;
  header: HeaderMatch;
  rows: AsyncIterator<SheetRow>;
  signal: AbortSignal;
}

/**
 * Read every data row, check it and stage it, 500 rows per transaction, keeping only the current
 * batch and one key per row (for repeats within the file) in memory. Ends with the job `ready`,
 * or `failed` with a reason when the file cannot be read or the server shuts down meanwhile.
 */
export async function parseRows(job: ParseJob): Promise<void> {
  const { ctx, jobId } = job;
  const progress: Progress = { rowsParsed: 0, ok: 0, error: 0, duplicate: 0 };
  const firstRowOfKey = new Map<string, number>();
  let batch: Array<{ row: ImportRowsTable; value: unknown }> = [];
  const flush = async () => {
    const checked = batch.filter((entry) => entry.row.errors === null);
    const existing = await duplicatesOf(job.definition, ctx.db, ctx, checked.map((entry) => entry.value));
    checked.forEach((entry, index) => {
      entry.row.duplicate_of = existing[index] ?? null;
    });
    for (const { row } of batch) {
      if (row.errors !== null) progress.error += 1;
      else if (row.duplicate_of !== null) progress.duplicate += 1;
      else progress.ok += 1;
    }
    progress.rowsParsed += batch.length;
    const staged = batch.map((entry) => entry.row);
    batch = [];
    await ctx.db.transaction().execute((trx) => stageRows(trx, jobId, staged, progress, nowIso(ctx)));
  };
  // SQLite answers synchronously, so a long run of rows would never let another request in:
  // hand the event loop back every few milliseconds.
  let lastYield = Date.now();
  try {
    for (let next = await job.rows.next(); !next.done; next = await job.rows.next()) {
      batch.push(await checkRow(job, next.value, firstRowOfKey));
      if (batch.length >= stagingBatchSize) {
        if (job.signal.aborted) throw new Error('import cancelled: the server is shutting down');
        await flush();
      }
      if (Date.now() - lastYield >= yieldEveryMs) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
    await flush();
    await finishParsing(ctx.db, jobId, { status: 'ready', failure: null, rowsTotal: progress.rowsParsed, at: nowIso(ctx) });
  } catch (error) {
    // A limit crossed mid-file refuses the whole file, naming the row (never echoing the cell).
    const failure = job.signal.aborted
      ? 'imports.cancelled'
      : error instanceof XlsxLimitError
        ? JSON.stringify({ key: error.key, params: error.params })
        : 'imports.unreadable';
    await finishParsing(ctx.db, jobId, { status: 'failed', failure, rowsTotal: null, at: nowIso(ctx) }).catch(() => undefined);
    if (!job.signal.aborted && !(error instanceof XlsxLimitError)) throw error;
  }
}

/**
 * Existing records the values repeat, in order: the definition's batch lookup when it has one,
 * else one `findDuplicate` per value.
 */
export async function duplicatesOf(
  definition: AnyImportDefinition,
  db: Executor,
  ctx: ImportContext,
  values: unknown[],
): Promise<Array<number | null>> {
  if (values.length === 0) return [];
  if (definition.findDuplicates) return definition.findDuplicates(db, ctx, values);
  const found: Array<number | null> = [];
  for (const value of values) found.push(await definition.findDuplicate(db, ctx, value));
  return found;
}

/** One row: cells → schema → resolve → scope → repeats in the file (existing records: per batch). */
async function checkRow(job: ParseJob, row: SheetRow, firstRowOfKey: Map<string, number>): Promise<{ row: ImportRowsTable; value: unknown }> {
  const { definition, ctx } = job;
  const cells: Record<string, string> = {};
  for (const [index, key] of job.header.keys) {
    const text = row.cells[index];
    if (text !== undefined) cells[key] = text;
  }
  const staged = (problems: StoredProblem[] | null, value: unknown) => ({
    row: {
      job_id: job.jobId,
      row_number: row.number,
      data: JSON.stringify(cells),
      value: problems ? null : JSON.stringify(value),
      errors: problems ? JSON.stringify(problems) : null,
      duplicate_of: null,
    },
    value,
  });

  // A character the file itself holds as U+FFFD was lost before it reached us (a broken export,
  // a bad conversion): refuse the row rather than store the damage.
  const damaged = [...job.header.keys.values()].filter((key) => cells[key]?.includes('\uFFFD'));
  if (damaged.length > 0) return staged(damaged.map((key) => ({ column: key, key: 'importLimits.replacement_char' })), null);

  const parsed = definition.rowSchema.safeParse(cells, { reportInput: true });
  if (!parsed.success) return staged(problemsFromIssues(parsed.error.issues), null);
  let outcome;
  try {
    outcome = await definition.resolve(ctx.db, ctx, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return staged(problemsFromAppError(error), null);
    throw error;
  }
  if (!outcome.ok) return staged(problemsFromRow(outcome.problems), null);
  if (!isWithinScope(outcome.divisionPath, ctx.actor.scopePath)) {
    return staged([{ column: definition.scopeColumn ?? null, key: 'imports.out_of_scope' }], null);
  }
  const key = definition.duplicateKey(outcome.value);
  const first = firstRowOfKey.get(key);
  if (first !== undefined) return staged([{ column: null, key: 'imports.duplicate_in_file', params: { row: first } }], null);
  firstRowOfKey.set(key, row.number);
  return staged(null, outcome.value);
}
