import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { NeedListQuery } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { NeedEventsTable, NeedsTable } from '../../db/types-requests.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type NeedRow = Selectable<NeedsTable> & { division_name: string; division_path: string; claimant_name: string | null };
export type NeedEventRow = Selectable<NeedEventsTable> & { organisation_name: string | null };
export type ServiceRef = { id: number; code: string; name: string };

function fromNeeds(db: Executor) {
  return db
    .selectFrom('needs as n')
    .innerJoin('divisions as d', 'd.id', 'n.division_id')
    .leftJoin('organisations as co', 'co.id', 'n.claimant_organisation_id');
}
const joined = ['d.name as division_name', 'd.path as division_path', 'co.name as claimant_name'] as const;

export async function findNeed(db: Executor, id: number): Promise<NeedRow | undefined> {
  return fromNeeds(db).selectAll('n').select(joined).where('n.id', '=', id).executeTakeFirst();
}

export interface NewNeed {
  ticketNo: string | null;
  divisionId: number;
  officeDivisionId: number;
  title: string;
  description: string | null;
  wantedBy: string | null;
  publishedAt: string | null;
  channel: 'portal' | 'staff';
  submitterName: string | null;
  submitterPhone: string | null;
  /** The portal submitter agreed to be texted about this ticket. */
  notifyConsent?: boolean;
  createdBy: number | null;
}

export async function insertNeed(db: Executor, v: NewNeed, at: string): Promise<number> {
  const row = await db
    .insertInto('needs')
    .values({
      ticket_no: v.ticketNo,
      division_id: v.divisionId,
      office_division_id: v.officeDivisionId,
      title: v.title,
      description: v.description,
      wanted_by: v.wantedBy,
      state: 'open',
      published_at: v.publishedAt,
      channel: v.channel,
      submitter_name: v.submitterName,
      submitter_phone: v.submitterPhone,
      notify_consent: v.notifyConsent ? 1 : 0,
      created_by: v.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface NeedPatch {
  state?: string;
  title?: string;
  description?: string | null;
  wanted_by?: string | null;
  published_at?: string | null;
  claimant_organisation_id?: number | null;
  claimed_at?: string | null;
  fulfilled_at?: string | null;
  confirmed_at?: string | null;
}

export async function updateNeed(db: Executor, id: number, version: number, patch: NeedPatch, at: string): Promise<boolean> {
  const result = await db
    .updateTable('needs')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setNeedServices(db: Executor, needId: number, kindIds: readonly number[]): Promise<void> {
  await db.deleteFrom('need_services').where('need_id', '=', needId).execute();
  if (kindIds.length) await db.insertInto('need_services').values(kindIds.map((id) => ({ need_id: needId, service_kind_id: id }))).execute();
}

export async function servicesOfNeeds(db: Executor, needIds: readonly number[]): Promise<Map<number, ServiceRef[]>> {
  const out = new Map<number, ServiceRef[]>(needIds.map((id) => [id, []]));
  if (!needIds.length) return out;
  const rows = await db
    .selectFrom('need_services as ns')
    .innerJoin('service_kinds as k', 'k.id', 'ns.service_kind_id')
    .select(['ns.need_id', 'k.id', 'k.code', 'k.name'])
    .where('ns.need_id', 'in', [...needIds])
    .orderBy('k.sort_order')
    .orderBy('k.id')
    .execute();
  for (const row of rows) out.get(row.need_id)?.push({ id: row.id, code: row.code, name: row.name });
  return out;
}

export interface NewNeedEvent {
  needId: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string | null;
  isPublic?: boolean | undefined;
  organisationId?: number | null;
}

export async function insertNeedEvents(db: Executor, events: readonly NewNeedEvent[]): Promise<void> {
  if (!events.length) return;
  await db
    .insertInto('need_events')
    .values(
      events.map((e) => ({
        need_id: e.needId,
        at: e.at,
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        from_state: e.fromState ?? null,
        to_state: e.toState ?? null,
        note: e.note ?? null,
        is_public: e.isPublic ? 1 : 0,
        organisation_id: e.organisationId ?? null,
      })),
    )
    .execute();
}

export async function eventsOfNeed(db: Executor, needId: number): Promise<NeedEventRow[]> {
  return db
    .selectFrom('need_events as e')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .selectAll('e')
    .select('o.name as organisation_name')
    .where('e.need_id', '=', needId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/**
 * A need is offered to an organisation whose division lies on the same branch of the tree: in
 * the need's subtree (a village team for a town's need) or above it (a district association for
 * a village's need).
 */
export function offeredTo(orgPaths: readonly string[]): Expression<SqlBool> {
  if (!orgPaths.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(
    orgPaths.map((p) => sql`(d.path like ${`${p}%`} or ${p} like d.path || '%')`),
    sql` or `,
  )})`;
}

/** Needs asking for any of the kinds. */
export function asksForAny(kindIds: readonly number[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from need_services ns where ns.need_id = n.id and ns.service_kind_id in (${sql.join([...kindIds])}))`;
}

/** Needs asking for a service the organisation's live resources offer. */
export function matchesOrganisation(organisationId: number): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from need_services ns where ns.need_id = n.id and ns.service_kind_id in (
    select rs.service_kind_id from resource_services rs inner join resources r on r.id = rs.resource_id
    where r.organisation_id = ${organisationId} and r.archived_at is null))`;
}

const sortColumns = { wantedBy: 'n.wanted_by', createdAt: 'n.created_at', updatedAt: 'n.updated_at', title: 'n.title' } as const;

export interface NeedSearch extends Omit<NeedListQuery, 'divisionId' | 'flag' | 'page' | 'pageSize'> {
  /** Visibility, already built by the service. */
  visible: Expression<SqlBool>;
  subtreePath?: string | undefined;
  matchOrganisationId?: number | undefined;
  /** `wanted_by` on or after / on or before these dates (the date flags). */
  wantedFrom?: string | undefined;
  wantedTo?: string | undefined;
}

/** The list's filters (visibility first), shared by the paged list and the Excel export. */
function filteredNeeds(db: Executor, search: NeedSearch) {
  let base = fromNeeds(db).where(search.visible);
  if (search.subtreePath) base = base.where(divisionInScope('n.division_id', search.subtreePath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('n.title', q), containsText('n.description', q)]));
  }
  if (search.state) base = base.where('n.state', 'in', search.state);
  if (search.serviceKindId) base = base.where(asksForAny(search.serviceKindId));
  if (search.matchOrganisationId) base = base.where(matchesOrganisation(search.matchOrganisationId));
  if (search.published === 'true') base = base.where('n.published_at', 'is not', null);
  if (search.published === 'false') base = base.where('n.published_at', 'is', null);
  if (search.wantedFrom) base = base.where('n.wanted_by', '>=', search.wantedFrom);
  if (search.wantedTo) base = base.where('n.wanted_by', '<=', search.wantedTo);
  if (search.claimantOrganisationId) base = base.where('n.claimant_organisation_id', '=', search.claimantOrganisationId);
  return base;
}

/** One page of the visible, filtered needs by ascending id, for the Excel export (keyset paging). */
export async function needsAfter(db: Executor, search: NeedSearch, afterId: number, limit: number): Promise<NeedRow[]> {
  return filteredNeeds(db, search).selectAll('n').select(joined).where('n.id', '>', afterId).orderBy('n.id').limit(limit).execute();
}

export async function searchNeeds(db: Executor, search: NeedSearch, page: { page: number; pageSize: number } | null) {
  const base = filteredNeeds(db, search);
  let query = base.selectAll('n').select(joined).orderBy(sortColumns[search.sort], search.order).orderBy('n.id', search.order);
  if (page) query = query.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [rows, count] = await Promise.all([query.execute(), page ? base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() : null]);
  return { rows, total: count ? Number(count.n) : rows.length };
}

/** Paths of organisations by id (for the board's "offered to" rule). */
export async function organisationPaths(db: Executor, ids: readonly number[]): Promise<Map<number, { path: string; divisionId: number; archived: boolean; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .select(['o.id', 'o.name', 'o.division_id', 'o.archived_at', 'd.path'])
    .where('o.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { path: r.path, divisionId: r.division_id, archived: r.archived_at !== null, name: r.name }]));
}

