import {
  daysBetween,
  monthsBefore,
  type PageQuery,
  type PairCreate,
  type PairListQuery,
  type PairUpdate,
  type ProgrammeCreate,
  type ProgrammeListQuery,
  type ProgrammeUpdate,
} from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { divisionFilterPath, divisionForWrite, requireRegistryRef, todayOf } from '../projects/work-scope.ts';
import { allowedActions, assertCan, type PairingAction } from './pairings.policy.ts';
import { coverage, findProgramme, insertProgramme, searchProgrammes, toProgramme, unpaired, updateProgramme } from './pairings.repo.ts';
import { countStalePairs, findOverlappingPair, findPair, insertPair, searchPairs, toPair, updatePair } from './pairs.repo.ts';

async function loadProgramme(ctx: ActorContext, db: Executor, id: number, action: PairingAction) {
  const row = await findProgramme(db, id);
  if (!row) throw notFound('pairing_programme');
  assertCan(ctx.actor, action, { path: row.division_path });
  return row;
}

function assertLive(row: { archived_at: string | null }) {
  if (row.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
}

/**
 * How far along a programme is: days left, the share of its time used, and whether coverage keeps
 * pace with time (50 % of the time gone should see at least 50 % paired).
 */
export function progressOf(startDate: string, deadline: string, today: string, ratio: number) {
  const total = daysBetween(startDate, deadline);
  const gone = daysBetween(startDate, today);
  const timeElapsed = total <= 0 ? 1 : Math.min(1, Math.max(0, Math.round((gone / total) * 10_000) / 10_000));
  return { daysLeft: daysBetween(today, deadline), timeElapsed, onTrack: ratio >= 1 || ratio >= timeElapsed, pastDeadline: today > deadline };
}

export async function list(ctx: ActorContext, query: ProgrammeListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const { divisionId: _filter, ...rest } = query;
  const today = todayOf(ctx);
  const { rows, total } = await searchProgrammes(ctx.db, { ...rest, subtreePath, scopePath: ctx.actor.scopePath });
  const items = await Promise.all(rows.map(async (row) => toProgramme(row, await coverage(ctx.db, row, today))));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The programme page: coverage, progress towards the deadline, stale pairs, who is still unpaired. */
export async function detail(ctx: ActorContext, id: number) {
  const row = await loadProgramme(ctx, ctx.db, id, 'read');
  const today = todayOf(ctx);
  const staleSince = monthsBefore(today, 3);
  const [cover, stalePairs, sample] = await Promise.all([
    coverage(ctx.db, row, today),
    countStalePairs(ctx.db, id, today, staleSince),
    unpaired(ctx.db, row, today, 1, 20),
  ]);
  return {
    ...toProgramme(row, cover),
    today,
    progress: progressOf(row.start_date, row.deadline, today, cover.ratio),
    staleSince,
    stalePairs,
    unpairedSample: sample.items,
    allowed: allowedActions(ctx.actor, { path: row.division_path }),
  };
}

export async function listUnpaired(ctx: ActorContext, id: number, query: PageQuery) {
  const row = await loadProgramme(ctx, ctx.db, id, 'read');
  return unpaired(ctx.db, row, todayOf(ctx), query.page, query.pageSize);
}

export async function listPairs(ctx: ActorContext, id: number, query: PairListQuery) {
  await loadProgramme(ctx, ctx.db, id, 'read');
  const today = todayOf(ctx);
  return searchPairs(ctx.db, { ...query, programmeId: id, today, since: monthsBefore(today, 3) });
}

export async function create(ctx: ActorContext, input: ProgrammeCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await divisionForWrite(ctx, trx, input.divisionId);
    const startDate = input.startDate ?? todayOf(ctx);
    if (input.deadline < startDate) throw fieldError('body.deadline', 'validation.end_before_start');
    const programmeId = await insertProgramme(trx, {
      divisionId: input.divisionId,
      title: input.title,
      kind: input.kind,
      targetType: input.targetType,
      partnerType: input.partnerType ?? null,
      startDate,
      deadline: input.deadline,
      description: input.description ?? null,
      createdBy: ctx.actor.userId,
      at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, {
      action: 'programme.create',
      entity: 'pairing_programme',
      entityId: programmeId,
      divisionId: input.divisionId,
      detail: { title: input.title, kind: input.kind, targetType: input.targetType, partnerType: input.partnerType ?? null, deadline: input.deadline },
    });
    return programmeId;
  });
  return detail(ctx, id);
}

export async function update(ctx: ActorContext, id: number, input: ProgrammeUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadProgramme(ctx, trx, id, 'update');
    assertLive(before);
    const { version, ...patch } = input;
    if (patch.deadline !== undefined && patch.deadline < before.start_date) throw fieldError('body.deadline', 'validation.end_before_start');
    if (!(await updateProgramme(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('pairing_programme');
    await recordAudit(trx, ctx, {
      action: 'programme.update',
      entity: 'pairing_programme',
      entityId: id,
      divisionId: before.division_id,
      detail: { before: { title: before.title, deadline: before.deadline }, after: patch },
    });
  });
  return detail(ctx, id);
}

export async function archive(ctx: ActorContext, id: number, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadProgramme(ctx, trx, id, 'archive');
    assertLive(before);
    if (!(await updateProgramme(trx, id, version, { archived_at: nowIso(ctx) }, nowIso(ctx)))) throw versionConflict('pairing_programme');
    await recordAudit(trx, ctx, { action: 'programme.archive', entity: 'pairing_programme', entityId: id, divisionId: before.division_id, detail: { title: before.title } });
  });
  return detail(ctx, id);
}

/**
 * Pair an organisation the programme covers (its target type, in its subtree) with a partner (of
 * the partner type, when the programme names one). The same two organisations cannot hold two
 * overlapping pairs in one programme (409).
 */
export async function addPair(ctx: ActorContext, programmeId: number, input: PairCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const programme = await loadProgramme(ctx, trx, programmeId, 'pair');
    assertLive(programme);
    const organisation = await requireRegistryRef(ctx, trx, 'organisations', input.organisationId, 'body.organisationId');
    if (organisation.type !== programme.target_type || !organisation.path.startsWith(programme.division_path)) {
      throw fieldError('body.organisationId', 'validation.pair_not_target');
    }
    const partner = await requireRegistryRef(ctx, trx, 'organisations', input.partnerOrganisationId, 'body.partnerOrganisationId');
    if (programme.partner_type !== null && partner.type !== programme.partner_type) throw fieldError('body.partnerOrganisationId', 'validation.pair_wrong_partner');
    const startDate = input.startDate ?? todayOf(ctx);
    const endDate = input.endDate ?? null;
    if (endDate !== null && endDate < startDate) throw fieldError('body.endDate', 'validation.end_before_start');
    if (await findOverlappingPair(trx, programmeId, organisation.id, partner.id, startDate, endDate)) {
      throw new AppError('duplicate', { params: { entity: 'entities.pair', value: `${organisation.name} ↔ ${partner.name}` } });
    }
    const pairId = await insertPair(trx, {
      programmeId,
      divisionId: programme.division_id,
      organisationId: organisation.id,
      partnerId: partner.id,
      startDate,
      endDate,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, {
      action: 'pair.create',
      entity: 'pair',
      entityId: pairId,
      divisionId: programme.division_id,
      detail: { programmeId, organisationId: organisation.id, partnerOrganisationId: partner.id, startDate, endDate },
    });
    return pairId;
  });
  return pairDetail(ctx, id);
}

async function loadPair(ctx: ActorContext, db: Executor, id: number, action: PairingAction) {
  const row = await findPair(db, id);
  if (!row) throw notFound('pair');
  assertCan(ctx.actor, action, { path: row.division_path });
  return row;
}

export async function pairDetail(ctx: ActorContext, id: number) {
  return toPair(await loadPair(ctx, ctx.db, id, 'read'), todayOf(ctx));
}

/** End a pair (or change its note); an end before the start is refused. */
export async function changePair(ctx: ActorContext, id: number, input: PairUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadPair(ctx, trx, id, 'pair');
    const { version, endDate, note } = input;
    if (endDate && endDate < before.start_date) throw fieldError('body.endDate', 'validation.end_before_start');
    const patch = { ...(endDate !== undefined ? { end_date: endDate } : {}), ...(note !== undefined ? { note } : {}) };
    if (!(await updatePair(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('pair');
    await recordAudit(trx, ctx, { action: 'pair.update', entity: 'pair', entityId: id, divisionId: before.division_id, detail: { before: { endDate: before.end_date, note: before.note }, after: patch } });
  });
  return pairDetail(ctx, id);
}
