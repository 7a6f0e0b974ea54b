import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/**
 * What points at a venue, counted in the reader's scope (live records only): activities held
 * there. Assessments will add theirs here.
 *
 * @example
 * await countVenueLinks(db, 7, '/1/2/') // { activities: 12 }
 */
export async function countVenueLinks(db: Executor, venueId: number, scopePath: string | null): Promise<Record<string, number>> {
  const activities = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('venue_id', '=', venueId)
    .where('archived_at', 'is', null)
    .where(divisionInScope('activities.division_id', scopePath))
    .executeTakeFirstOrThrow();
  return { activities: Number(activities.n) };
}
