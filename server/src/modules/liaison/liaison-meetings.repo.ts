import { quarterOf, type Meeting, type MeetingAttendee } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { MeetingRow } from '../../db/types-work.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type MeetingWithNames = MeetingRow & {
  division_name: string;
  division_path: string;
  invited_count: number | string | null;
  attended_count: number | string | null;
};

export function toMeeting(row: MeetingWithNames): Meeting {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    heldOn: row.held_on,
    quarter: quarterOf(row.held_on),
    place: row.place,
    invitedCount: Number(row.invited_count ?? 0),
    attendedCount: Number(row.attended_count ?? 0),
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectMeetings(db: Executor) {
  return db
    .selectFrom('liaison_meetings as m')
    .innerJoin('divisions as d', 'd.id', 'm.division_id')
    .selectAll('m')
    .select(['d.name as division_name', 'd.path as division_path'])
    .select((eb) => [
      eb.selectFrom('liaison_meeting_attendees as a').whereRef('a.meeting_id', '=', 'm.id').select((e) => e.fn.countAll<number>().as('n')).as('invited_count'),
      eb
        .selectFrom('liaison_meeting_attendees as a')
        .whereRef('a.meeting_id', '=', 'm.id')
        .where('a.attended', '=', 1)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('attended_count'),
    ]);
}

export async function findMeeting(db: Executor, id: number): Promise<MeetingWithNames | undefined> {
  return selectMeetings(db).where('m.id', '=', id).executeTakeFirst();
}

export interface MeetingSearch {
  scopePath: string | null;
  subtreePath?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  archived?: boolean | undefined;
  page: number;
  pageSize: number;
}

function filtered(db: Executor, search: Omit<MeetingSearch, 'page' | 'pageSize'>) {
  let base = selectMeetings(db).where(divisionInScope('m.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('m.division_id', search.subtreePath));
  if (search.from) base = base.where('m.held_on', '>=', search.from);
  if (search.to) base = base.where('m.held_on', '<=', search.to);
  return base.where('m.archived_at', search.archived ? 'is not' : 'is', null);
}

export async function searchMeetings(db: Executor, search: MeetingSearch) {
  const base = filtered(db, search);
  const [rows, count] = await Promise.all([
    base.orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toMeeting), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** Every current meeting of a period in a subtree, for the quarter view (a year has few). */
export async function meetingsBetween(db: Executor, search: { scopePath: string | null; subtreePath?: string | undefined; from: string; to: string }) {
  return (await filtered(db, search).orderBy('m.held_on').execute()).map(toMeeting);
}

export async function listAttendees(db: Executor, meetingId: number): Promise<MeetingAttendee[]> {
  const rows = await db
    .selectFrom('liaison_meeting_attendees as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'o.name as organisation_name', 'a.attended'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, organisationName: row.organisation_name, attended: row.attended === 1 }));
}

export async function insertMeeting(
  db: Executor,
  values: { divisionId: number; title: string; heldOn: string; place: string | null; minutes: string | null; createdBy: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('liaison_meetings')
    .values({
      division_id: values.divisionId,
      title: values.title,
      held_on: values.heldOn,
      place: values.place,
      minutes: values.minutes,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeeting(
  db: Executor,
  id: number,
  version: number,
  patch: { title?: string; held_on?: string; place?: string | null; minutes?: string | null; archived_at?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('liaison_meetings')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Replace the attendee list of a meeting (inside the caller's transaction). */
export async function replaceAttendees(db: Executor, meetingId: number, attendees: { personId: number; attended: boolean }[]): Promise<void> {
  await db.deleteFrom('liaison_meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (attendees.length === 0) return;
  await db
    .insertInto('liaison_meeting_attendees')
    .values(attendees.map((a) => ({ meeting_id: meetingId, person_id: a.personId, attended: a.attended ? 1 : 0 })))
    .execute();
}
