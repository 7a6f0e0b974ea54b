import type { Executor } from '../../db/database.ts';
import { childDivisionNamed } from './divisions.repo.ts';

/** Find a division by its names from the root, e.g. `上海市/青浦区/华新镇` (for the CLI and imports). */
export async function findDivisionByNamePath(db: Executor, namePath: string) {
  let parentId: number | null = null;
  let found: { id: number; path: string } | undefined;
  for (const name of namePath.split('/').map((part) => part.trim()).filter(Boolean)) {
    const current: number | null = parentId;
    found = await childDivisionNamed(db, current, name);
    if (!found) return undefined;
    parentId = found.id;
  }
  return found;
}
