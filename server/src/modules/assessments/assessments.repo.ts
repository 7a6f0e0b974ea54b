import type { Assessment, AssessmentListQuery } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { AssessmentRow, SheetRow } from '../../db/types-judging.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type AssessmentWithNames = AssessmentRow & {
  checklist_title: string;
  year: number;
  venue_name: string;
  venue_type: string;
  venue_level: string;
  venue_division_id: number;
  venue_division_name: string;
  venue_division_path: string;
  venue_star_rating: number | null;
  sheet_count: number;
};

/** Points are stored as integer hundredths; the API speaks points. */
export const fromCenti = (centi: number | null): number | null => (centi === null ? null : centi / 100);
export const toCenti = (points: number): number => Math.round(points * 100);

export function toAssessment(row: AssessmentWithNames): Assessment {
  return {
    id: row.id,
    checklistId: row.checklist_id,
    checklistTitle: row.checklist_title,
    year: row.year,
    venue: {
      id: row.venue_id,
      name: row.venue_name,
      type: row.venue_type as Assessment['venue']['type'],
      level: row.venue_level as Assessment['venue']['level'],
      divisionId: row.venue_division_id,
      divisionName: row.venue_division_name,
      starRating: row.venue_star_rating,
    },
    status: row.status as Assessment['status'],
    sheetCount: Number(row.sheet_count),
    total: fromCenti(row.total_centi),
    stars: row.stars,
    finalisedAt: row.finalised_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectAssessments(db: Executor) {
  return db
    .selectFrom('venue_assessments as a')
    .innerJoin('assessment_checklists as k', 'k.id', 'a.checklist_id')
    .innerJoin('venues as v', 'v.id', 'a.venue_id')
    .innerJoin('divisions as d', 'd.id', 'v.division_id')
    .selectAll('a')
    .select((eb) => [
      'k.title as checklist_title',
      'k.year',
      'v.name as venue_name',
      'v.type as venue_type',
      'v.level as venue_level',
      'v.division_id as venue_division_id',
      'd.name as venue_division_name',
      'd.path as venue_division_path',
      'v.star_rating as venue_star_rating',
      eb.selectFrom('assessment_sheets as s').whereRef('s.assessment_id', '=', 'a.id').select((inner) => inner.fn.countAll<number>().as('n')).as('sheet_count'),
    ]);
}

export async function findAssessment(db: Executor, id: number): Promise<AssessmentWithNames | undefined> {
  return (await selectAssessments(db).where('a.id', '=', id).executeTakeFirst()) as AssessmentWithNames | undefined;
}

type AssessmentSearch = Omit<AssessmentListQuery, 'divisionId'> & { scopePath: string | null; subtreePath?: string | undefined };

/** The list's filters (scope first), shared by the paged list and the export. */
function filteredAssessments(db: Executor, search: Omit<AssessmentSearch, 'page' | 'pageSize'>) {
  let base = selectAssessments(db).where(divisionInScope('v.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('v.division_id', search.subtreePath));
  if (search.checklistId) base = base.where('a.checklist_id', '=', search.checklistId);
  if (search.venueId) base = base.where('a.venue_id', '=', search.venueId);
  if (search.year) base = base.where('k.year', '=', search.year);
  if (search.status) base = base.where('a.status', '=', search.status);
  return base;
}

/** One export page: filtered assessments with id > afterId, by ascending id. */
export async function assessmentsAfter(db: Executor, search: Omit<AssessmentSearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  return (await filteredAssessments(db, search).where('a.id', '>', afterId).orderBy('a.id').limit(limit).execute()) as AssessmentWithNames[];
}

export async function searchAssessments(db: Executor, search: AssessmentSearch) {
  const base = filteredAssessments(db, search);
  const [rows, count] = await Promise.all([
    base.orderBy('k.year', 'desc').orderBy('v.name').orderBy('a.id').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: (rows as AssessmentWithNames[]).map(toAssessment), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** Current venues of a type in a subtree (the default set a checklist assesses). */
export async function venuesOfType(db: Executor, subtreePath: string, venueType: string) {
  return db
    .selectFrom('venues')
    .innerJoin('divisions', 'divisions.id', 'venues.division_id')
    .select(['venues.id', 'venues.type', 'venues.archived_at', 'divisions.path'])
    .where(divisionInScope('venues.division_id', subtreePath))
    .where('venues.type', '=', venueType)
    .where('venues.archived_at', 'is', null)
    .orderBy('venues.id')
    .execute();
}

export async function findVenue(db: Executor, id: number) {
  return db
    .selectFrom('venues')
    .innerJoin('divisions', 'divisions.id', 'venues.division_id')
    .select(['venues.id', 'venues.name', 'venues.type', 'venues.star_rating', 'venues.archived_at', 'venues.division_id', 'divisions.path'])
    .where('venues.id', '=', id)
    .executeTakeFirst();
}

/** Open draft assessments; a venue already assessed on the checklist is skipped. Returns how many were new. */
export async function insertAssessments(db: Executor, checklistId: number, venueIds: number[], at: string): Promise<number> {
  let created = 0;
  for (let i = 0; i < venueIds.length; i += 500) {
    const rows = await db
      .insertInto('venue_assessments')
      .values(venueIds.slice(i, i + 500).map((venueId) => ({ checklist_id: checklistId, venue_id: venueId, status: 'draft', created_at: at, updated_at: at })))
      .onConflict((oc) => oc.columns(['checklist_id', 'venue_id']).doNothing())
      .returning('id')
      .execute();
    created += rows.length;
  }
  return created;
}

export async function updateAssessment(
  db: Executor,
  id: number,
  version: number,
  patch: { status: 'draft' | 'final'; totalCenti: number | null; stars: number | null; finalisedAt: string | null; finalisedBy: number | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('venue_assessments')
    .set((eb) => ({
      status: patch.status,
      total_centi: patch.totalCenti,
      stars: patch.stars,
      finalised_at: patch.finalisedAt,
      finalised_by: patch.finalisedBy,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type SheetWithName = SheetRow & { assessor_name: string };

export async function listSheets(db: Executor, assessmentId: number): Promise<SheetWithName[]> {
  return db
    .selectFrom('assessment_sheets as s')
    .innerJoin('users as u', 'u.id', 's.assessor_id')
    .selectAll('s')
    .select('u.display_name as assessor_name')
    .where('s.assessment_id', '=', assessmentId)
    .orderBy('s.id')
    .execute();
}

export async function insertSheet(db: Executor, values: { assessmentId: number; assessorId: number; scores: Record<string, number>; comment: string | null }, at: string) {
  const rows = await db
    .insertInto('assessment_sheets')
    .values({ assessment_id: values.assessmentId, assessor_id: values.assessorId, scores: JSON.stringify(values.scores), comment: values.comment, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['assessment_id', 'assessor_id']).doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id;
}

export async function updateSheet(db: Executor, id: number, version: number, values: { scores: Record<string, number>; comment: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('assessment_sheets')
    .set((eb) => ({ scores: JSON.stringify(values.scores), comment: values.comment, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Set a venue's star rating (null = not rated) and bump its version, so an edit form opened before
 * the assessment sees a version conflict rather than writing the old rating back.
 */
export async function setVenueStars(db: Executor, venueId: number, stars: number | null, at: string): Promise<void> {
  await db.updateTable('venues').set((eb) => ({ star_rating: stars, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', venueId).execute();
}

export async function insertStarHistory(
  db: Executor,
  values: { venueId: number; stars: number | null; previousStars: number | null; assessmentId: number | null; totalCenti: number | null; changedBy: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('venue_star_history')
    .values({
      venue_id: values.venueId,
      stars: values.stars,
      previous_stars: values.previousStars,
      assessment_id: values.assessmentId,
      total_centi: values.totalCenti,
      changed_by: values.changedBy,
      at: values.at,
    })
    .execute();
}

export async function listStarHistory(db: Executor, venueId: number) {
  return db
    .selectFrom('venue_star_history as h')
    .leftJoin('venue_assessments as a', 'a.id', 'h.assessment_id')
    .leftJoin('assessment_checklists as k', 'k.id', 'a.checklist_id')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.at', 'h.stars', 'h.previous_stars', 'h.total_centi', 'h.assessment_id', 'k.title as checklist_title', 'k.year', 'u.display_name as changed_by'])
    .where('h.venue_id', '=', venueId)
    .orderBy('h.at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}
