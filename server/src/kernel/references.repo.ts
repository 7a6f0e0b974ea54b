import type { Executor } from '../db/database.ts';

/** What a body may point at, and the table behind it. */
export type ReferenceKind = 'division' | 'organisation' | 'person' | 'brand' | 'venue';

const registryTables = { organisation: 'organisations', person: 'people', brand: 'brands', venue: 'venues' } as const;

/**
 * The division path of each referenced record that exists (id → path), in one query per kind.
 * A missing id is simply absent from the map.
 */
export async function pathsOf(db: Executor, kind: ReferenceKind, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  if (kind === 'division') {
    const rows = await db.selectFrom('divisions').select(['id', 'path']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [Number(r.id), r.path]));
  }
  // The four registry tables share id and division_id; the cast names one for the type checker only.
  const t = registryTables[kind] as 'organisations';
  const rows = await db.selectFrom(t).innerJoin('divisions', 'divisions.id', `${t}.division_id`).select([`${t}.id as id`, 'divisions.path as path']).where(`${t}.id`, 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.path]));
}
