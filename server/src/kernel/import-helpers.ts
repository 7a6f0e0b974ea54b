import type { Executor } from '../db/database.ts';
import { findDivisionByNamePath } from './scope.repo.ts';
import type { ImportContext, RowProblem } from '../modules/imports/import-definition.ts';

export interface ResolvedDivision {
  id: number;
  path: string;
  level: string;
}

type DivisionLookup = { ok: true; division: ResolvedDivision } | { ok: false; problem: RowProblem };

/**
 * Turn a division cell into a division, memoised per job. Accepts
 * - a name path from the root: `上海市/青浦区/华新镇`;
 * - a name path from the actor's own division: `华新镇/华新村` for a town user of 华新镇;
 * - a bare name, looked up within the actor's subtree (`华新镇`); two matches are ambiguous.
 * The scope check itself is the framework's (it compares the returned path with the actor's).
 *
 * @example
 * const found = await resolveDivision(trx, ctx, row.division, 'division');
 * if (!found.ok) return { ok: false, problems: [found.problem] };
 * found.division.id; // 17
 */
export async function resolveDivision(
  db: Executor,
  ctx: ImportContext,
  cell: string,
  column: string,
): Promise<DivisionLookup> {
  const text = cell
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
  const memoKey = `division:${text}`;
  const cached = ctx.memo.get(memoKey) as ResolvedDivision | null | 'ambiguous' | undefined;
  const outcome = cached !== undefined ? cached : await lookUp(db, ctx, text);
  if (cached === undefined) ctx.memo.set(memoKey, outcome);
  if (outcome === 'ambiguous') {
    return { ok: false, problem: { column, message: 'imports.division_ambiguous', params: { value: text } } };
  }
  if (outcome === null) return { ok: false, problem: { column, message: 'imports.division_not_found', params: { value: text } } };
  return { ok: true, division: outcome };
}

async function lookUp(db: Executor, ctx: ImportContext, text: string): Promise<ResolvedDivision | null | 'ambiguous'> {
  if (!text) return null;
  const select = (id: number) =>
    db.selectFrom('divisions').select(['id', 'path', 'level']).where('id', '=', id).executeTakeFirst();
  const fromRoot = await findDivisionByNamePath(db, text);
  if (fromRoot) return (await select(fromRoot.id)) ?? null;
  const scopePath = ctx.actor.scopePath;
  const names = text.split('/');
  if (names.length > 1 && ctx.actor.divisionId !== null) {
    // A path that starts at the actor's own division: walk down from there.
    const own = await db
      .selectFrom('divisions')
      .select(['id', 'path', 'level', 'name'])
      .where('id', '=', ctx.actor.divisionId)
      .executeTakeFirst();
    if (own && own.name === names[0]) {
      let current: ResolvedDivision | undefined = { id: own.id, path: own.path, level: own.level };
      for (const name of names.slice(1)) {
        current = await db
          .selectFrom('divisions')
          .select(['id', 'path', 'level'])
          .where('parent_id', '=', current.id)
          .where('name', '=', name)
          .executeTakeFirst();
        if (!current) return null;
      }
      return current;
    }
    return null;
  }
  if (names.length > 1) return null;
  let query = db.selectFrom('divisions').select(['id', 'path', 'level']).where('name', '=', text).limit(2);
  if (scopePath !== null) query = query.where('path', 'like', `${scopePath}%`);
  const matches = await query.execute();
  if (matches.length > 1) return 'ambiguous';
  return matches[0] ?? null;
}
