import type { RaterVisibility } from '@tongxin/core';
import { hasConflict, reviewProgress, nextEntryToReview, type EntryOwners } from '@tongxin/core/scoring/index';
import type { RaterRow, ReviewRow } from '../../db/types-judging.ts';
import { entryOrganisationIds, type EntryWithNames } from './entries.repo.ts';

/**
 * What one rater has to do, from the competition's entries, assignments and reviews: the entries
 * they may review now (visibility and the conflict bar applied), which are done, progress and the
 * "save and next" entry. Pure, so the rater view and the organiser's rater list agree.
 */
export interface Workload {
  /** Entries the rater may review, in code order. */
  entries: EntryWithNames[];
  done: Set<string>;
  progress: { done: number; total: number };
  nextEntryId: number | null;
}

export interface WorkloadInput {
  entries: readonly EntryWithNames[];
  assignments: ReadonlyArray<{ rater_id: number; entry_id: number }>;
  reviews: readonly ReviewRow[];
  visibility: RaterVisibility;
}

export function ownersOf(entry: EntryWithNames): EntryOwners {
  return { id: String(entry.id), organisationIds: entryOrganisationIds(entry) };
}

export function raterOrganisations(rater: Pick<RaterRow, 'organisation_id'>): string[] {
  return rater.organisation_id === null ? [] : [String(rater.organisation_id)];
}

/**
 * Whether the conflict bar keeps a rater off an entry.
 *
 * @example
 * isConflicted({ organisation_id: 7 }, entryOfOrganisation7) // true
 */
export function isConflicted(rater: Pick<RaterRow, 'organisation_id'>, entry: EntryWithNames): boolean {
  return hasConflict(raterOrganisations(rater), entryOrganisationIds(entry));
}

/**
 * @example
 * workloadOf(rater, { entries, assignments, reviews, visibility: 'assigned' }).progress // { done: 12, total: 45 }
 */
export function workloadOf(rater: RaterRow, input: WorkloadInput): Workload {
  const assigned = new Set(input.assignments.filter((a) => a.rater_id === rater.id).map((a) => a.entry_id));
  const candidates = input.visibility === 'assigned' ? input.entries.filter((e) => assigned.has(e.id)) : [...input.entries];
  const orgs = raterOrganisations(rater);
  const owners = candidates.map(ownersOf);
  const done = new Set(input.reviews.filter((r) => r.rater_id === rater.id).map((r) => String(r.entry_id)));
  const counts = new Map<string, number>();
  for (const review of input.reviews) if (review.abstained === 0) counts.set(String(review.entry_id), (counts.get(String(review.entry_id)) ?? 0) + 1);
  const next = nextEntryToReview(owners, counts, done, orgs);
  const allowed = new Set(owners.filter((o) => !hasConflict(orgs, o.organisationIds)).map((o) => o.id));
  return {
    entries: candidates.filter((e) => allowed.has(String(e.id))),
    done,
    progress: reviewProgress(owners, done, orgs),
    nextEntryId: next === null ? null : Number(next),
  };
}
