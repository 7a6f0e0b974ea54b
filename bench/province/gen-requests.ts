import { defaultKindOf } from '@tongxin/core';
import type { ClaimState, DispatchState } from '@tongxin/core/sla/index';
import { mobile, personName } from './gen-registry.ts';
import { historyStart, hourMs, iso, ymd, dayMs } from './plan.ts';
import { seededRandom, type Random } from './random.ts';
import { flushIfFull, pickOr, t, type World } from './world.ts';

const stamps = [['version', 'int'], ['created_at', 'text'], ['updated_at', 'text']] as const;
const cases = t('cases', [
  ['id', 'int'], ['ticket_no', 'text'], ['division_id', 'int'], ['office_division_id', 'int'], ['kind', 'text'], ['category', 'text'], ['channel', 'text'], ['title', 'text'], ['content', 'text'],
  ['submitter_name', 'text'], ['submitter_phone', 'text'], ['submitter_organisation_id', 'int'], ['state', 'text'], ['lead_unit_type', 'text'], ['lead_unit_id', 'int'], ['reply', 'text'],
  ['satisfaction', 'text'], ['solved', 'int'], ['unit_at_fault', 'int'], ['received_at', 'text'], ['closed_at', 'text'], ['created_by', 'int'], ...stamps,
]);
const caseUnits = t('case_units', [['id', 'int'], ['case_id', 'int'], ['unit_type', 'text'], ['unit_id', 'int'], ['role', 'text'], ['active', 'int'], ['dispatched_at', 'text']]);
const caseEvents = t('case_events', [
  ['id', 'int'], ['case_id', 'int'], ['at', 'text'], ['actor_id', 'int'], ['actor_name', 'text'], ['action', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['note', 'text'], ['is_public', 'int'], ['unit_type', 'text'], ['unit_id', 'int'], ['detail', 'text'],
]);
const needs = t('needs', [
  ['id', 'int'], ['ticket_no', 'text'], ['division_id', 'int'], ['office_division_id', 'int'], ['title', 'text'], ['description', 'text'], ['wanted_by', 'text'], ['state', 'text'], ['published_at', 'text'],
  ['claimant_organisation_id', 'int'], ['claimed_at', 'text'], ['fulfilled_at', 'text'], ['confirmed_at', 'text'], ['channel', 'text'], ['submitter_name', 'text'], ['submitter_phone', 'text'], ['created_by', 'int'], ...stamps,
]);
const needServices = t('need_services', [['need_id', 'int'], ['service_kind_id', 'int']]);
const needEvents = t('need_events', [['id', 'int'], ['need_id', 'int'], ['at', 'text'], ['actor_id', 'int'], ['actor_name', 'text'], ['action', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['note', 'text'], ['is_public', 'int'], ['organisation_id', 'int']]);

const categories = [['help', 35], ['question', 25], ['idea', 10], ['opinion', 20], ['wish', 10]] as const;
const channels = [['portal', 40], ['hotline', 30], ['visit', 15], ['organisation', 10], ['other', 5]] as const;
const subjects = ['路灯不亮', '小区停车难', '老旧小区加装电梯', '企业用工咨询', '子女入学咨询', '河道保洁', '噪声扰民', '政策补贴申请', '社区养老服务', '就业创业扶持'];
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ticket in the service's shape (`TX` + date + 8 characters), unique because it encodes the id. */
export function ticketFor(prefix: string, at: number, id: number): string {
  let tail = '';
  for (let n = id, i = 0; i < 8; i++, n = Math.floor(n / 32)) tail = alphabet[n % 32] + tail;
  return `${prefix}${ymd(at).slice(2).replace(/-/g, '')}-${tail}`;
}

/** A time recent records crowd towards (use of the platform grows). */
const receivedTime = (random: Random, world: World) => historyStart + Math.floor(Math.sqrt(random.next()) * (world.now - historyStart));

/**
 * Requests on the dispatch route, each walked through the state machine step by step as the
 * service would write it (state, version, lead unit, units of each round, reply, follow-up
 * figures, closed_at, one history line per step, the redo after "not satisfied" by the unit's
 * fault). A walk stops at a closed state, at "today", or — for a few — stalls (overdue work).
 */
export async function generateCases(world: World): Promise<void> {
  const random = seededRandom(world.seed, 'cases');
  const caseWriter = world.sink.table(cases);
  const unitWriter = world.sink.table(caseUnits);
  const eventWriter = world.sink.table(caseEvents);
  let eventId = 1;
  let unitId = 1;
  for (let id = 1; id <= world.plan.cases; id++) {
    const division = random.chance(0.75) ? random.pick(world.villages) : random.pick(world.towns);
    const office = world.townOf[division]!;
    const actor = world.staffOf[office]!;
    const actorName = world.staffName.get(actor) ?? null;
    const category = random.weighted(categories);
    const channel = random.weighted(channels);
    const received = receivedTime(random, world);
    let at = received;
    let state: DispatchState = 'received';
    let version = 1;
    let lead: [string, number] | null = null;
    let reply: string | null = null;
    let satisfaction: string | null = null;
    let solved: number | null = null;
    let unitAtFault: number | null = null;
    let closedAt: string | null = null;
    let redo = 0;
    const units: Array<[string, number, string, number, string]> = [];
    const event = (action: string, from: string | null, to: string | null, extra: { note?: string; unit?: [string, number] | null; detail?: string; public?: number } = {}) => {
      eventWriter.add([eventId++, id, iso(at), actor, actorName, action, from, to, extra.note ?? null, extra.public ?? 0, extra.unit?.[0] ?? null, extra.unit?.[1] ?? null, extra.detail ?? null]);
    };
    event('register', null, 'received');
    /** Move the clock on; false (and no step) when that would pass "today" or the case stalls here. */
    const wait = (minHours: number, maxHours: number) => {
      const next = at + random.between(minHours * 60, maxHours * 60) * 60_000;
      if (next >= world.now || random.chance(0.004)) return false;
      at = next;
      return true;
    };
    const go = (action: string, to: DispatchState, extra: Parameters<typeof event>[3] = {}) => {
      event(action, state, to, extra);
      state = to;
      version += 1;
      if (to === 'closed') closedAt = iso(at);
    };
    const dispatch = (action: string) => {
      const town = world.townOf[division]!;
      const org = random.chance(0.6) ? pickOr(random, world.orgsByTown.get(town), null) : null;
      lead = org === null ? ['division', town] : ['organisation', org];
      for (const unit of units) unit[3] = 0;
      units.push([lead[0], lead[1], 'lead', 1, iso(at)]);
      const assist = random.chance(0.15) ? pickOr(random, world.orgsByTown.get(town), null) : null;
      const detail = assist !== null && assist !== lead[1] ? JSON.stringify({ assists: [{ type: 'organisation', id: assist }] }) : undefined;
      if (detail) units.push(['organisation', assist!, 'assist', 1, iso(at)]);
      go(action, 'dispatched', { unit: lead, ...(detail ? { detail } : {}) });
    };
    walk: for (;;) {
      switch (state as DispatchState) {
        case 'received': {
          if (!wait(0.2, 30)) break walk;
          const roll = random.next();
          if (roll < 0.8) dispatch('dispatch');
          else if (roll < 0.92) {
            reply = '已电话答复。';
            go('answer_directly', 'replied', { public: 1 });
          } else go('close_invalid', 'closed', { note: '重复诉求' });
          break;
        }
        case 'dispatched':
          if (!wait(0.5, 48)) break walk;
          if (random.chance(0.9)) go('accept', 'accepted', { unit: lead });
          else go('return', 'returned', { note: '不属于本单位职责', unit: lead });
          break;
        case 'accepted':
          if (!wait(0.5, 24)) break walk;
          if (random.chance(0.96)) go('start', 'in_progress', { unit: lead });
          else go('return', 'returned', { note: '需其他部门办理', unit: lead });
          break;
        case 'in_progress':
          if (!wait(12, 24 * 14)) break walk;
          reply = '已办结，情况属实，已处理。';
          go('reply', 'replied', { unit: lead, public: 1 });
          break;
        case 'returned':
          if (!wait(1, 48)) break walk;
          if (random.chance(0.85)) dispatch('redispatch');
          else go('close_invalid', 'closed', { note: '不属于受理范围' });
          break;
        case 'replied':
          if (!wait(12, 24 * 5)) break walk;
          if (random.chance(0.87)) {
            const level = random.weighted([['satisfied', 75], ['basically_satisfied', 17], ['not_satisfied', 8]] as const);
            const fault = level === 'not_satisfied' && redo < 2 && random.chance(0.5);
            satisfaction = level;
            solved = level === 'not_satisfied' ? 0 : 1;
            unitAtFault = level === 'not_satisfied' ? (fault ? 1 : 0) : null;
            go('follow_up', 'followed_up', { detail: JSON.stringify({ satisfaction: level, solved: solved === 1, unitAtFault: fault }) });
            if (fault) {
              redo += 1;
              // The service writes the follow-up and the redo at the same instant, as two lines.
              event('reopen', 'followed_up', 'in_progress', { note: '群众不满意，重新办理', unit: lead });
              state = 'in_progress';
            }
          } else go('close_without_follow_up', 'closed', { note: '多次联系未接通' });
          break;
        case 'followed_up':
          if (!wait(0.5, 48)) break walk;
          go('close', 'closed');
          break;
        case 'closed':
          break walk;
      }
    }
    const title = `${random.pick(subjects)}`;
    const leadUnit = lead as [string, number] | null;
    caseWriter.add([
      id, ticketFor('TX', received, id), division, office, defaultKindOf(category), category, channel, title, `${title}，请尽快处理。`,
      personName(random), mobile(random), channel === 'organisation' ? pickOr(random, world.orgsByTown.get(office), null) : null, state,
      leadUnit?.[0] ?? null, leadUnit?.[1] ?? null, reply, satisfaction, solved, unitAtFault, iso(received), closedAt, actor, version, iso(received), iso(at),
    ]);
    for (const unit of units) unitWriter.add([unitId++, id, ...unit]);
    await flushIfFull(caseWriter, unitWriter, eventWriter);
  }
  await caseWriter.flush();
  await unitWriter.flush();
  await eventWriter.flush();
}

/** Needs on the claim route: posted, published (most), then claimed, fulfilled, confirmed — or released, disputed, withdrawn, expired, republished. */
export async function generateNeeds(world: World): Promise<void> {
  const random = seededRandom(world.seed, 'needs');
  const needWriter = world.sink.table(needs);
  const serviceWriter = world.sink.table(needServices);
  const eventWriter = world.sink.table(needEvents);
  let eventId = 1;
  for (let id = 1; id <= world.plan.needs; id++) {
    const division = random.chance(0.8) ? random.pick(world.villages) : random.pick(world.towns);
    const office = world.townOf[division]!;
    const actor = world.staffOf[office]!;
    const actorName = world.staffName.get(actor) ?? null;
    const posted = receivedTime(random, world);
    let at = posted;
    let state: ClaimState = 'open';
    let version = 1;
    let publishedAt: string | null = null;
    let claimant: number | null = null;
    let claimedAt: string | null = null;
    let fulfilledAt: string | null = null;
    let confirmedAt: string | null = null;
    let wantedBy = posted + random.between(7, 60) * dayMs;
    const event = (action: string, from: string | null, to: string | null, org: number | null = null, note: string | null = null) =>
      eventWriter.add([eventId++, id, iso(at), actor, actorName, action, from, to, note, action === 'post' || action === 'publish' ? 1 : 0, org]);
    const wait = (minHours: number, maxHours: number) => {
      const next = at + random.between(minHours * 60, maxHours * 60) * 60_000;
      if (next >= world.now) return false;
      at = next;
      return true;
    };
    const go = (action: string, to: ClaimState, org: number | null = null, note: string | null = null) => {
      event(action, state, to, org, note);
      state = to;
      version += 1;
    };
    event('post', null, 'open');
    if (random.chance(0.95)) {
      publishedAt = iso(at);
      event('publish', null, null);
      walk: for (let steps = 0; steps < 12; steps++) {
        if (!wait(2, 24 * 10)) break;
        const roll = random.next();
        switch (state as ClaimState) {
          case 'open':
            if (roll < 0.7) {
              claimant = pickOr(random, world.orgsByTown.get(office), null);
              if (claimant === null) break walk;
              claimedAt = iso(at);
              go('claim', 'claimed', claimant);
            } else if (roll < 0.75) go('withdraw', 'withdrawn');
            else if (roll < 0.85 && at > wantedBy) go('expire', 'expired');
            else break walk;
            break;
          case 'claimed':
            if (roll < 0.8) {
              fulfilledAt = iso(at);
              go('fulfil', 'fulfilled', claimant);
            } else if (roll < 0.9) {
              go('release', 'open', claimant, '人手不足');
              claimant = null;
              claimedAt = null;
            } else if (roll < 0.93) go('withdraw', 'withdrawn', null, '需求已由社区解决');
            else break walk;
            break;
          case 'fulfilled':
            if (roll < 0.85) {
              confirmedAt = iso(at);
              go('confirm', 'confirmed');
            } else if (roll < 0.95) {
              fulfilledAt = null;
              go('dispute', 'claimed', null, '心愿未完全实现');
            } else break walk;
            break;
          case 'expired':
            if (roll < 0.3) {
              wantedBy = at + random.between(7, 30) * dayMs;
              go('republish', 'open');
            } else break walk;
            break;
          default:
            break walk;
        }
      }
    }
    needWriter.add([
      id, ticketFor('XQ', posted, id), division, office, `${random.pick(subjects)}微心愿`, '社区群众提出的需求。', ymd(wantedBy), state, publishedAt, claimant, claimedAt, fulfilledAt, confirmedAt,
      random.chance(0.3) ? 'portal' : 'staff', personName(random), mobile(random), actor, version, iso(posted), iso(at),
    ]);
    const first = 1 + random.int(10);
    serviceWriter.add([id, first]);
    if (random.chance(0.3)) serviceWriter.add([id, 1 + ((first + random.int(9)) % 10)]);
    await flushIfFull(needWriter, serviceWriter, eventWriter);
  }
  await needWriter.flush();
  await serviceWriter.flush();
  await eventWriter.flush();
}
