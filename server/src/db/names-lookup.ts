import type { Executor } from './database.ts';

/** Registry tables whose live rows are identified by name within a division. */
type NamedTable = 'venues' | 'resources' | 'organisations' | 'brands';

/**
 * Live rows of `table` matching many (division, name) pairs with one query — an import's
 * duplicate check for a whole batch. Returns `divisionId|name` → id.
 *
 * @example
 * const ids = await findLiveIdsByNames(trx, 'venues', [{ divisionId: 3, name: '商会之家' }]);
 */
export async function findLiveIdsByNames(
  db: Executor,
  table: NamedTable,
  pairs: ReadonlyArray<{ divisionId: number; name: string }>,
): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  // The tables share these columns; naming one of them keeps Kysely's types simple.
  const rows = await db
    .selectFrom(table as 'venues')
    .select(['id', 'division_id', 'name'])
    .where('archived_at', 'is', null)
    .where('division_id', 'in', [...new Set(pairs.map((pair) => pair.divisionId))])
    .where('name', 'in', [...new Set(pairs.map((pair) => pair.name))])
    .execute();
  return new Map(rows.map((row) => [`${row.division_id}|${row.name}`, row.id]));
}
