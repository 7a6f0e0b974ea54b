import type { Executor } from '../../db/database.ts';

/**
 * What points at a venue, counted in the reader's scope, by kind of record. Nothing in the
 * registry links to a venue; activities (and assessments) will, and add their count here.
 *
 * @example
 * await countVenueLinks(db, 7, '/1/2/') // {}
 */
export async function countVenueLinks(_db: Executor, _venueId: number, _scopePath: string | null): Promise<Record<string, number>> {
  return {};
}
