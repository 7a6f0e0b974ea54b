import type { Activity, ActivityKind, WorkRef } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { ActivityRow } from '../../db/types-work.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type ActivityWithNames = ActivityRow & {
  division_name: string;
  division_path: string;
  venue_name: string | null;
  project_title: string | null;
  photo_count: number | string | null;
};

export function toActivity(row: ActivityWithNames, organisers: WorkRef[]): Activity {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    date: row.date,
    kind: row.kind as ActivityKind,
    venue: row.venue_id === null ? null : { id: row.venue_id, name: row.venue_name ?? '' },
    project: row.project_id === null ? null : { id: row.project_id, name: row.project_title ?? '' },
    pairId: row.pair_id,
    organisers,
    participantCount: row.participant_count,
    summary: row.summary,
    photoCount: Number(row.photo_count ?? 0),
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectActivities(db: Executor) {
  return db
    .selectFrom('activities')
    .innerJoin('divisions', 'divisions.id', 'activities.division_id')
    .leftJoin('venues', 'venues.id', 'activities.venue_id')
    .leftJoin('projects', 'projects.id', 'activities.project_id')
    .selectAll('activities')
    .select(['divisions.name as division_name', 'divisions.path as division_path', 'venues.name as venue_name', 'projects.title as project_title'])
    .select((eb) =>
      eb
        .selectFrom('attachments as a')
        .whereRef('a.owner_id', '=', 'activities.id')
        .where('a.owner_type', '=', 'activity')
        .where('a.deleted_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('photo_count'),
    );
}

export async function findActivity(db: Executor, id: number): Promise<ActivityWithNames | undefined> {
  return selectActivities(db).where('activities.id', '=', id).executeTakeFirst();
}

/** Organisers of some activities, by activity id. */
export async function organisersOf(db: Executor, activityIds: number[]): Promise<Map<number, WorkRef[]>> {
  const byActivity = new Map<number, WorkRef[]>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .selectFrom('activity_organisers as ao')
    .innerJoin('organisations', 'organisations.id', 'ao.organisation_id')
    .select(['ao.activity_id', 'organisations.id', 'organisations.name'])
    .where('ao.activity_id', 'in', activityIds)
    .orderBy('organisations.name')
    .execute();
  for (const row of rows) {
    const list = byActivity.get(row.activity_id) ?? [];
    list.push({ id: row.id, name: row.name });
    byActivity.set(row.activity_id, list);
  }
  return byActivity;
}

export async function attendeesOf(db: Executor, activityId: number) {
  const rows = await db
    .selectFrom('activity_attendees as aa')
    .leftJoin('people', 'people.id', 'aa.person_id')
    .leftJoin('users', 'users.id', 'aa.user_id')
    .select(['aa.person_id', 'aa.user_id', 'people.name as person_name', 'users.display_name as user_name'])
    .where('aa.activity_id', '=', activityId)
    .orderBy('aa.id')
    .execute();
  return {
    people: rows.filter((row) => row.person_id !== null).map((row) => ({ id: row.person_id!, name: row.person_name ?? '' })),
    users: rows.filter((row) => row.user_id !== null).map((row) => ({ id: row.user_id!, name: row.user_name ?? '' })),
  };
}

export interface ActivitySearch {
  scopePath: string | null;
  subtreePath?: string | undefined;
  q?: string | undefined;
  kind?: ActivityKind | undefined;
  venueId?: number | undefined;
  projectId?: number | undefined;
  pairId?: number | undefined;
  organisationId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  archived: 'false' | 'true' | 'all';
  page: number;
  pageSize: number;
}

/** The list's filters (scope first), shared by the paged list and the Excel export. */
function filteredActivities(db: Executor, search: Omit<ActivitySearch, 'page' | 'pageSize'>) {
  let base = db.selectFrom('activities').where(divisionInScope('activities.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('activities.division_id', search.subtreePath));
  if (search.q) base = base.where(containsText('activities.title', search.q));
  if (search.kind) base = base.where('activities.kind', '=', search.kind);
  if (search.venueId) base = base.where('activities.venue_id', '=', search.venueId);
  if (search.projectId) base = base.where('activities.project_id', '=', search.projectId);
  if (search.pairId) base = base.where('activities.pair_id', '=', search.pairId);
  if (search.from) base = base.where('activities.date', '>=', search.from);
  if (search.to) base = base.where('activities.date', '<=', search.to);
  if (search.archived !== 'all') base = base.where('activities.archived_at', search.archived === 'true' ? 'is not' : 'is', null);
  if (search.organisationId) {
    const organisationId = search.organisationId;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('activity_organisers as ao').select('ao.activity_id').whereRef('ao.activity_id', '=', 'activities.id').where('ao.organisation_id', '=', organisationId)),
    );
  }
  return base;
}

/**
 * One page of the filtered list by ascending id, with organiser names, for the Excel export
 * (keyset paging: each page costs the same, whatever the number of rows before it).
 */
export async function activitiesAfter(db: Executor, search: Omit<ActivitySearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  // The page's ids first (a primary-key range walk under the filters), then their columns.
  const ids = filteredActivities(db, search).select('activities.id').where('activities.id', '>', afterId).orderBy('activities.id').limit(limit);
  const rows = await selectActivities(db).where('activities.id', 'in', ids).orderBy('activities.id').execute();
  const organisers = await organisersOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, organisers: organisers.get(row.id) ?? [] }));
}

export async function searchActivities(db: Executor, search: ActivitySearch) {
  const base = filteredActivities(db, search);
  const [rows, count] = await Promise.all([
    selectActivities(db)
      .where('activities.id', 'in', base.select('activities.id'))
      .orderBy('activities.date', 'desc')
      .orderBy('activities.id', 'desc')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const organisers = await organisersOf(db, rows.map((row) => row.id));
  return { items: rows.map((row) => toActivity(row, organisers.get(row.id) ?? [])), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** A project or pair an activity links to, with where it sits. */
export async function findProjectRef(db: Executor, id: number) {
  return db
    .selectFrom('projects')
    .innerJoin('divisions', 'divisions.id', 'projects.division_id')
    .select(['projects.id', 'projects.title', 'projects.division_id', 'projects.archived_at', 'divisions.path'])
    .where('projects.id', '=', id)
    .executeTakeFirst();
}

export async function findPairRef(db: Executor, id: number) {
  return db
    .selectFrom('pairs')
    .innerJoin('divisions', 'divisions.id', 'pairs.division_id')
    .select(['pairs.id', 'pairs.division_id', 'divisions.path'])
    .where('pairs.id', '=', id)
    .executeTakeFirst();
}

export interface ActivityValues {
  division_id: number;
  title: string;
  date: string;
  kind: string;
  venue_id: number | null;
  project_id: number | null;
  pair_id: number | null;
  participant_count: number | null;
  summary: string | null;
  minutes: string | null;
}

export async function insertActivity(db: Executor, values: ActivityValues, createdBy: number | null, at: string): Promise<number> {
  const row = await db
    .insertInto('activities')
    .values({ ...values, created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActivity(db: Executor, id: number, version: number, patch: Partial<ActivityValues> & { archived_at?: string }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('activities')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function replaceOrganisers(db: Executor, activityId: number, organisationIds: number[]): Promise<void> {
  await db.deleteFrom('activity_organisers').where('activity_id', '=', activityId).execute();
  if (organisationIds.length) {
    await db.insertInto('activity_organisers').values(organisationIds.map((organisation_id) => ({ activity_id: activityId, organisation_id }))).execute();
  }
}

export async function replaceAttendees(db: Executor, activityId: number, attendees: { personIds?: number[] | undefined; userIds?: number[] | undefined }): Promise<void> {
  if (attendees.personIds) {
    await db.deleteFrom('activity_attendees').where('activity_id', '=', activityId).where('person_id', 'is not', null).execute();
    const rows = [...new Set(attendees.personIds)].map((person_id) => ({ activity_id: activityId, person_id, user_id: null }));
    if (rows.length) await db.insertInto('activity_attendees').values(rows).execute();
  }
  if (attendees.userIds) {
    await db.deleteFrom('activity_attendees').where('activity_id', '=', activityId).where('user_id', 'is not', null).execute();
    const rows = [...new Set(attendees.userIds)].map((user_id) => ({ activity_id: activityId, person_id: null, user_id }));
    if (rows.length) await db.insertInto('activity_attendees').values(rows).execute();
  }
}

/** One user on the attendee list (an event check-in); a second call adds nothing. */
export async function addAttendeeUser(db: Executor, activityId: number, userId: number): Promise<void> {
  const present = await db.selectFrom('activity_attendees').select('id').where('activity_id', '=', activityId).where('user_id', '=', userId).executeTakeFirst();
  if (!present) await db.insertInto('activity_attendees').values({ activity_id: activityId, person_id: null, user_id: userId }).execute();
}

/** Set (not add to) the participant count; the version moves so an open edit form learns of it. */
export async function setParticipantCount(db: Executor, activityId: number, count: number, at: string): Promise<void> {
  await db
    .updateTable('activities')
    .set((eb) => ({ participant_count: count, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', activityId)
    .execute();
}
