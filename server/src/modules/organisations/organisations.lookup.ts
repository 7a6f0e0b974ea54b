import type { Executor } from '../../db/database.ts';
import type { ImportContext, RowProblem } from '../imports/import-definition.ts';
import { resolveDivision } from '../../kernel/import-helpers.ts';
import { recordsNamed } from './registry-import.repo.ts';

/** A registry record named in a sheet cell, found inside the actor's subtree. */
export interface NamedRecord {
  id: number;
  name: string;
  divisionId: number;
  divisionPath: string;
  archived: boolean;
}

type Lookup = { ok: true; record: NamedRecord } | { ok: false; problem: RowProblem };
type Found = NamedRecord | null | 'ambiguous';

async function findNamed(db: Executor, table: 'organisations' | 'people', scopePath: string | null, name: string, divisionId: number | null): Promise<Found> {
  const rows = await recordsNamed(db, table, scopePath, name, divisionId);
  const active = rows.filter((row) => row.archived_at === null);
  const pick = active.length > 0 ? active : rows;
  if (pick.length > 1) return 'ambiguous';
  const row = pick[0];
  if (!row) return null;
  return { id: row.id, name: row.name, divisionId: row.division_id, divisionPath: row.path, archived: row.archived_at !== null };
}

/**
 * Turn a cell naming an organisation or a person into the record, memoised per import job.
 * Accepts a bare name, unique within the actor's subtree (`华新镇商会`), or a division path and
 * the name (`上海市/青浦区/华新镇/华新镇商会`, `华新镇/王建华`) when the bare name is not unique.
 * Records outside the subtree are never found, so a sheet cannot link to them.
 *
 * @example
 * const found = await resolveNamedCell(trx, ctx, 'organisations', row.parent, 'parent');
 * if (!found.ok) return { ok: false, problems: [found.problem] };
 */
export async function resolveNamedCell(db: Executor, ctx: ImportContext, table: 'organisations' | 'people', cell: string, column: string): Promise<Lookup> {
  const text = cell.trim();
  const memoKey = `registry.${table}:${text}`;
  let found = ctx.memo.get(memoKey) as Found | undefined;
  if (found === undefined) {
    found = await findNamed(db, table, ctx.actor.scopePath, text, null);
    const slash = text.lastIndexOf('/');
    if (found === null && slash > 0) {
      const division = await resolveDivision(db, ctx, text.slice(0, slash), column);
      found = division.ok ? await findNamed(db, table, ctx.actor.scopePath, text.slice(slash + 1).trim(), division.division.id) : null;
    }
    ctx.memo.set(memoKey, found);
  }
  const kind = table === 'organisations' ? 'organisation' : 'person';
  if (found === 'ambiguous') return { ok: false, problem: { column, message: `validation.${kind}_ambiguous`, params: { value: text } } };
  if (found === null) return { ok: false, problem: { column, message: `validation.${kind}_not_found`, params: { value: text } } };
  if (found.archived) return { ok: false, problem: { column, message: 'validation.archived_reference' } };
  return { ok: true, record: found };
}
