import { type CaseListQuery, type UnitRef } from '@tongxin/core';
import { sql, type Selectable, type SqlBool, type Expression } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CaseEventsTable, CasesTable } from '../../db/types-requests.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type CaseRow = Selectable<CasesTable> & {
  division_name: string;
  division_path: string;
  submitter_organisation_name: string | null;
};
export type CaseEventRow = Selectable<CaseEventsTable>;

function fromCases(db: Executor) {
  return db
    .selectFrom('cases as c')
    .innerJoin('divisions as d', 'd.id', 'c.division_id')
    .leftJoin('organisations as so', 'so.id', 'c.submitter_organisation_id');
}

const joined = ['d.name as division_name', 'd.path as division_path', 'so.name as submitter_organisation_name'] as const;

export async function findCase(db: Executor, id: number): Promise<CaseRow | undefined> {
  return fromCases(db).selectAll('c').select(joined).where('c.id', '=', id).executeTakeFirst();
}

export async function findCasesByIds(db: Executor, ids: readonly number[]): Promise<CaseRow[]> {
  if (!ids.length) return [];
  return fromCases(db).selectAll('c').select(joined).where('c.id', 'in', [...ids]).execute();
}

export interface NewCase {
  ticketNo: string;
  divisionId: number;
  officeDivisionId: number;
  kind: string;
  category: string;
  channel: string;
  title: string;
  content: string;
  submitterName: string | null;
  submitterPhone: string | null;
  /** The portal submitter agreed to be texted about this ticket. */
  notifyConsent?: boolean;
  submitterOrganisationId: number | null;
  receivedAt: string;
  createdBy: number | null;
}

export async function insertCase(db: Executor, values: NewCase, at: string): Promise<number> {
  const row = await db
    .insertInto('cases')
    .values({
      ticket_no: values.ticketNo,
      division_id: values.divisionId,
      office_division_id: values.officeDivisionId,
      kind: values.kind,
      category: values.category,
      channel: values.channel,
      title: values.title,
      content: values.content,
      submitter_name: values.submitterName,
      submitter_phone: values.submitterPhone,
      notify_consent: values.notifyConsent ? 1 : 0,
      submitter_organisation_id: values.submitterOrganisationId,
      state: 'received',
      received_at: values.receivedAt,
      created_by: values.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CasePatch {
  state?: string;
  kind?: string;
  title?: string;
  content?: string;
  division_id?: number;
  lead_unit_type?: string | null;
  lead_unit_id?: number | null;
  reply?: string | null;
  satisfaction?: string | null;
  solved?: number | null;
  unit_at_fault?: number | null;
  closed_at?: string | null;
}

/** Apply a change if the version still matches (optimistic concurrency); false when stale. */
export async function updateCase(db: Executor, id: number, version: number, patch: CasePatch, at: string): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface NewCaseEvent {
  caseId: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  isPublic?: boolean;
  unit?: UnitRef | { type: string; id: number } | null;
  detail?: Record<string, unknown> | null;
}

export async function insertCaseEvents(db: Executor, events: readonly NewCaseEvent[]): Promise<void> {
  if (!events.length) return;
  await db
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        case_id: e.caseId,
        at: e.at,
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        from_state: e.fromState ?? null,
        to_state: e.toState ?? null,
        note: e.note ?? null,
        is_public: e.isPublic ? 1 : 0,
        unit_type: e.unit?.type ?? null,
        unit_id: e.unit?.id ?? null,
        detail: e.detail ? JSON.stringify(e.detail) : null,
      })),
    )
    .execute();
}

export async function eventsOfCase(db: Executor, caseId: number): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

/** The state entries and logged contacts of many cases: what their clocks are computed from. */
export async function clockEventsOf(db: Executor, caseIds: readonly number[]) {
  const byCase = new Map<number, Array<{ to_state: string | null; action: string; at: string }>>(caseIds.map((id) => [id, []]));
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('case_events')
      .select(['case_id', 'to_state', 'action', 'at'])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .where((eb) => eb.or([eb('to_state', 'is not', null), eb('action', '=', 'contacted')]))
      .orderBy('id')
      .execute();
    for (const row of rows) byCase.get(row.case_id)?.push(row);
  }
  return byCase;
}

/** Units of the current dispatch round (lead first), or every unit ever when `all`. */
export async function unitsOfCase(db: Executor, caseId: number, all = false) {
  let query = db.selectFrom('case_units').select(['unit_type', 'unit_id', 'role', 'active']).where('case_id', '=', caseId);
  if (!all) query = query.where('active', '=', 1);
  return query.orderBy('role', 'desc').orderBy('id').execute();
}

/** A new dispatch round: earlier rounds stay on record but stop being current. */
export async function replaceCaseUnits(db: Executor, caseId: number, lead: UnitRef, assists: readonly UnitRef[], at: string): Promise<void> {
  await db.updateTable('case_units').set({ active: 0 }).where('case_id', '=', caseId).where('active', '=', 1).execute();
  await db
    .insertInto('case_units')
    .values([lead, ...assists].map((unit, i) => ({ case_id: caseId, unit_type: unit.type, unit_id: unit.id, role: i === 0 ? 'lead' : 'assist', active: 1, dispatched_at: at })))
    .execute();
}

/**
 * Who may see a case: its division lies in the reader's subtree, or it was ever dispatched to a
 * unit the reader acts for (a town office sees what the district sent it, and nothing else).
 */
export function caseVisibleTo(scopePath: string | null, units: readonly UnitRef[]): Expression<SqlBool> {
  const inScope = divisionInScope('c.division_id', scopePath);
  if (!units.length || scopePath === null) return inScope;
  const unitMatch = sql.join(units.map((u) => sql`(cu.unit_type = ${u.type} and cu.unit_id = ${u.id})`), sql` or `);
  return sql<SqlBool>`(${inScope} or exists (select 1 from case_units cu where cu.case_id = c.id and (${unitMatch})))`;
}

const sortColumns = { receivedAt: 'c.received_at', updatedAt: 'c.updated_at', title: 'c.title', state: 'c.state' } as const;

export interface CaseSearch extends Omit<CaseListQuery, 'divisionId' | 'overdue' | 'page' | 'pageSize' | 'from' | 'to'> {
  scopePath: string | null;
  units: UnitRef[];
  subtreePath?: string | undefined;
  receivedFrom?: string | undefined;
  receivedBefore?: string | undefined;
}

function filtered(db: Executor, search: CaseSearch) {
  let base = fromCases(db).where(caseVisibleTo(search.scopePath, search.units));
  if (search.subtreePath) base = base.where(divisionInScope('c.division_id', search.subtreePath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('c.title', q), containsText('c.content', q), containsText('c.ticket_no', q)]));
  }
  if (search.state) base = base.where('c.state', 'in', search.state);
  if (search.kind) base = base.where('c.kind', 'in', search.kind);
  if (search.category) base = base.where('c.category', 'in', search.category);
  if (search.channel) base = base.where('c.channel', 'in', search.channel);
  if (search.unitType) base = base.where('c.lead_unit_type', '=', search.unitType);
  if (search.unitId) base = base.where('c.lead_unit_id', '=', search.unitId);
  if (search.ids) base = base.where('c.id', 'in', search.ids);
  if (search.receivedFrom) base = base.where('c.received_at', '>=', search.receivedFrom);
  if (search.receivedBefore) base = base.where('c.received_at', '<', search.receivedBefore);
  return base;
}

/** One page of the visible, filtered cases by ascending id, for the Excel export (keyset paging). */
export async function casesAfter(db: Executor, search: CaseSearch, afterId: number, limit: number): Promise<CaseRow[]> {
  return filtered(db, search).selectAll('c').select(joined).where('c.id', '>', afterId).orderBy('c.id').limit(limit).execute();
}

/** One page of visible cases, or every match when `page` is null (for filters computed in memory). */
export async function searchCases(db: Executor, search: CaseSearch, page: { page: number; pageSize: number } | null) {
  const base = filtered(db, search);
  let query = base.selectAll('c').select(joined).orderBy(sortColumns[search.sort], search.order).orderBy('c.id', search.order);
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [rows, count] = await Promise.all([query.execute(), page ? base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() : null]);
  return { rows, total: count ? Number(count.n) : rows.length };
}

/** Every case in one of the states, whole tree (the reminder job). */
export async function casesInStates(db: Executor, states: readonly string[]): Promise<CaseRow[]> {
  return fromCases(db).selectAll('c').select(joined).where('c.state', 'in', [...states]).execute();
}
