/**
 * Who may review what: the conflict rule (a rater never scores an entry of their own organisation)
 * and the "save and next" choice. The API calls these on every write; the UI only mirrors them.
 */

/** An entry as the assignment rules see it: its id and the organisations behind it. */
export interface EntryOwners {
  id: string;
  organisationIds: readonly string[];
}

/**
 * Whether a rater is barred from an entry: they share at least one organisation (a co-submitted
 * entry counts for every organisation behind it).
 *
 * @example
 * hasConflict(['org-7'], ['org-3', 'org-7']) // true
 */
export function hasConflict(raterOrganisationIds: readonly string[], entryOrganisationIds: readonly string[]): boolean {
  const own = new Set(raterOrganisationIds);
  return entryOrganisationIds.some((org) => own.has(org));
}

/**
 * The entries a rater may review, in the given order.
 *
 * @example
 * reviewableEntries(['org-7'], entries).map((e) => e.id)
 */
export function reviewableEntries<T extends EntryOwners>(raterOrganisationIds: readonly string[], entries: readonly T[]): T[] {
  return entries.filter((e) => !hasConflict(raterOrganisationIds, e.organisationIds));
}

/**
 * The entry "save and next" opens: among the entries this rater may review and has not reviewed (or
 * abstained on), the one with the fewest reviews so far, ties by id. Null when the rater is done.
 * Steering raters to thin entries evens out review counts, so fewer entries end with too few.
 *
 * @example
 * nextEntryToReview(entries, new Map([['p1', 3], ['p2', 1]]), new Set(['p3']), ['org-7']) // 'p2'
 */
export function nextEntryToReview(
  entries: readonly EntryOwners[],
  reviewCounts: ReadonlyMap<string, number>,
  doneByRater: ReadonlySet<string>,
  raterOrganisationIds: readonly string[],
): string | null {
  const open = reviewableEntries(raterOrganisationIds, entries).filter((e) => !doneByRater.has(e.id));
  open.sort((a, b) => (reviewCounts.get(a.id) ?? 0) - (reviewCounts.get(b.id) ?? 0) || a.id.localeCompare(b.id));
  return open[0]?.id ?? null;
}

/**
 * A rater's progress for the progress bar (12 / 45): entries done out of entries they may review.
 *
 * @example
 * reviewProgress(entries, new Set(['p1']), ['org-7']) // { done: 1, total: 2 }
 */
export function reviewProgress(
  entries: readonly EntryOwners[],
  doneByRater: ReadonlySet<string>,
  raterOrganisationIds: readonly string[],
): { done: number; total: number } {
  const mine = reviewableEntries(raterOrganisationIds, entries);
  return { done: mine.filter((e) => doneByRater.has(e.id)).length, total: mine.length };
}
