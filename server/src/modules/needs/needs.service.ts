import { isWithinScope, maskPhone, type Need, type NeedBoardQuery, type NeedCreate, type NeedListQuery, type NeedUpdate } from '@tongxin/core';
import { dayKeyOf, dayNumberFromKey, shanghaiDateKey } from '@tongxin/core/calendar/index';
import { needDateFlag, nextClaimStates, type ClaimState } from '@tongxin/core/sla/index';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorUnits, isOfficeStaff, type ActorUnits } from '../cases/index.ts';
import { findDivision } from '../divisions/index.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { findResourcesOffering } from '../resources/index.ts';
import { assertSide, canClaimant, canCommunity, needSideOf, offered, routable, type NeedTarget } from './needs.policy.ts';
import {
  eventsOfNeed,
  findNeed,
  insertNeed,
  insertNeedEvents,
  offeredTo,
  organisationPaths,
  searchNeeds,
  servicesOfNeeds,
  setNeedServices,
  updateNeed,
  type NeedRow,
  type ServiceRef,
} from './needs.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

export interface LoadedNeed {
  row: NeedRow;
  target: NeedTarget;
  units: ActorUnits;
  orgPaths: Map<number, { path: string; divisionId: number; archived: boolean; name: string }>;
}

export function needTarget(row: NeedRow, claimantPath: string | null): NeedTarget {
  return {
    divisionPath: row.division_path,
    state: row.state as ClaimState,
    published: row.published_at !== null,
    claimant: row.claimant_organisation_id !== null && claimantPath !== null ? { id: row.claimant_organisation_id, path: claimantPath } : null,
  };
}

/** Load a need with what the policy needs; 404 unknown, 403 not visible or not this side. */
export async function loadNeed(ctx: ActorContext, db: Executor, id: number, side: 'read' | 'community' | 'claimant'): Promise<LoadedNeed> {
  const row = await findNeed(db, id);
  if (!row) throw notFound('need');
  const units = await actorUnits(db, ctx.actor);
  const orgPaths = await organisationPaths(db, [...units.organisationIds, ...(row.claimant_organisation_id !== null ? [row.claimant_organisation_id] : [])]);
  const target = needTarget(row, row.claimant_organisation_id !== null ? (orgPaths.get(row.claimant_organisation_id)?.path ?? null) : null);
  assertSide(ctx.actor, units, orgPaths, target, side);
  return { row, target, units, orgPaths };
}

export function toNeed(row: NeedRow, services: ServiceRef[], now: Date): Need {
  const state = row.state as ClaimState;
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    description: row.description,
    serviceKinds: services,
    wantedBy: row.wanted_by,
    state,
    published: row.published_at !== null,
    publishedAt: row.published_at,
    claimant: row.claimant_organisation_id !== null ? { id: row.claimant_organisation_id, name: row.claimant_name ?? '' } : null,
    claimedAt: row.claimed_at,
    fulfilledAt: row.fulfilled_at,
    confirmedAt: row.confirmed_at,
    channel: row.channel as Need['channel'],
    submitterName: row.submitter_name,
    submitterPhone: maskPhone(row.submitter_phone),
    // Only a published need is on the board, so only a published one can be "not yet claimed".
    dateFlag: row.wanted_by && row.published_at !== null ? needDateFlag(state, row.wanted_by, now) : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function needsOut(db: Executor, rows: NeedRow[], now: Date): Promise<Need[]> {
  const services = await servicesOfNeeds(db, rows.map((r) => r.id));
  return rows.map((row) => toNeed(row, services.get(row.id) ?? [], now));
}

function flagRange(flag: 'due_soon' | 'past_due' | undefined, now: Date): { wantedFrom?: string; wantedTo?: string } {
  if (!flag) return {};
  const today = dayNumberFromKey(shanghaiDateKey(now));
  return flag === 'past_due' ? { wantedTo: dayKeyOf(today - 1) } : { wantedFrom: dayKeyOf(today), wantedTo: dayKeyOf(today + 3) };
}

/** Needs of the reader's subtree, plus those claimed by organisations they act for. */
/** The search a list query stands for: the caller's visibility, the division filter checked (403/400). */
export async function needSearchOf(ctx: ActorContext, query: NeedListQuery) {
  const { divisionId, flag, page: _page, pageSize: _pageSize, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionInReach(ctx.db, ctx.actor, divisionId, 'query.divisionId');
  const units = await actorUnits(ctx.db, ctx.actor);
  const claimed = units.organisationIds.length ? sql<SqlBool>`n.claimant_organisation_id in (${sql.join(units.organisationIds)})` : sql<SqlBool>`1 = 0`;
  const visible = sql<SqlBool>`(${divisionInScope('n.division_id', ctx.actor.scopePath)} or ${claimed})`;
  return { ...rest, ...(flag ? { state: ['open' as const], published: 'true' as const } : {}), ...flagRange(flag, ctx.clock.now()), visible, subtreePath: subtree?.path };
}

export async function list(ctx: ActorContext, query: NeedListQuery) {
  const { page, pageSize } = query;
  const now = ctx.clock.now();
  const search = await needSearchOf(ctx, query);
  const { rows, total } = await searchNeeds(ctx.db, search, { page, pageSize });
  return { items: await needsOut(ctx.db, rows, now), total, page, pageSize };
}

/**
 * The open-needs board: published, unclaimed needs of the reader's subtree and those offered to
 * the organisations they act for; optionally only those asking for a service an organisation's
 * resources offer.
 */
export async function board(ctx: ActorContext, query: NeedBoardQuery) {
  const units = await actorUnits(ctx.db, ctx.actor);
  const orgPaths = await organisationPaths(ctx.db, units.organisationIds);
  if (query.matchOrganisationId !== undefined) {
    const org = (await organisationPaths(ctx.db, [query.matchOrganisationId])).get(query.matchOrganisationId);
    if (!org) throw fieldError('query.matchOrganisationId', 'validation.invalid_value');
    if (!units.organisationIds.includes(query.matchOrganisationId) && !isWithinScope(org.path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  }
  const visible = sql<SqlBool>`(${divisionInScope('n.division_id', ctx.actor.scopePath)} or ${offeredTo([...orgPaths.values()].map((o) => o.path))})`;
  const { rows, total } = await searchNeeds(
    ctx.db,
    { visible, state: ['open'], published: 'true', q: query.q, serviceKindId: query.serviceKindId, matchOrganisationId: query.matchOrganisationId, sort: 'wantedBy', order: 'asc' },
    { page: query.page, pageSize: query.pageSize },
  );
  return { items: await needsOut(ctx.db, rows, ctx.clock.now()), total, page: query.page, pageSize: query.pageSize };
}

export async function detail(ctx: ActorContext, id: number) {
  const { row, target, units, orgPaths } = await loadNeed(ctx, ctx.db, id, 'read');
  const [events, services] = await Promise.all([eventsOfNeed(ctx.db, id), servicesOfNeeds(ctx.db, [id])]);
  // A need routed to dispatch handed its ticket number to the case.
  const routed = row.state === 'withdrawn' && row.ticket_no !== null && events.some((e) => e.action === 'route_to_case')
    ? await ctx.db.selectFrom('cases').select('id').where('ticket_no', '=', row.ticket_no).executeTakeFirst()
    : undefined;
  const state = row.state as ClaimState;
  const next = nextClaimStates(state);
  const community = canCommunity(ctx.actor, target);
  const claimableFor = state === 'open' && target.published
    ? units.organisationIds.flatMap((orgId) => {
        const org = orgPaths.get(orgId);
        return org && !org.archived && offered(target.divisionPath, org.path) ? [{ id: orgId, name: org.name }] : [];
      })
    : [];
  const steps = next.filter((to) => {
    const side = needSideOf(state, to);
    if (side === 'community') return community;
    if (side === 'claimant') return canClaimant(ctx.actor, units, target);
    return target.published && (claimableFor.length > 0 || isOfficeStaff(ctx.actor));
  });
  const extra = [
    ...(community && state === 'open' && !target.published ? ['publish'] : []),
    ...(community && state === 'open' ? ['update'] : []),
    ...(community && routable(row) ? ['route_to_case'] : []),
    ...(community || canClaimant(ctx.actor, units, target) ? ['reveal_phone'] : []),
  ];
  return {
    ...toNeed(row, services.get(id) ?? [], ctx.clock.now()),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      fromState: e.from_state as ClaimState | null,
      toState: e.to_state as ClaimState | null,
      note: e.note,
      public: e.is_public === 1,
      actorName: e.actor_name,
      organisation: e.organisation_id !== null ? { id: e.organisation_id, name: e.organisation_name ?? '' } : null,
    })),
    nextStates: next,
    allowed: [...steps, ...extra],
    claimableFor,
    routedCaseId: routed?.id ?? null,
  };
}

/** Service kinds named in a body: each must exist and be live. */
async function checkServiceKinds(db: Executor, ids: readonly number[]) {
  if (!ids.length) return;
  const rows = await db.selectFrom('service_kinds').select(['id', 'archived_at']).where('id', 'in', [...ids]).execute();
  ids.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw fieldError(`body.serviceKindIds.${i}`, 'validation.invalid_value');
    if (row.archived_at !== null) throw fieldError(`body.serviceKindIds.${i}`, 'validation.archived_reference');
  });
}

function assertNotPast(ctx: ActorContext, date: string | null | undefined, field: string) {
  if (date && date < shanghaiDateKey(ctx.clock.now())) throw fieldError(field, 'requests.validation.in_past');
}

/** A community posts a need (office staff of its subtree); published at once unless held for review. */
export async function create(ctx: ActorContext, input: NeedCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const division = await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
    if (!isOfficeStaff(ctx.actor)) throw new AppError('forbidden');
    await checkServiceKinds(trx, input.serviceKindIds);
    assertNotPast(ctx, input.wantedBy, 'body.wantedBy');
    const at = nowIso(ctx);
    const needId = await insertNeed(
      trx,
      {
        ticketNo: null,
        divisionId: division.id,
        officeDivisionId: ctx.actor.divisionId ?? division.id,
        title: input.title,
        description: input.description ?? null,
        wantedBy: input.wantedBy ?? null,
        publishedAt: input.publish ? at : null,
        channel: 'staff',
        submitterName: null,
        submitterPhone: null,
        createdBy: ctx.actor.userId,
      },
      at,
    );
    await setNeedServices(trx, needId, input.serviceKindIds);
    const actor = { actorId: ctx.actor.userId, actorName: ctx.actor.displayName };
    await insertNeedEvents(trx, [
      { needId, at, ...actor, action: 'post', toState: 'open' },
      ...(input.publish ? [{ needId, at, ...actor, action: 'publish' }] : []),
    ]);
    await recordAudit(trx, ctx, { action: 'need.create', entity: 'need', entityId: needId, divisionId: division.id, detail: { title: input.title } });
    await syncSearch(trx, 'need', [needId]);
    return needId;
  });
  return detail(ctx, id);
}

export async function update(ctx: ActorContext, id: number, input: NeedUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadNeed(ctx, trx, id, 'community');
    if (row.state !== 'open') throw new AppError('invalid_transition', { details: { allowed: nextClaimStates(row.state as ClaimState) } });
    if (input.serviceKindIds) await checkServiceKinds(trx, input.serviceKindIds);
    assertNotPast(ctx, input.wantedBy, 'body.wantedBy');
    const { version, serviceKindIds, wantedBy, ...fields } = input;
    const at = nowIso(ctx);
    if (!(await updateNeed(trx, id, version, { ...fields, ...(wantedBy !== undefined ? { wanted_by: wantedBy } : {}) }, at))) throw versionConflict('need');
    if (serviceKindIds) await setNeedServices(trx, id, serviceKindIds);
    await recordAudit(trx, ctx, { action: 'need.update', entity: 'need', entityId: id, divisionId: row.division_id, detail: { changed: Object.keys(input).filter((k) => k !== 'version').sort() } });
    await syncSearch(trx, 'need', [id]);
  });
  return detail(ctx, id);
}

/** Put a reviewed portal wish on the board. */
export async function publish(ctx: ActorContext, id: number, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadNeed(ctx, trx, id, 'community');
    if (row.state !== 'open' || row.published_at !== null) throw new AppError('invalid_transition', { details: { allowed: nextClaimStates(row.state as ClaimState) } });
    const at = nowIso(ctx);
    if (!(await updateNeed(trx, id, version, { published_at: at }, at))) throw versionConflict('need');
    await insertNeedEvents(trx, [{ needId: id, at, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'publish' }]);
    await recordAudit(trx, ctx, { action: 'need.publish', entity: 'need', entityId: id, divisionId: row.division_id });
    await syncSearch(trx, 'need', [id]);
  });
  return detail(ctx, id);
}

/** Resources of the reader's subtree offering what the need asks for (phones masked). */
export async function matches(ctx: ActorContext, id: number) {
  await loadNeed(ctx, ctx.db, id, 'read');
  const services = (await servicesOfNeeds(ctx.db, [id])).get(id) ?? [];
  return findResourcesOffering(ctx.db, ctx.actor.scopePath, services.map((s) => s.id), { limit: 50 });
}

export async function revealPhone(ctx: ActorContext, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadNeed(ctx, trx, id, 'read');
    if (!canCommunity(ctx.actor, loaded.target) && !canClaimant(ctx.actor, loaded.units, loaded.target)) throw new AppError('forbidden');
    await recordAudit(trx, ctx, { action: 'need.reveal_phone', entity: 'need', entityId: id, divisionId: loaded.row.division_id });
    return { phone: loaded.row.submitter_phone };
  });
}
