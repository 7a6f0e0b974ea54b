import crypto from 'node:crypto';
import { translate, type ImportConfirm, type ImportJob, type ImportJobDetail, type ImportPreviewQuery } from '@tongxin/core';
import { cutToCodePoints } from '@tongxin/core/input-text';
import type { Executor } from '../../db/database.ts';
import type { ImportJobRow } from '../../db/types-imports.ts';
import { AppError, fieldError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findImportDefinition, type AnyImportDefinition, type ImportContext } from './import-definition.ts';
import './definitions/index.ts';
import { assertCan } from './imports.policy.ts';
import { duplicatesOf, findHeader, parseRows } from './imports.parse.ts';
import { translateProblems, type StoredProblem } from './imports.problems.ts';
import { beat, beginConfirm, deleteRows, endConfirm, expireJobs, findJob, insertJob, listRows, markDone, releaseStale, rowsAfter } from './imports.repo.ts';
import { defaultXlsxLimits, inspectXlsx, readSheetRows, XlsxLimitError } from './xlsx-file.ts';

/** Upload limits: a 100,000-row file of a dozen columns is about 5 MB. */
export const maxImportBytes = 30 * 1024 * 1024;
/** Data rows of the sheet read; the reader counts `<row>` elements, header included, while parsing. */
export const maxImportRows = defaultXlsxLimits.rows - 1;
/** An unconfirmed job (and its staged rows) lives this long. */
export const importJobLifetimeMs = 24 * 60 * 60 * 1000;
/** A running confirm writes its heartbeat this often… */
export const confirmHeartbeatMs = 20_000;
/** …so one silent for this long died with its process (six missed beats, for a busy machine). */
export const confirmStaleMs = 2 * 60_000;
/** A parse beats with every batch of 500 rows; on SQLite a long confirm may hold them up a while. */
export const parseStaleMs = 10 * 60_000;

/** The definition for a URL's entity and the actor's right to import it: 404, then 403. */
export function definitionFor(ctx: ActorContext, entity: string): AnyImportDefinition {
  const definition = findImportDefinition(entity);
  if (!definition) throw notFound('import_entity');
  definition.authorize(ctx.actor);
  return definition;
}

export interface StartedImport {
  job: ImportJob;
  /** The background parse; the routes keep it so shutdown can wait for it. */
  parsing: Promise<void>;
}

/**
 * Check an uploaded file and start parsing it. Answers before the rows are read: the header row
 * is checked here (400 when a required column is missing), the rows are staged in the background
 * and `GET /api/imports/jobs/:id` shows the progress. `file` is deleted when parsing ends.
 */
export async function start(
  ctx: ActorContext,
  entity: string,
  upload: { path: string; fileName: string; cleanUp: () => Promise<void> },
  signal: AbortSignal,
): Promise<StartedImport> {
  let handedOver = false;
  try {
    const definition = definitionFor(ctx, entity);
    const inspection = await refusedAs400(() => inspectXlsx(upload.path));
    if (!inspection) throw fieldError('body.file', 'imports.not_xlsx');
    const rows = readSheetRows(upload.path)[Symbol.asyncIterator]();
    let header;
    try {
      header = await findHeader(definition, rows);
    } catch (error) {
      if (error instanceof XlsxLimitError) throw fieldError('body.file', error.key, error.params);
      throw fieldError('body.file', 'imports.not_xlsx');
    }
    if (!header) throw fieldError('body.file', 'imports.empty_file');
    if (header.match.missing.length > 0) {
      throw fieldError('body.file', 'imports.missing_columns', { columns: header.match.missing.join('、') });
    }
    await expireJobs(ctx.db, nowIso(ctx));
    const at = nowIso(ctx);
    const row = await insertJob(ctx.db, {
      entity: definition.entity,
      actorId: ctx.actor.userId,
      scopePath: ctx.actor.scopePath,
      divisionId: ctx.actor.divisionId,
      fileName: cutToCodePoints(upload.fileName, 200),
      columns: header.match.columns,
      ignoredHeaders: header.match.ignoredHeaders,
      rowsTotal: Math.max(0, inspection.rowEstimate - (header.headerRow - 1)),
      at,
      expiresAt: new Date(ctx.clock.now().getTime() + importJobLifetimeMs).toISOString(),
    });
    const importCtx: ImportContext = { ...ctx, memo: new Map(), jobId: row.id };
    const parsing = parseRows({ definition, ctx: importCtx, jobId: row.id, header: header.match, rows, signal }).finally(upload.cleanUp);
    handedOver = true;
    return { job: toImportJob(row, ctx), parsing };
  } finally {
    if (!handedOver) await upload.cleanUp();
  }
}

/** A limit crossed while looking at the upload is the user's doing: 400 on the file field. */
async function refusedAs400<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof XlsxLimitError) throw fieldError('body.file', error.key, error.params);
    throw error;
  }
}

/** A job the actor may read, with expiry applied on the way: 404, 403. */
async function loadJob(ctx: ActorContext, id: number): Promise<ImportJobRow> {
  const now = nowIso(ctx);
  let job = await findJob(ctx.db, id);
  if (!job) throw notFound('import_job');
  assertCan(ctx.actor, 'read', { actorId: job.actor_id });
  if (job.status !== 'done' && job.status !== 'expired' && job.expires_at < now) {
    await expireJobs(ctx.db, now);
    job = (await findJob(ctx.db, id)) ?? job;
  }
  return job;
}

/** `failure` holds a locale key, or `{ key, params }` as JSON when the message names a row. */
function translateFailure(failure: string, ctx: ActorContext): string {
  if (!failure.startsWith('{')) return translate(ctx.locale, failure);
  const { key, params } = JSON.parse(failure) as { key: string; params?: Record<string, unknown> };
  return translate(ctx.locale, key, params ?? {});
}

export function toImportJob(row: ImportJobRow, ctx: ActorContext): ImportJob {
  const confirmed = row.status === 'done';
  return {
    id: row.id,
    entity: row.entity,
    fileName: row.file_name,
    status: row.status as ImportJob['status'],
    failure: row.failure ? translateFailure(row.failure, ctx) : null,
    rowsTotal: row.rows_total,
    rowsParsed: row.rows_parsed,
    counts: { ok: row.ok_count, error: row.error_count, duplicate: row.duplicate_count },
    columns: JSON.parse(row.columns) as ImportJob['columns'],
    ignoredHeaders: JSON.parse(row.ignored_headers) as string[],
    duplicatesMode: (row.duplicates_mode as ImportJob['duplicatesMode']) ?? null,
    result: confirmed
      ? { inserted: row.inserted_count ?? 0, updated: row.updated_count ?? 0, skipped: row.skipped_count ?? 0 }
      : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    confirmedAt: row.confirmed_at,
  };
}

/** Status, progress, counts and one page of rows with their problems in the reader's language. */
export async function detail(ctx: ActorContext, id: number, query: ImportPreviewQuery): Promise<ImportJobDetail> {
  const job = await loadJob(ctx, id);
  const definition = findImportDefinition(job.entity);
  const page = await listRows(ctx.db, id, query.only, query.page, query.pageSize);
  return {
    ...toImportJob(job, ctx),
    rows: {
      items: page.items.map((row) => ({
        rowNumber: row.row_number,
        cells: JSON.parse(row.data) as Record<string, string>,
        problems: row.errors ? translateProblems(definition, JSON.parse(row.errors) as StoredProblem[], ctx.locale) : [],
        duplicateOf: row.duplicate_of,
      })),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
    },
  };
}

/**
 * Write a checked job: every row or none, in one transaction, new rows in batches, duplicates
 * skipped or updated as asked, one audit entry `import.confirm` with the counts. Refused (409)
 * while parsing, when any row has a problem, after expiry, or when the actor's subtree changed.
 */
export async function confirm(ctx: ActorContext, id: number, input: ImportConfirm): Promise<ImportJob> {
  const job = await loadJob(ctx, id);
  assertCan(ctx.actor, 'confirm', { actorId: job.actor_id });
  const definition = definitionFor(ctx, job.entity);
  if (job.status !== 'ready' && job.status !== 'confirming') throw new AppError('invalid_transition', { details: { reason: `job_${job.status}` } });
  if (job.error_count > 0) throw new AppError('invalid_transition', { details: { reason: 'rows_with_errors', errorRows: job.error_count } });
  if (job.scope_path !== ctx.actor.scopePath) throw new AppError('invalid_transition', { details: { reason: 'scope_changed' } });
  // `confirming` is taken over only when its heartbeat stopped: the confirm died with its process.
  const holder = crypto.randomUUID();
  const staleBefore = new Date(ctx.clock.now().getTime() - confirmStaleMs).toISOString();
  if (!(await beginConfirm(ctx.db, id, holder, nowIso(ctx), staleBefore))) {
    throw new AppError('invalid_transition', { details: { reason: 'job_confirming' } });
  }
  // Beats go through the pool, beside the transaction (on SQLite they wait for it, harmlessly).
  const heartbeat = setInterval(() => void beat(ctx.db, id, holder, nowIso(ctx)).catch(() => undefined), confirmHeartbeatMs);
  heartbeat.unref();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      // Definitions get the transaction as `trx` and as `ctx.db`: a stray `ctx.db` query would
      // otherwise wait for SQLite's one connection, which this transaction holds.
      const importCtx: ImportContext = { ...ctx, db: trx, memo: new Map(), jobId: id };
      const batchSize = definition.batchSize ?? 500;
      const counts = { inserted: 0, updated: 0, skipped: 0 };
      let pending: unknown[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        await definition.insert(trx, importCtx, pending);
        counts.inserted += pending.length;
        pending = [];
      };
      let after = 0;
      for (let rows = await rowsAfter(trx, id, after, batchSize); rows.length > 0; rows = await rowsAfter(trx, id, after, batchSize)) {
        after = rows[rows.length - 1]!.row_number;
        const values: unknown[] = rows.map((row) => JSON.parse(row.value ?? 'null'));
        // Checked again inside the transaction: someone may have added a record since the preview.
        const existing = await duplicatesOf(definition, trx, importCtx, values);
        for (const [index, value] of values.entries()) {
          const duplicateOf = existing[index] ?? null;
          if (duplicateOf === null) {
            pending.push(value);
            if (pending.length >= batchSize) await flush();
          } else if (input.duplicates === 'skip') {
            counts.skipped += 1;
          } else {
            await flush();
            await definition.update(trx, importCtx, duplicateOf, value);
            counts.updated += 1;
          }
        }
      }
      await flush();
      await recordAudit(trx, ctx, {
        action: 'import.confirm',
        entity: definition.entity,
        entityId: id,
        divisionId: job.division_id,
        detail: { file: job.file_name, rows: job.rows_parsed, duplicates: input.duplicates, ...counts },
      });
      // A confirm taken over while it was silent must not write as well: roll back.
      if (!(await markDone(trx, id, holder, { mode: input.duplicates, ...counts, at: nowIso(ctx) }))) {
        throw new AppError('invalid_transition', { details: { reason: 'job_confirming' } });
      }
      await deleteRows(trx, id);
    });
  } catch (error) {
    await endConfirm(ctx.db, id, holder, nowIso(ctx));
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  return toImportJob((await findJob(ctx.db, id))!, ctx);
}

/**
 * Give back jobs nobody runs any more (issue 13): a `confirming` job whose heartbeat stopped goes
 * back to `ready` (its transaction died with its process, nothing was written), a `parsing` one
 * becomes `failed` (upload again). Safe with several instances on one PostgreSQL: a live confirm
 * beats every 20 s and is never released; one released by mistake (a process frozen for minutes)
 * finds at its last write that it lost the job, and rolls back.
 */
export async function releaseStaleImports(db: Executor, now: Date): Promise<{ confirming: number[]; parsing: number[] }> {
  const at = now.toISOString();
  const confirming = await releaseStale(db, 'confirming', new Date(now.getTime() - confirmStaleMs).toISOString(), at);
  const parsing = await releaseStale(db, 'parsing', new Date(now.getTime() - parseStaleMs).toISOString(), at);
  return { confirming, parsing };
}
