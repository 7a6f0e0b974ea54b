import type { VenueLevel, VenueType } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export interface PublicVenueSearch {
  /** Subtree to search (a division's path), or null for everywhere. */
  subtreePath: string | null;
  q?: string | undefined;
  type?: VenueType[] | undefined;
  page: number;
  pageSize: number;
}

/**
 * Public, live venues only, and only the columns a venue publishes about itself: the owner's
 * contact, descriptions and people are never selected, so they cannot leak by mistake.
 * `venues_public (is_public, division_id)` serves the filter.
 */
export async function searchPublicVenues(db: Executor, search: PublicVenueSearch) {
  let base = db
    .selectFrom('venues')
    .innerJoin('divisions', 'divisions.id', 'venues.division_id')
    .where('venues.is_public', '=', 1)
    .where('venues.archived_at', 'is', null);
  if (search.subtreePath !== null) base = base.where(divisionInScope('venues.division_id', search.subtreePath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('venues.name', q), containsText('venues.address', q)]));
  }
  if (search.type) base = base.where('venues.type', 'in', search.type);
  const [rows, count] = await Promise.all([
    base
      .select([
        'venues.id',
        'venues.name',
        'venues.type',
        'venues.level',
        'venues.star_rating',
        'venues.address',
        'venues.hotline',
        'venues.opening_hours',
        'venues.division_id',
        'divisions.path as division_path',
      ])
      .orderBy('divisions.path')
      .orderBy('venues.name')
      .orderBy('venues.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, type: row.type as VenueType, level: row.level as VenueLevel })),
    total: Number(count.n),
  };
}

/**
 * How many public, live venues each division holds directly, with the division's path: one
 * grouped query over the `venues_public` index, bounded by the number of divisions that have one.
 */
export async function publicVenueCounts(db: Executor): Promise<Array<{ path: string; n: number }>> {
  const rows = await db
    .selectFrom('venues')
    .innerJoin('divisions', 'divisions.id', 'venues.division_id')
    .select(['divisions.path', (eb) => eb.fn.countAll<number>().as('n')])
    .where('venues.is_public', '=', 1)
    .where('venues.archived_at', 'is', null)
    .groupBy(['venues.division_id', 'divisions.path'])
    .execute();
  return rows.map((row) => ({ path: row.path, n: Number(row.n) }));
}
