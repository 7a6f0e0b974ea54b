import type { Actor } from '@tongxin/core';
import type { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import type { ActorContext } from '../../http/context.ts';

/**
 * The contract every importable list implements (organisations, members, people, venues,
 * resources, divisions). The framework in this folder owns the file, the streaming, the staging
 * tables, the preview, the scope check, duplicate bookkeeping, the one transaction and the audit
 * entry; a definition only knows its columns and its table.
 *
 * Life of a row:
 * 1. cells → `{ [column.key]: string }` (trimmed text; empty cells are absent; dates `YYYY-MM-DD`;
 *    numbers as written, so `13812345678` stays a string for a phone schema);
 * 2. `rowSchema.safeParse` → `Row` (messages are locale keys, like every other schema);
 * 3. `resolve(trx, ctx, row)` → names become ids; returns the division path the record will live
 *    in, and the framework rejects the row when that path is outside the actor's subtree;
 * 4. `duplicateKey(value)` finds repeats inside the file (an error for the later row), and
 *    `findDuplicate` finds an existing record (the user then picks skip or update);
 * 5. on confirm, in ONE transaction: `insert` for new rows in batches of `batchSize`, in file
 *    order, and `update` for duplicates when the user chose update.
 *
 * `resolve` and `findDuplicate` run at upload (preview) and `findDuplicate` again at confirm,
 * inside the writing transaction, so a record created by someone else in between is still seen.
 */
export interface ImportColumn<Row> {
  /** Field of `Row` (and of the staged raw cells) this column fills. */
  key: keyof Row & string;
  /** Header as written in the template (简体中文), e.g. `名称`. */
  header: string;
  /** Other headers accepted for the same column, e.g. the zh-TW `名稱` or `单位名称`. */
  aliases?: readonly string[];
  required: boolean;
  /** Value shown in the template's example row, e.g. `华新镇商会`. */
  example: string;
  /** One line for the template's note sheet (简体中文): what goes in the cell and in which form. */
  note: string;
  /** Allowed values (e.g. `['省', '市', '区县', '街镇', '村居']`): a drop-down in the template. */
  choices?: readonly string[];
}

/** A problem with one cell, reported as row number + column header + translated message. */
export interface RowProblem<Row = Record<string, unknown>> {
  /** Column key (mapped to its header by the framework); omit for a problem with the whole row. */
  column?: keyof Row & string;
  /** Locale key, e.g. `imports.division_not_found`; must exist in all three locale files. */
  message: string;
  params?: Record<string, unknown>;
}

export type ResolveOutcome<Resolved, Row = Record<string, unknown>> =
  | {
      ok: true;
      /** What `insert`/`update` receive; stored as JSON in the staging table, so plain data only. */
      value: Resolved;
      /** Materialised path (`/1/4/17/`) of the division the record belongs to: the scope check. */
      divisionPath: string;
    }
  | { ok: false; problems: Array<RowProblem<Row>> };

/**
 * What a definition's functions receive: the request context plus a memo that lives as long as
 * one job's parse or confirm, so 100,000 rows naming the same town cost one lookup, not 100,000.
 */
export interface ImportContext extends ActorContext {
  memo: Map<string, unknown>;
  /** The staging job, for definitions that keep per-file state in `memo` under their own keys. */
  jobId: number;
}

/**
 * One importable entity. `Row` is the output of `rowSchema`; `Resolved` is what gets written
 * (ids instead of names). Functions use method syntax on purpose: the registry stores
 * definitions of different row types side by side.
 *
 * @example
 * export const organisationImport: ImportDefinition<OrgRow, OrgResolved> = {
 *   entity: 'organisation',
 *   label: 'entities.organisation',
 *   columns: [
 *     { key: 'division', header: '所属区划', required: true, example: '上海市/青浦区/华新镇', note: '区划名称路径，用 / 分隔' },
 *     { key: 'name', header: '名称', aliases: ['名稱'], required: true, example: '华新镇商会', note: '最多 100 字' },
 *   ],
 *   rowSchema: z.object({ division: z.string().min(1), name: z.string().min(1).max(100) }),
 *   authorize: (actor) => assertCan(actor, 'create', null),
 *   async resolve(trx, ctx, row) {
 *     const division = await resolveDivision(trx, ctx, row.division); // helper in import-helpers.ts
 *     if (!division) return { ok: false, problems: [{ column: 'division', message: 'imports.division_not_found' }] };
 *     return { ok: true, value: { divisionId: division.id, name: row.name }, divisionPath: division.path };
 *   },
 *   duplicateKey: (value) => `${value.divisionId}|${value.name}`,
 *   findDuplicate: async (trx, _ctx, value) =>
 *     (await trx.selectFrom('organisations').select('id')
 *       .where('division_id', '=', value.divisionId).where('name', '=', value.name)
 *       .where('archived_at', 'is', null).executeTakeFirst())?.id ?? null,
 *   insert: async (trx, ctx, values) => { await trx.insertInto('organisations').values(values.map(...)).execute(); },
 *   update: async (trx, ctx, id, value) => { await trx.updateTable('organisations').set(...).where('id', '=', id).execute(); },
 * };
 */
export interface ImportDefinition<Row extends Record<string, unknown>, Resolved = Row> {
  /** URL segment and audit entity, e.g. `organisation` → `/api/imports/organisation/template`. */
  entity: string;
  /** Locale key naming the list, e.g. `entities.organisation` (file and sheet names). */
  label: string;
  columns: ReadonlyArray<ImportColumn<Row>>;
  /** Parses the cells of one row (all strings, see above); its messages are locale keys. */
  rowSchema: z.ZodType<Row>;
  /** Throws `AppError('forbidden')` when the actor may not import this list at all (403 before upload). */
  authorize(actor: Actor): void;
  resolve(trx: Executor, ctx: ImportContext, row: Row): Promise<ResolveOutcome<Resolved, Row>>;
  /** Same key = same record ("same name in the same division"), e.g. `${divisionId}|${name}`. */
  duplicateKey(value: Resolved): string;
  /** Id of the existing (not archived) record this row duplicates, or null. */
  findDuplicate(trx: Executor, ctx: ImportContext, value: Resolved): Promise<number | null>;
  /**
   * Optional batch form of `findDuplicate` (same order as `values`), one query per batch instead
   * of one per row: a large speed-up for big files (see bench/RESULTS.md). Used when present.
   */
  findDuplicates?(trx: Executor, ctx: ImportContext, values: Resolved[]): Promise<Array<number | null>>;
  /** Insert a batch (≤ `batchSize`) in one statement where possible. Runs inside the confirm transaction. */
  insert(trx: Executor, ctx: ImportContext, values: Resolved[]): Promise<void>;
  /** Overwrite the existing record `id` with the row (bumping `version`). Runs inside the confirm transaction. */
  update(trx: Executor, ctx: ImportContext, id: number, value: Resolved): Promise<void>;
  /** Rows per `insert` call; default 500 (keeps PostgreSQL and SQLite under their parameter limits). */
  batchSize?: number;
  /** Column blamed when a row's division is outside the actor's subtree (e.g. `division`). */
  scopeColumn?: keyof Row & string;
}

/** A definition with its types erased, as the framework holds it. */
export type AnyImportDefinition = ImportDefinition<Record<string, unknown>, unknown>;

const registry = new Map<string, AnyImportDefinition>();

/**
 * Make an entity importable. Called once per definition from `definitions/index.ts`.
 *
 * @example
 * registerImportDefinition(organisationImport);
 */
export function registerImportDefinition<Row extends Record<string, unknown>, Resolved>(
  definition: ImportDefinition<Row, Resolved>,
): void {
  if (registry.has(definition.entity)) throw new Error(`Import definition registered twice: ${definition.entity}`);
  registry.set(definition.entity, definition as unknown as AnyImportDefinition);
}

/**
 * The definition for an entity, or undefined (the routes answer 404).
 *
 * @example
 * findImportDefinition('division')?.columns.map((c) => c.header) // ['上级区划', '名称', '层级', '区划代码']
 */
export function findImportDefinition(entity: string): AnyImportDefinition | undefined {
  return registry.get(entity);
}

/** Entities that can be imported, for the UI's list of templates. */
export function importEntities(): string[] {
  return [...registry.keys()];
}
