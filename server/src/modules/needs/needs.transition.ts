import type { NeedTransition } from '@tongxin/core';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import { claimMachine, type ClaimState } from '@tongxin/core/sla/index';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { allowedStep, checkedStep } from '../cases/transition-errors.ts';
import { actorUnits, handlersOfUnit, officeStaffOf } from '../cases/index.ts';
import { notify } from '../inbox/notify.ts';
import { assertSide, needSideOf, offered, speaksFor } from './needs.policy.ts';
import { queueForPhone } from '../outbox/outbox.queue.ts';
import { findNeed, insertNeedEvents, organisationPaths, updateNeed, type NeedPatch } from './needs.repo.ts';
import { detail, needTarget } from './needs.service.ts';

/**
 * Take one step of the claim route: visible (403), allowed by the machine (409 with
 * `details.allowed`), this side's right (403), a reason where needed (400), the version (409).
 * The change, its history line, the notifications and the audit entry share one transaction.
 *
 * @example
 * await transition(ctx, 4, { to: 'claimed', organisationId: 12, version: 2 });
 */
export async function transition(ctx: ActorContext, id: number, input: NeedTransition) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findNeed(trx, id);
    if (!row) throw notFound('need');
    const units = await actorUnits(trx, ctx.actor);
    const orgPaths = await organisationPaths(trx, [...units.organisationIds, ...(row.claimant_organisation_id !== null ? [row.claimant_organisation_id] : [])]);
    const target = needTarget(row, row.claimant_organisation_id !== null ? (orgPaths.get(row.claimant_organisation_id)?.path ?? null) : null);
    assertSide(ctx.actor, units, orgPaths, target, 'read');
    const from = row.state as ClaimState;
    const step = allowedStep(claimMachine, from, input.to);
    const side = needSideOf(from, input.to);
    const at = nowIso(ctx);
    const patch: NeedPatch = { state: input.to };
    let organisationId: number | null = row.claimant_organisation_id;

    if (side === 'claim') {
      if (input.organisationId === undefined) throw fieldError('body.organisationId', 'validation.required');
      const org = (await organisationPaths(trx, [input.organisationId])).get(input.organisationId);
      if (!org || org.archived) throw fieldError('body.organisationId', org ? 'validation.archived_reference' : 'validation.invalid_value');
      if (!speaksFor(ctx.actor, units, { id: input.organisationId, path: org.path })) throw new AppError('forbidden');
      if (!target.published) throw new AppError('invalid_transition', { details: { from, to: input.to, allowed: [] } });
      if (!offered(target.divisionPath, org.path)) throw fieldError('body.organisationId', 'requests.validation.not_offered');
      organisationId = input.organisationId;
      patch.claimant_organisation_id = organisationId;
      patch.claimed_at = at;
    } else {
      assertSide(ctx.actor, units, orgPaths, target, side);
    }
    checkedStep(claimMachine, from, input.to, input.note);
    if (row.version !== input.version) throw versionConflict('need');

    if (step.action === 'release') {
      patch.claimant_organisation_id = null;
      patch.claimed_at = null;
    }
    if (step.action === 'fulfil') patch.fulfilled_at = at;
    if (step.action === 'dispute') patch.fulfilled_at = null;
    if (step.action === 'confirm') patch.confirmed_at = at;
    if (step.action === 'republish') {
      if (!input.wantedBy) throw fieldError('body.wantedBy', 'validation.required');
      if (input.wantedBy < shanghaiDateKey(ctx.clock.now())) throw fieldError('body.wantedBy', 'requests.validation.in_past');
      patch.wanted_by = input.wantedBy;
    }
    if (!(await updateNeed(trx, id, input.version, patch, at))) throw versionConflict('need');
    await insertNeedEvents(trx, [
      {
        needId: id,
        at,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        action: step.action,
        fromState: from,
        toState: input.to,
        note: input.note?.trim() || null,
        // Whether the portal shows the step depends on its kind; its note only when marked public.
        isPublic: input.public === true,
        organisationId,
      },
    ]);

    const params = { title: row.title };
    const tell = async (recipients: number[], kind: 'claimed' | 'fulfilled' | 'returned' | 'completed') =>
      notify(trx, { recipients, kind, entity: 'need', entityId: id, params, at, exceptUserId: ctx.actor.userId });
    const office = () => officeStaffOf(trx, row.office_division_id);
    const claimant = () => (organisationId !== null ? handlersOfUnit(trx, { type: 'organisation', id: organisationId }) : Promise.resolve([]));
    if (step.action === 'claim') await tell(await office(), 'claimed');
    if (step.action === 'fulfil') await tell(await office(), 'fulfilled');
    if (step.action === 'release') await tell(await office(), 'returned');
    if (step.action === 'dispute') await tell(await claimant(), 'returned');
    if (step.action === 'confirm') await tell(await claimant(), 'completed');
    // The resident who asked on the portal hears that their wish was taken up and that it is done,
    // only if they ticked consent when submitting.
    if (row.notify_consent === 1 && row.submitter_phone && (step.action === 'claim' || step.action === 'confirm')) {
      await queueForPhone(trx, row.submitter_phone, row.division_id, { event: step.action === 'claim' ? 'wish_claimed' : 'wish_done', entity: 'need', entityId: id, params: { ticketNo: row.ticket_no ?? '', title: row.title }, at });
    }

    await recordAudit(trx, ctx, {
      action: `need.${step.action}`,
      entity: 'need',
      entityId: id,
      divisionId: row.division_id,
      detail: { from, to: input.to, ...(organisationId !== null ? { organisationId } : {}) },
    });
  });
  return detail(ctx, id);
}
