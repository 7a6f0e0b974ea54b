import type { CaseTransition, UnitRef } from '@tongxin/core';
import { dispatchMachine, stateAfterFollowUp, type DispatchState } from '@tongxin/core/sla/index';
import { fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify } from '../../kernel/notify.ts';
import { queueForPhone } from '../outbox/outbox.queue.ts';
import { assertCan, sideOf } from './cases.policy.ts';
import { findCase, insertCaseEvents, replaceCaseUnits, updateCase, type CasePatch, type NewCaseEvent } from './cases.repo.ts';
import { caseTarget, detail } from './cases.service.ts';
import { allowedStep, checkedStep } from './transition-errors.ts';
import { actorUnits, handlersOfUnit, officeStaffOf, unitKey } from './units.repo.ts';
import { unitForDispatch } from './units.service.ts';

/**
 * Take one step of the dispatch route. Checked in this order: visible at all (403), allowed by
 * the state machine (409 with `details.allowed`), this side's right (403), a reason where the
 * step needs one (400), the version (409). The state change, its history lines, the units of the
 * round, the notifications and the audit entry are written in one transaction.
 *
 * @example
 * await transition(ctx, 7, { to: 'dispatched', unit: { type: 'organisation', id: 3 }, version: 1 });
 */
export async function transition(ctx: ActorContext, id: number, input: CaseTransition) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findCase(trx, id);
    if (!row) throw notFound('case');
    const [target, units] = await Promise.all([caseTarget(trx, row), actorUnits(trx, ctx.actor)]);
    assertCan(ctx.actor, units, 'read', target);
    const from = row.state as DispatchState;
    const step = allowedStep(dispatchMachine, from, input.to);
    assertCan(ctx.actor, units, sideOf(from, input.to), target);
    if (row.version !== input.version) throw versionConflict('case');

    const at = nowIso(ctx);
    const actor = { actorId: ctx.actor.userId, actorName: ctx.actor.displayName };
    const note = input.note?.trim() || null;
    const event = (e: Omit<NewCaseEvent, 'caseId' | 'at' | 'actorId' | 'actorName'>): NewCaseEvent => ({ caseId: id, at, ...actor, ...e });
    const patch: CasePatch = { state: input.to };
    const events: NewCaseEvent[] = [];
    const lead = target.leadUnit;
    const params = { title: row.title, ticketNo: row.ticket_no };
    const tell = async (recipients: number[], kind: Parameters<typeof notify>[1]['kind'], extra: Record<string, string> = {}) =>
      notify(trx, { recipients, kind, entity: 'case', entityId: id, params: { ...params, ...extra }, at, exceptUserId: ctx.actor.userId });

    switch (input.to) {
      case 'dispatched': {
        const leadRef = await unitForDispatch(ctx, trx, input.unit, 'body.unit');
        const assists: UnitRef[] = [];
        for (const [i, ref] of (input.assistUnits ?? []).entries()) {
          const unit = await unitForDispatch(ctx, trx, ref, `body.assistUnits.${i}`);
          if (unitKey(unit) === unitKey(leadRef) || assists.some((a) => unitKey(a) === unitKey(unit))) {
            throw fieldError(`body.assistUnits.${i}`, 'validation.unique_items');
          }
          assists.push(unit);
        }
        checkedStep(dispatchMachine, from, input.to, note);
        patch.lead_unit_type = leadRef.type;
        patch.lead_unit_id = leadRef.id;
        await replaceCaseUnits(trx, id, leadRef, assists, at);
        events.push(event({ action: step.action, fromState: from, toState: 'dispatched', note, isPublic: input.public, unit: leadRef, detail: assists.length ? { assists } : null }));
        await tell(await handlersOfUnit(trx, leadRef), 'assignment', { role: 'lead' });
        for (const assist of assists) await tell(await handlersOfUnit(trx, assist), 'assignment', { role: 'assist' });
        break;
      }
      case 'replied': {
        checkedStep(dispatchMachine, from, input.to, note);
        patch.reply = input.reply;
        events.push(event({ action: step.action, fromState: from, toState: 'replied', note, isPublic: input.public, unit: from === 'in_progress' ? lead : null }));
        if (from === 'in_progress') await tell(await officeStaffOf(trx, row.office_division_id), 'reply');
        break;
      }
      case 'followed_up': {
        const unitAtFault = input.satisfaction === 'not_satisfied' && input.unitAtFault;
        patch.satisfaction = input.satisfaction;
        patch.solved = input.solved ? 1 : 0;
        patch.unit_at_fault = input.satisfaction === 'not_satisfied' ? (unitAtFault ? 1 : 0) : null;
        const detailOut = { satisfaction: input.satisfaction, solved: input.solved, unitAtFault };
        events.push(event({ action: step.action, fromState: from, toState: 'followed_up', note, isPublic: input.public, detail: detailOut }));
        // "Not satisfied" for the unit's own reasons sends the case back to the unit for redo.
        if (stateAfterFollowUp(input.satisfaction, unitAtFault) === 'in_progress') {
          const reopen = checkedStep(dispatchMachine, 'followed_up', 'in_progress', note);
          patch.state = 'in_progress';
          events.push(event({ action: reopen.action, fromState: 'followed_up', toState: 'in_progress', note, isPublic: input.public, unit: lead }));
          if (lead) await tell(await handlersOfUnit(trx, lead), 'assignment', { role: 'redo' });
        }
        break;
      }
      default: {
        checkedStep(dispatchMachine, from, input.to, note);
        if (input.to === 'closed') patch.closed_at = at;
        const unitSide = sideOf(from, input.to) === 'unit_step' || step.action === 'reopen';
        events.push(event({ action: step.action, fromState: from, toState: input.to, note, isPublic: input.public, unit: unitSide ? lead : null }));
        if (input.to === 'returned') await tell(await officeStaffOf(trx, row.office_division_id), 'returned', { reason: note ?? '' });
        if (step.action === 'reopen' && lead) await tell(await handlersOfUnit(trx, lead), 'assignment', { role: 'redo' });
      }
    }
    // A portal submitter who ticked consent is texted when their ticket is answered and closed.
    if ((patch.state === 'replied' || patch.state === 'closed') && row.notify_consent && row.submitter_phone) {
      await queueForPhone(trx, row.submitter_phone, row.division_id, { event: patch.state === 'replied' ? 'ticket_replied' : 'ticket_closed', entity: 'case', entityId: id, params: { ticketNo: row.ticket_no }, at });
    }
    if (!(await updateCase(trx, id, input.version, patch, at))) throw versionConflict('case');
    await insertCaseEvents(trx, events);
    await recordAudit(trx, ctx, {
      action: `case.${step.action}`,
      entity: 'case',
      entityId: id,
      divisionId: row.division_id,
      detail: { from, to: patch.state, ...(patch.lead_unit_type ? { unit: `${patch.lead_unit_type}:${patch.lead_unit_id}` } : {}) },
    });
  });
  return detail(ctx, id);
}
