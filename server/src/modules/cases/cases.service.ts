import { defaultKindOf, isWithinScope, type CaseCreate, type CaseListQuery, type CaseUpdate } from '@tongxin/core';
import { toMs } from '@tongxin/core/calendar/index';
import { nextDispatchStates, type DispatchState } from '@tongxin/core/sla/index';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { notify } from '../../kernel/notify.ts';
import { clocksOfCases, isOverdue } from './case-clocks.ts';
import { allowedCaseActions, assertCan, can, sideOf, type CaseAction, type CaseTarget } from './cases.policy.ts';
import { eventsOfCase, findCase, insertCase, insertCaseEvents, searchCases, unitsOfCase, updateCase, type CaseRow } from './cases.repo.ts';
import { casesOut, toCase, toCaseEvent } from './cases.view.ts';
import { newTicketNo } from './ticket.ts';
import { actorUnits, handlersOfUnit, officeFor, organisationWithPath, toUnit, unitNames, unitRefsOf, type ActorUnits } from './units.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

export interface LoadedCase {
  row: CaseRow;
  target: CaseTarget;
  units: ActorUnits;
}

/** The policy's view of a case: where it is, its state, its current lead and every unit it went to. */
export async function caseTarget(db: Executor, row: CaseRow): Promise<CaseTarget> {
  const ever = await unitsOfCase(db, row.id, true);
  return {
    divisionPath: row.division_path,
    state: row.state as DispatchState,
    leadUnit: row.lead_unit_type && row.lead_unit_id !== null ? { type: row.lead_unit_type, id: row.lead_unit_id } : null,
    everUnits: ever.map((u) => ({ type: u.unit_type, id: u.unit_id })),
  };
}

/** Load a case the actor may act on: 404 when unknown, 403 when out of reach or without the right. */
export async function loadCase(ctx: ActorContext, db: Executor, id: number, action: CaseAction): Promise<LoadedCase> {
  const row = await findCase(db, id);
  if (!row) throw notFound('case');
  const [target, units] = await Promise.all([caseTarget(db, row), actorUnits(db, ctx.actor)]);
  assertCan(ctx.actor, units, action, target);
  return { row, target, units };
}


export async function create(ctx: ActorContext, input: CaseCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const division = await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
    assertCan(ctx.actor, await actorUnits(trx, ctx.actor), 'register', null);
    const now = ctx.clock.now();
    const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString();
    if (toMs(receivedAt) > now.getTime()) throw fieldError('body.receivedAt', 'requests.validation.in_future');
    if (input.submitterOrganisationId) {
      const org = await organisationWithPath(trx, input.submitterOrganisationId);
      if (!org) throw fieldError('body.submitterOrganisationId', 'validation.invalid_value');
      if (!isWithinScope(org.path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
    }
    // The registering office dispatches; an administrator of the whole tree leaves it to the local office.
    const office = ctx.actor.divisionId ?? (await officeFor(trx, division.path, division.id));
    const at = nowIso(ctx);
    const caseId = await insertCase(
      trx,
      {
        ticketNo: newTicketNo(now),
        divisionId: division.id,
        officeDivisionId: office,
        kind: input.kind ?? defaultKindOf(input.category),
        category: input.category,
        channel: input.channel,
        title: input.title,
        content: input.content,
        submitterName: input.submitterName ?? null,
        submitterPhone: input.submitterPhone ?? null,
        submitterOrganisationId: input.submitterOrganisationId ?? null,
        receivedAt,
        createdBy: ctx.actor.userId,
      },
      at,
    );
    await insertCaseEvents(trx, [{ caseId, at: receivedAt, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'register', toState: 'received' }]);
    await recordAudit(trx, ctx, { action: 'case.create', entity: 'case', entityId: caseId, divisionId: division.id, detail: { title: input.title, channel: input.channel } });
    await syncSearch(trx, 'case', [caseId]);
    return caseId;
  });
  return detail(ctx, id);
}

/** `YYYY-MM-DD` (Shanghai) → the UTC instant the day starts, as stored timestamps compare. */
export function dayStartIso(day: string, plusDays = 0): string {
  return new Date(toMs(day) + plusDays * 86_400_000).toISOString();
}

/** The search a list query stands for: the caller's scope and units, the division filter checked (403/400). */
export async function caseSearchOf(ctx: ActorContext, query: CaseListQuery) {
  const { divisionId, overdue: _overdue, page: _page, pageSize: _pageSize, from, to, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionInReach(ctx.db, ctx.actor, divisionId, 'query.divisionId');
  const units = unitRefsOf(await actorUnits(ctx.db, ctx.actor));
  return {
    ...rest,
    scopePath: ctx.actor.scopePath,
    units,
    subtreePath: subtree?.path,
    receivedFrom: from ? dayStartIso(from) : undefined,
    receivedBefore: to ? dayStartIso(to, 1) : undefined,
  };
}

export async function list(ctx: ActorContext, query: CaseListQuery) {
  const { overdue, page, pageSize } = query;
  const search = await caseSearchOf(ctx, query);
  const now = ctx.clock.now();
  if (overdue === undefined) {
    const { rows, total } = await searchCases(ctx.db, search, { page, pageSize });
    const { clocks } = await clocksOfCases(ctx.db, rows, now);
    return { items: await casesOut(ctx.db, rows, clocks), total, page, pageSize };
  }
  // Overdue is computed from the histories, so this filter runs in memory over the matches.
  const { rows } = await searchCases(ctx.db, search, null);
  const { clocks } = await clocksOfCases(ctx.db, rows, now);
  const wanted = overdue === 'true';
  const matching = rows.filter((row) => isOverdue(clocks.get(row.id)!) === wanted);
  const pageRows = matching.slice((page - 1) * pageSize, page * pageSize);
  return { items: await casesOut(ctx.db, pageRows, clocks), total: matching.length, page, pageSize };
}

export async function detail(ctx: ActorContext, id: number) {
  const { row, target, units } = await loadCase(ctx, ctx.db, id, 'read');
  const [events, current, { clocks }] = await Promise.all([eventsOfCase(ctx.db, id), unitsOfCase(ctx.db, id), clocksOfCases(ctx.db, [row], ctx.clock.now())]);
  const names = await unitNames(ctx.db, [
    ...events.flatMap((e) => (e.unit_type && e.unit_id !== null ? [{ type: e.unit_type, id: e.unit_id }] : [])),
    ...current.map((u) => ({ type: u.unit_type, id: u.unit_id })),
    ...(target.leadUnit ? [target.leadUnit] : []),
  ]);
  const state = row.state as DispatchState;
  const next = nextDispatchStates(state);
  const steps = next.filter((to) => can(ctx.actor, units, sideOf(state, to), target));
  return {
    ...toCase(row, clocks.get(row.id)!, names),
    content: row.content,
    reply: row.reply,
    unitAtFault: row.unit_at_fault === null ? null : row.unit_at_fault === 1,
    assistUnits: current.filter((u) => u.role === 'assist').map((u) => toUnit(u.unit_type, u.unit_id, names)!),
    events: events.map((e) => toCaseEvent(e, names)),
    nextStates: next,
    allowed: [...steps, ...allowedCaseActions(ctx.actor, units, target)],
  };
}

export async function update(ctx: ActorContext, id: number, input: CaseUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCase(ctx, trx, id, 'update');
    if (input.divisionId !== undefined && input.divisionId !== row.division_id) await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
    const { version, divisionId, ...fields } = input;
    const patch = { ...fields, ...(divisionId !== undefined ? { division_id: divisionId } : {}) };
    const at = nowIso(ctx);
    if (!(await updateCase(trx, id, version, patch, at))) throw versionConflict('case');
    const changed = Object.keys(input).filter((key) => key !== 'version').sort();
    await insertCaseEvents(trx, [{ caseId: id, at, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'update', detail: { changed } }]);
    await recordAudit(trx, ctx, { action: 'case.update', entity: 'case', entityId: id, divisionId: divisionId ?? row.division_id, detail: { changed } });
    await syncSearch(trx, 'case', [id]);
  });
  return detail(ctx, id);
}

/** An internal note: part of the history, never shown on the portal. */
export async function addNote(ctx: ActorContext, id: number, note: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCase(ctx, trx, id, 'note');
    await insertCaseEvents(trx, [{ caseId: id, at: nowIso(ctx), actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'note', note }]);
    await recordAudit(trx, ctx, { action: 'case.note', entity: 'case', entityId: id, divisionId: row.division_id });
  });
  return detail(ctx, id);
}

/** The unit called the person: stops the contact clock without changing state. */
export async function logContact(ctx: ActorContext, id: number, note: string | undefined) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, target } = await loadCase(ctx, trx, id, 'unit_step');
    if (target.state !== 'accepted' && target.state !== 'in_progress') throw new AppError('invalid_transition', { details: { allowed: nextDispatchStates(target.state) } });
    await insertCaseEvents(trx, [{ caseId: id, at: nowIso(ctx), actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'contacted', note: note ?? null, unit: target.leadUnit }]);
    await recordAudit(trx, ctx, { action: 'case.contact', entity: 'case', entityId: id, divisionId: row.division_id });
  });
  return detail(ctx, id);
}

/** A reminder (催办) from the office to the lead unit, recorded and notified. */
export async function remind(ctx: ActorContext, id: number, note: string | undefined) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, target } = await loadCase(ctx, trx, id, 'remind');
    if (!['dispatched', 'accepted', 'in_progress'].includes(target.state) || !target.leadUnit) {
      throw new AppError('invalid_transition', { details: { allowed: nextDispatchStates(target.state) } });
    }
    const at = nowIso(ctx);
    await insertCaseEvents(trx, [{ caseId: id, at, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'reminded', note: note ?? null, unit: target.leadUnit }]);
    await notify(trx, {
      recipients: await handlersOfUnit(trx, target.leadUnit),
      kind: 'reminder',
      entity: 'case',
      entityId: id,
      params: { title: row.title, ticketNo: row.ticket_no },
      at,
      exceptUserId: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, { action: 'case.remind', entity: 'case', entityId: id, divisionId: row.division_id });
  });
  return detail(ctx, id);
}

/** The submitter's full phone, for the office or the lead unit; every reveal is audited. */
export async function revealPhone(ctx: ActorContext, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCase(ctx, trx, id, 'reveal_phone');
    await recordAudit(trx, ctx, { action: 'case.reveal_phone', entity: 'case', entityId: id, divisionId: row.division_id });
    return { phone: row.submitter_phone };
  });
}
