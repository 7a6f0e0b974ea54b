import { leadMachine, shanghaiToday, type LeadCreate, type LeadListQuery, type LeadStage, type LeadStageChange, type LeadUpdate } from '@tongxin/core';
import { assertTransition, NoteRequiredError, TransitionError } from '@tongxin/core/sla/state-machine';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireOrganisation } from '../competitions/entries.service.ts';
import { findDivision } from '../divisions/index.ts';
import { allowedActions, assertCan, type LeadAction } from './leads.policy.ts';
import { findLead, insertLead, insertStageChange, listStageChanges, searchLeads, toLead, updateLead, type LeadWithNames } from './leads.repo.ts';

export async function loadLead(ctx: ActorContext, db: Executor, id: number, action: LeadAction): Promise<LeadWithNames> {
  const row = await findLead(db, id);
  if (!row) throw notFound('lead');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

/** A division named in a body or a filter: the kernel's scope rules, then the right to `action` there. */
export async function divisionFor(ctx: ActorContext, db: Executor, divisionId: number, field: string, action: LeadAction) {
  const division = await divisionInReach(db, ctx.actor, divisionId, field);
  assertCan(ctx.actor, action, { divisionPath: division.path });
  return division;
}

export async function list(ctx: ActorContext, query: LeadListQuery) {
  const { divisionId, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionFor(ctx, ctx.db, divisionId, 'query.divisionId', 'read');
  return searchLeads(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, subtreePath: subtree?.path });
}

async function present(ctx: ActorContext, db: Executor, row: LeadWithNames) {
  const history = await listStageChanges(db, row.id);
  return {
    ...toLead(row),
    history: history.map((h) => ({ fromStage: h.from_stage as LeadStage | null, toStage: h.to_stage as LeadStage, onDate: h.on_date, note: h.note, actorName: h.actor_name, at: h.at })),
    allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }),
  };
}

export async function detail(ctx: ActorContext, id: number) {
  return present(ctx, ctx.db, await loadLead(ctx, ctx.db, id, 'read'));
}

export async function create(ctx: ActorContext, input: LeadCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await divisionFor(ctx, trx, input.divisionId, 'body.divisionId', 'manage');
    if (input.sourceOrganisationId) await requireOrganisation(ctx, trx, input.sourceOrganisationId, 'body.sourceOrganisationId');
    const at = nowIso(ctx);
    const id = await insertLead(
      trx,
      {
        divisionId: input.divisionId,
        firmName: input.firmName,
        sector: input.sector ?? null,
        origin: input.origin,
        sourceOrganisationId: input.sourceOrganisationId ?? null,
        sourceNote: input.sourceNote ?? null,
        stage: input.stage,
        contractFen: input.contractFen ?? null,
        landedFen: input.landedFen ?? null,
        firstContactOn: input.firstContactOn ?? null,
        signedOn: input.signedOn ?? null,
        landedOn: input.landedOn ?? null,
        note: input.note ?? null,
      },
      ctx.actor.userId,
      at,
    );
    const onDate = input.landedOn ?? input.signedOn ?? input.firstContactOn ?? shanghaiToday(ctx.clock.now());
    await insertStageChange(trx, { leadId: id, fromStage: null, toStage: input.stage, onDate, note: null, actorId: ctx.actor.userId, at });
    await recordAudit(trx, ctx, { action: 'lead.create', entity: 'lead', entityId: id, divisionId: input.divisionId, detail: { firmName: input.firmName, stage: input.stage, contractFen: input.contractFen ?? null } });
    return present(ctx, trx, (await findLead(trx, id))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: LeadUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadLead(ctx, trx, id, 'manage');
    if (before.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    if (input.sourceOrganisationId) await requireOrganisation(ctx, trx, input.sourceOrganisationId, 'body.sourceOrganisationId');
    const { version, ...patch } = input;
    if (!(await updateLead(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('lead');
    await recordAudit(trx, ctx, { action: 'lead.update', entity: 'lead', entityId: id, divisionId: before.division_id, detail: { changed: Object.keys(patch).sort() } });
    return present(ctx, trx, (await findLead(trx, id))!);
  });
}

/**
 * Move a lead one step along `lead → talks → signed → landed` (or drop it, with a reason). A skipped
 * or backward step is 409 with the allowed next stages; signing needs the contract amount and
 * landing the landed amount (400 when missing); the date may not lie in the future.
 */
export async function changeStage(ctx: ActorContext, id: number, input: LeadStageChange) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadLead(ctx, trx, id, 'manage');
    if (before.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    const from = before.stage as LeadStage;
    try {
      assertTransition(leadMachine, from, input.to, input.note);
    } catch (error) {
      if (error instanceof TransitionError) throw new AppError('invalid_transition', { details: { from, to: input.to, allowed: error.allowed } });
      if (error instanceof NoteRequiredError) throw fieldError('body.note', 'validation.required');
      throw error;
    }
    const today = shanghaiToday(ctx.clock.now());
    const date = input.date ?? today;
    if (date > today) throw fieldError('body.date', 'validation.date_in_future');
    const contractFen = input.contractFen ?? before.contract_fen;
    const landedFen = input.landedFen ?? before.landed_fen;
    if (input.to === 'signed' && contractFen === null) throw fieldError('body.contractFen', 'validation.required');
    if (input.to === 'landed' && landedFen === null) throw fieldError('body.landedFen', 'validation.required');
    if (input.to === 'landed' && before.signed_on && date < before.signed_on) throw fieldError('body.date', 'validation.end_before_start');
    const at = nowIso(ctx);
    const patch = {
      stage: input.to,
      ...(input.to === 'signed' ? { signedOn: date, contractFen } : {}),
      ...(input.to === 'landed' ? { landedOn: date, landedFen } : {}),
      ...(input.to === 'talks' && before.first_contact_on === null ? { firstContactOn: date } : {}),
    };
    if (!(await updateLead(trx, id, input.version, patch, at))) throw versionConflict('lead');
    await insertStageChange(trx, { leadId: id, fromStage: from, toStage: input.to, onDate: date, note: input.note ?? null, actorId: ctx.actor.userId, at });
    await recordAudit(trx, ctx, { action: 'lead.stage', entity: 'lead', entityId: id, divisionId: before.division_id, detail: { from, to: input.to, date, contractFen, landedFen } });
    return present(ctx, trx, (await findLead(trx, id))!);
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadLead(ctx, trx, id, 'manage');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateLead(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('lead');
    await recordAudit(trx, ctx, { action: archived ? 'lead.archive' : 'lead.unarchive', entity: 'lead', entityId: id, divisionId: before.division_id, detail: { firmName: before.firm_name } });
    return present(ctx, trx, (await findLead(trx, id))!);
  });
}
