import { sql, type Selectable, type SqlBool } from 'kysely';
import type { DcReportListQuery, UnitRef } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { DcAssignmentsTable, DcEventsTable, DcReportsTable } from '../../db/types-requests.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type ReportRow = Selectable<DcReportsTable> & { division_name: string; division_path: string; organisation_name: string };
export type AssignmentRow = Selectable<DcAssignmentsTable> & { report_title: string; report_division_id: number; report_division_path: string; report_office_division_id: number };
export type DcEventRow = Selectable<DcEventsTable>;

function fromReports(db: Executor) {
  return db
    .selectFrom('dc_reports as r')
    .innerJoin('divisions as d', 'd.id', 'r.division_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id');
}
const joined = ['d.name as division_name', 'd.path as division_path', 'o.name as organisation_name'] as const;

export async function findReport(db: Executor, id: number): Promise<ReportRow | undefined> {
  return fromReports(db).selectAll('r').select(joined).where('r.id', '=', id).executeTakeFirst();
}

export async function insertReport(
  db: Executor,
  v: { divisionId: number; officeDivisionId: number; organisationId: number; kind: string; title: string; content: string; submittedBy: number | null; submittedAt: string },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('dc_reports')
    .values({
      division_id: v.divisionId,
      office_division_id: v.officeDivisionId,
      organisation_id: v.organisationId,
      kind: v.kind,
      title: v.title,
      content: v.content,
      state: 'submitted',
      submitted_by: v.submittedBy,
      submitted_at: v.submittedAt,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReport(db: Executor, id: number, version: number, patch: { state?: string; closed_at?: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('dc_reports')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A report's state change that is not the user's own edit (closing after the last completion). */
export async function setReportState(db: Executor, id: number, state: string, at: string): Promise<void> {
  await db
    .updateTable('dc_reports')
    .set((eb) => ({ state, closed_at: state === 'closed' ? at : null, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

function fromAssignments(db: Executor) {
  return db.selectFrom('dc_assignments as a').innerJoin('dc_reports as r', 'r.id', 'a.report_id').innerJoin('divisions as d', 'd.id', 'r.division_id');
}
const assignmentJoined = ['r.title as report_title', 'r.division_id as report_division_id', 'd.path as report_division_path', 'r.office_division_id as report_office_division_id'] as const;

export async function findAssignment(db: Executor, id: number): Promise<AssignmentRow | undefined> {
  return fromAssignments(db).selectAll('a').select(assignmentJoined).where('a.id', '=', id).executeTakeFirst();
}

export async function assignmentsOfReports(db: Executor, reportIds: readonly number[]): Promise<AssignmentRow[]> {
  if (!reportIds.length) return [];
  return fromAssignments(db).selectAll('a').select(assignmentJoined).where('a.report_id', 'in', [...reportIds]).orderBy('a.deadline').orderBy('a.id').execute();
}

/** Open assignments of visible reports (supervision), or every open one (the reminder job) when `scopePath` is undefined. */
export async function openAssignments(db: Executor, filter: { scopePath?: string | null; subtreePath?: string | undefined; states?: readonly string[] }) {
  let query = fromAssignments(db).selectAll('a').select(assignmentJoined);
  if (filter.scopePath !== undefined) query = query.where(divisionInScope('r.division_id', filter.scopePath));
  if (filter.subtreePath) query = query.where(divisionInScope('r.division_id', filter.subtreePath));
  query = query.where('a.state', 'in', [...(filter.states ?? ['assigned', 'accepted'])]);
  return query.orderBy('a.deadline').orderBy('a.id').execute();
}

export async function insertAssignments(db: Executor, reportId: number, list: ReadonlyArray<{ unit: UnitRef; deadline: string; task: string | null }>, at: string): Promise<number[]> {
  const rows = await db
    .insertInto('dc_assignments')
    .values(list.map((a) => ({ report_id: reportId, unit_type: a.unit.type, unit_id: a.unit.id, task: a.task, deadline: a.deadline, state: 'assigned', created_at: at, updated_at: at })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function updateAssignment(
  db: Executor,
  id: number,
  version: number,
  patch: { state: string; accepted_at?: string; completed_at?: string; evidence?: string },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('dc_assignments')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface NewDcEvent {
  reportId: number;
  assignmentId?: number | null;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  note?: string | null;
  unit?: { type: string; id: number } | null;
}

export async function insertDcEvents(db: Executor, events: readonly NewDcEvent[]): Promise<void> {
  if (!events.length) return;
  await db
    .insertInto('dc_events')
    .values(
      events.map((e) => ({
        report_id: e.reportId,
        assignment_id: e.assignmentId ?? null,
        at: e.at,
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        note: e.note ?? null,
        unit_type: e.unit?.type ?? null,
        unit_id: e.unit?.id ?? null,
      })),
    )
    .execute();
}

export async function eventsOfReport(db: Executor, reportId: number): Promise<DcEventRow[]> {
  return db.selectFrom('dc_events').selectAll().where('report_id', '=', reportId).orderBy('at').orderBy('id').execute();
}

/** Reminder and escalation facts per assignment, for supervision. */
export async function supervisionFacts(db: Executor, assignmentIds: readonly number[]) {
  const facts = new Map<number, { reminders: number; lastReminderAt: string | null; escalated: boolean }>();
  if (!assignmentIds.length) return facts;
  const rows = await db
    .selectFrom('dc_events')
    .select(['assignment_id', 'action', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('at').as('last')])
    .where('assignment_id', 'in', [...assignmentIds])
    .where('action', 'in', ['reminded', 'escalated'])
    .groupBy(['assignment_id', 'action'])
    .execute();
  for (const row of rows) {
    const id = row.assignment_id!;
    const f = facts.get(id) ?? { reminders: 0, lastReminderAt: null, escalated: false };
    if (row.action === 'reminded') {
      f.reminders = Number(row.n);
      f.lastReminderAt = row.last as string | null;
    } else f.escalated = true;
    facts.set(id, f);
  }
  return facts;
}

export async function instructionsOf(db: Executor, reportId: number) {
  return db
    .selectFrom('dc_instructions as i')
    .leftJoin('users as u', 'u.id', 'i.recorded_by')
    .select(['i.id', 'i.leader_name', 'i.content', 'i.instructed_at', 'u.display_name as recorded_by'])
    .where('i.report_id', '=', reportId)
    .orderBy('i.instructed_at')
    .orderBy('i.id')
    .execute();
}

/** Visible reports: in the reader's subtree, from an organisation they act for, or assigned to a unit they act for. */
export function reportVisibleTo(scopePath: string | null, units: readonly UnitRef[]) {
  const inScope = divisionInScope('r.division_id', scopePath);
  if (!units.length || scopePath === null) return inScope;
  const orgIds = units.filter((u) => u.type === 'organisation').map((u) => u.id);
  const own = orgIds.length ? sql`r.organisation_id in (${sql.join(orgIds)})` : sql`1 = 0`;
  const assigned = sql.join(units.map((u) => sql`(a.unit_type = ${u.type} and a.unit_id = ${u.id})`), sql` or `);
  return sql<SqlBool>`(${inScope} or ${own} or exists (select 1 from dc_assignments a where a.report_id = r.id and (${assigned})))`;
}

export async function searchReports(db: Executor, search: Omit<DcReportListQuery, 'divisionId'> & { scopePath: string | null; units: UnitRef[]; subtreePath?: string | undefined }) {
  let base = fromReports(db).where(reportVisibleTo(search.scopePath, search.units));
  if (search.subtreePath) base = base.where(divisionInScope('r.division_id', search.subtreePath));
  if (search.q) base = base.where(containsText('r.title', search.q));
  if (search.state) base = base.where('r.state', 'in', search.state);
  if (search.organisationId) base = base.where('r.organisation_id', '=', search.organisationId);
  const [rows, count] = await Promise.all([
    base.selectAll('r').select(joined).orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
