import type { Executor } from '../db/database.ts';
import type { DivisionRow } from '../db/types.ts';

/**
 * The division row the scope resolver reads. The kernel keeps its own query (rather than importing
 * the divisions module's repository) so that no kernel file depends on a module.
 */
export async function divisionById(db: Executor, id: number): Promise<DivisionRow | undefined> {
  return db.selectFrom('divisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Find a division by its names from the root, e.g. `上海市/青浦区/华新镇` (for the CLI and imports). */
export async function findDivisionByNamePath(db: Executor, namePath: string) {
  let parentId: number | null = null;
  let found: { id: number; path: string } | undefined;
  for (const name of namePath.split('/').map((part) => part.trim()).filter(Boolean)) {
    const current: number | null = parentId;
    found = await db
      .selectFrom('divisions')
      .select(['id', 'path'])
      .where((eb) => (current === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', current)))
      .where('name', '=', name)
      .executeTakeFirst();
    if (!found) return undefined;
    parentId = found.id;
  }
  return found;
}
