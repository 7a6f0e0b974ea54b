import { translate, type CaseCategory, type PortalTrackResult } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';
import type { RequestContext } from '../../http/context.ts';
import { unitNames } from '../cases/index.ts';
import { takeTrackSlot } from './portal.guard.ts';
import { caseEventsOfActions, needEventsOfActions, routedNeedEvents, trackedCase, trackedNeed } from './portal.repo.ts';

/*
 * Tracking shows the steps the public may see and the final reply. A staff note, a return, a
 * reminder, the name of whoever did a step and the submitter's own phone never leave the server;
 * a step's note only when the step was marked public.
 */

/** Case actions the portal shows, and the public step each reads as. */
const caseSteps: Record<string, string> = {
  register: 'received',
  // A wish routed from the claim route to dispatch (转为派单办理).
  register_from_need: 'routed',
  dispatch: 'dispatched',
  redispatch: 'dispatched',
  accept: 'accepted',
  start: 'in_progress',
  reply: 'replied',
  answer_directly: 'replied',
  follow_up: 'followed_up',
  reopen: 'reopened',
  close: 'closed',
  close_invalid: 'closed',
  close_without_follow_up: 'closed',
};

/** Need actions the portal shows. */
const needSteps: Record<string, string> = {
  post: 'received',
  publish: 'published',
  claim: 'claimed',
  fulfil: 'fulfilled',
  confirm: 'confirmed',
  withdraw: 'withdrawn',
  expire: 'expired',
  republish: 'published',
};

const caseStatus: Record<string, PortalTrackResult['status']> = {
  received: 'received',
  dispatched: 'in_progress',
  accepted: 'in_progress',
  in_progress: 'in_progress',
  returned: 'in_progress',
  replied: 'replied',
  followed_up: 'replied',
  closed: 'closed',
};

const lastFour = (phone: string | null) => (phone ?? '').replace(/\D/g, '').slice(-4);

function notFoundAfterFailure(): never {
  // One answer for "no such ticket" and "wrong digits": the portal is no oracle for ticket numbers.
  throw new AppError('not_found', { params: { entity: 'entities.ticket' } });
}

/** Public steps of the wish a case was routed from (same ticket), before the case took it over. */
async function routedNeedSteps(ctx: RequestContext, ticketNo: string): Promise<PortalTrackResult['steps']> {
  const events = await routedNeedEvents(ctx.db, ticketNo);
  return events.map((e) => ({
    at: e.at,
    step: needSteps[e.action]!,
    label: translate(ctx.locale, `requests.portalSteps.${needSteps[e.action]!}`),
    unitName: null,
    note: e.is_public === 1 ? e.note : null,
  }));
}

/**
 * The public view of a ticket, given its number and the last four digits of the phone it was
 * submitted with; 404 for either mismatch, 429 after too many misses from one address.
 *
 * @example
 * await track(ctx, { ticketNo: 'TX261125-K7Q4MZ3P', phoneLast4: '5678' });
 */
export async function track(ctx: RequestContext, input: { ticketNo: string; phoneLast4: string }): Promise<PortalTrackResult> {
  // Counted as a miss before the lookup; given back when the ticket is found.
  const hit = await takeTrackSlot(ctx);
  const label = (step: string) => translate(ctx.locale, `requests.portalSteps.${step}`);
  const found = await trackedCase(ctx.db, input.ticketNo);
  if (found) {
    if (lastFour(found.submitter_phone) !== input.phoneLast4) return notFoundAfterFailure();
    const events = await caseEventsOfActions(ctx.db, found.id, Object.keys(caseSteps));
    const earlier = await routedNeedSteps(ctx, input.ticketNo);
    const names = await unitNames(ctx.db, events.flatMap((e) => (e.unit_type && e.unit_id !== null ? [{ type: e.unit_type, id: e.unit_id }] : [])));
    const replyEvent = [...events].reverse().find((e) => e.action === 'reply' || e.action === 'answer_directly');
    await hit();
    return {
      ticketNo: input.ticketNo,
      category: found.category as CaseCategory,
      title: found.title,
      divisionName: found.division_name,
      status: caseStatus[found.state] ?? 'in_progress',
      submittedAt: found.received_at,
      steps: [
        ...earlier,
        ...events.map((e) => ({
        at: e.at,
        step: caseSteps[e.action]!,
        label: label(caseSteps[e.action]!),
        unitName: e.unit_type && e.unit_id !== null ? (names.get(`${e.unit_type}:${e.unit_id}`) ?? null) : null,
        note: e.is_public === 1 ? e.note : null,
        })),
      ],
      reply: found.reply && replyEvent ? { text: found.reply, at: replyEvent.at } : null,
    };
  }
  const need = await trackedNeed(ctx.db, input.ticketNo);
  if (!need || lastFour(need.submitter_phone) !== input.phoneLast4) return notFoundAfterFailure();
  const events = await needEventsOfActions(ctx.db, need.id, Object.keys(needSteps));
  await hit();
  const state = need.state;
  const status: PortalTrackResult['status'] =
    state === 'open' ? (need.published_at === null ? 'awaiting_review' : 'open') : state === 'confirmed' ? 'closed' : (state as PortalTrackResult['status']);
  return {
    ticketNo: input.ticketNo,
    category: 'wish',
    title: need.title,
    divisionName: need.division_name,
    status,
    submittedAt: need.created_at,
    steps: events.map((e) => ({
      at: e.at,
      step: needSteps[e.action]!,
      label: label(needSteps[e.action]!),
      // A claim names the organisation (a unit), never a person.
      unitName: e.action === 'claim' ? e.organisation_name : null,
      note: e.is_public === 1 ? e.note : null,
    })),
    reply: null,
  };
}
