import type { Executor } from '../db/database.ts';
import type { DivisionRow } from '../db/types.ts';

/**
 * The division row the scope resolver reads. The kernel keeps its own query (rather than importing
 * the divisions module's repository) so that no kernel file depends on a module.
 */
export async function divisionById(db: Executor, id: number): Promise<DivisionRow | undefined> {
  return db.selectFrom('divisions').selectAll().where('id', '=', id).executeTakeFirst();
}
