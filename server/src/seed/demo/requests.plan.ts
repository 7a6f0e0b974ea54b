import crypto from 'node:crypto';
import { dayKeyOf, dayNumberFromKey, isWorkingDay, shanghaiDateKey, toMs } from '@tongxin/core/calendar/index';
import { claimMachine, dispatchMachine, findTransition, type ClaimState, type DispatchState } from '@tongxin/core/sla/index';
import type { NewCaseEvent } from '../../modules/cases/cases.repo.ts';
import type { NewNeedEvent } from '../../modules/needs/needs.repo.ts';
import type { SeedContext } from './context.ts';

/*
 * Histories for the demo's requests, built step by step and checked against the same state
 * machines the API uses (an impossible history fails the seed), then written in batches.
 */

const BATCH = 400;
const chunks = <T>(rows: T[]): T[][] => Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

/** Working days of 2026 (calendar with holidays and make-up days), as `YYYY-MM-DD`. */
export const workdays2026: string[] = (() => {
  const out: string[] = [];
  for (let d = dayNumberFromKey('2026-01-01'); d <= dayNumberFromKey('2026-12-31'); d++) if (isWorkingDay(dayKeyOf(d))) out.push(dayKeyOf(d));
  return out;
})();

/** Shanghai `YYYY-MM-DD` + `HH:MM` → UTC ISO. */
export const at = (day: string, hhmm: string): string => new Date(toMs(`${day} ${hhmm}`)).toISOString();

/** The working day `k` working days after `day` (k = 0: the day itself). */
export function workdayAfter(day: string, k: number): string {
  const i = workdays2026.indexOf(day);
  if (i < 0) throw new Error(`Demo seed: ${day} is not a working day`);
  return workdays2026[Math.min(i + k, workdays2026.length - 1)]!;
}

/** The n-th of `count` working days spread evenly from `from` to `to` (inclusive). */
export function spreadDay(n: number, count: number, from: string, to: string): string {
  const days = workdays2026.filter((d) => d >= from && d <= to);
  return days[Math.floor((n * days.length) / count)]!;
}

/**
 * `n` days after the day the seed runs (Beijing date of `ctx.at`). Records that must still be
 * waiting when someone opens the demo (open wishes on the needs board) are dated from the run's
 * day, not from a fixed date that has long passed by the time the demo is shown: a need 3 days
 * past its date expires and leaves the board (issue 17).
 */
export function daysFromSeedDay(ctx: Pick<SeedContext, 'at'>, n: number): string {
  return dayKeyOf(dayNumberFromKey(shanghaiDateKey(ctx.at)) + n);
}

/** A deterministic ticket number in the real format (the demo must be the same every time). */
export function demoTicket(label: string, n: number, day: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = crypto.createHash('sha256').update(`tongxin-demo:${label}:${n}`).digest();
  let tail = '';
  for (let i = 0; i < 8; i++) tail += alphabet[bytes[i]! % 32];
  return `TX${day.slice(2).replace(/-/g, '')}-${tail}`;
}

type Unit = { type: 'organisation' | 'division'; id: number };

export interface CasePlan {
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
  submitterOrganisationId: number | null;
  receivedAt: string;
  state: DispatchState;
  lead: Unit | null;
  reply: string | null;
  satisfaction: string | null;
  solved: number | null;
  unitAtFault: number | null;
  closedAt: string | null;
  updatedAt: string;
  events: Array<Omit<NewCaseEvent, 'caseId'>>;
  units: Array<{ unit: Unit; role: 'lead' | 'assist'; active: number; at: string }>;
}

/**
 * Start a case's history at registration; `step` adds each later state, checked by the machine.
 *
 * @example
 * const c = newCase({ ... }, '王敏'); c.step('dispatched', at('2026-03-02', '10:00'), { unit });
 */
export function newCase(base: Omit<CasePlan, 'state' | 'lead' | 'reply' | 'satisfaction' | 'solved' | 'unitAtFault' | 'closedAt' | 'updatedAt' | 'events' | 'units'>, actorName: string) {
  const plan: CasePlan = { ...base, state: 'received', lead: null, reply: null, satisfaction: null, solved: null, unitAtFault: null, closedAt: null, updatedAt: base.receivedAt, events: [], units: [] };
  plan.events.push({ at: base.receivedAt, actorId: null, actorName: base.channel === 'portal' ? null : actorName, action: 'register', toState: 'received' });
  const step = (to: DispatchState, when: string, extra: { unit?: Unit; note?: string; isPublic?: boolean; reply?: string; satisfaction?: string; solved?: boolean; actor?: string } = {}) => {
    const transition = findTransition(dispatchMachine, plan.state, to);
    if (!transition) throw new Error(`Demo seed: ${plan.title} cannot go ${plan.state} → ${to}`);
    if (extra.unit) {
      for (const u of plan.units) u.active = 0;
      plan.units.push({ unit: extra.unit, role: 'lead', active: 1, at: when });
      plan.lead = extra.unit;
    }
    if (extra.reply) plan.reply = extra.reply;
    if (extra.satisfaction) {
      plan.satisfaction = extra.satisfaction;
      plan.solved = extra.solved ? 1 : 0;
      plan.unitAtFault = extra.satisfaction === 'not_satisfied' ? 0 : null;
    }
    if (to === 'closed') plan.closedAt = when;
    const unitSide = ['accepted', 'returned'].includes(to) || (to === 'in_progress' && plan.state === 'accepted') || (to === 'replied' && plan.state === 'in_progress');
    plan.events.push({
      at: when,
      actorId: null,
      actorName: extra.actor ?? actorName,
      action: transition.action,
      fromState: plan.state,
      toState: to,
      note: extra.note ?? null,
      isPublic: extra.isPublic ?? false,
      unit: extra.unit ?? (unitSide ? plan.lead : null),
    });
    plan.state = to;
    plan.updatedAt = when;
    return api;
  };
  const api = { plan, step };
  return api;
}

/** Write planned cases, their units and their histories; returns the new ids in plan order. */
export async function insertCases(ctx: SeedContext, plans: CasePlan[]): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const batch of chunks(plans)) {
    const rows = await ctx.db
      .insertInto('cases')
      .values(
        batch.map((p) => ({
          ticket_no: p.ticketNo,
          division_id: p.divisionId,
          office_division_id: p.officeDivisionId,
          kind: p.kind,
          category: p.category,
          channel: p.channel,
          title: p.title,
          content: p.content,
          submitter_name: p.submitterName,
          submitter_phone: p.submitterPhone,
          submitter_organisation_id: p.submitterOrganisationId,
          state: p.state,
          lead_unit_type: p.lead?.type ?? null,
          lead_unit_id: p.lead?.id ?? null,
          reply: p.reply,
          satisfaction: p.satisfaction,
          solved: p.solved,
          unit_at_fault: p.unitAtFault,
          received_at: p.receivedAt,
          closed_at: p.closedAt,
          created_by: null,
          version: p.events.length,
          created_at: p.receivedAt,
          updated_at: p.updatedAt,
        })),
      )
      .returning(['id', 'ticket_no'])
      .execute();
    for (const row of rows) ids.set(row.ticket_no, row.id);
  }
  const events = plans.flatMap((p) => p.events.map((e) => ({ ...e, caseId: ids.get(p.ticketNo)! })));
  for (const batch of chunks(events)) {
    await ctx.db
      .insertInto('case_events')
      .values(
        batch.map((e) => ({
          case_id: e.caseId,
          at: e.at,
          actor_id: null,
          actor_name: e.actorName,
          action: e.action,
          from_state: e.fromState ?? null,
          to_state: e.toState ?? null,
          note: e.note ?? null,
          is_public: e.isPublic ? 1 : 0,
          unit_type: e.unit?.type ?? null,
          unit_id: e.unit?.id ?? null,
          detail: null,
        })),
      )
      .execute();
  }
  const units = plans.flatMap((p) => p.units.map((u) => ({ case_id: ids.get(p.ticketNo)!, unit_type: u.unit.type, unit_id: u.unit.id, role: u.role, active: u.active, dispatched_at: u.at })));
  for (const batch of chunks(units)) await ctx.db.insertInto('case_units').values(batch).execute();
  return plans.map((p) => ids.get(p.ticketNo)!);
}

export interface NeedPlan {
  ticketNo: string | null;
  divisionId: number;
  officeDivisionId: number;
  title: string;
  description: string;
  wantedBy: string;
  channel: 'portal' | 'staff';
  submitterName: string | null;
  submitterPhone: string | null;
  createdAt: string;
  serviceKindIds: number[];
  state: ClaimState;
  publishedAt: string | null;
  claimant: number | null;
  claimedAt: string | null;
  fulfilledAt: string | null;
  confirmedAt: string | null;
  updatedAt: string;
  events: Array<Omit<NewNeedEvent, 'needId'>>;
}

/** Walk a need through the claim route; each step checked by the machine. */
export function walkNeed(plan: NeedPlan, steps: Array<{ to: ClaimState; at: string; organisationId?: number; actor: string; note?: string }>): NeedPlan {
  for (const s of steps) {
    const transition = findTransition(claimMachine, plan.state, s.to);
    if (!transition) throw new Error(`Demo seed: need ${plan.title} cannot go ${plan.state} → ${s.to}`);
    if (transition.action === 'claim') {
      plan.claimant = s.organisationId ?? null;
      plan.claimedAt = s.at;
    }
    if (transition.action === 'fulfil') plan.fulfilledAt = s.at;
    if (transition.action === 'confirm') plan.confirmedAt = s.at;
    plan.events.push({ at: s.at, actorId: null, actorName: s.actor, action: transition.action, fromState: plan.state, toState: s.to, note: s.note ?? null, isPublic: Boolean(s.note), organisationId: plan.claimant });
    plan.state = s.to;
    plan.updatedAt = s.at;
  }
  return plan;
}

export async function insertNeeds(ctx: SeedContext, plans: NeedPlan[]): Promise<void> {
  const ids: number[] = [];
  for (const batch of chunks(plans)) {
    const rows = await ctx.db
      .insertInto('needs')
      .values(
        batch.map((p) => ({
          ticket_no: p.ticketNo,
          division_id: p.divisionId,
          office_division_id: p.officeDivisionId,
          title: p.title,
          description: p.description,
          wanted_by: p.wantedBy,
          state: p.state,
          published_at: p.publishedAt,
          claimant_organisation_id: p.claimant,
          claimed_at: p.claimedAt,
          fulfilled_at: p.fulfilledAt,
          confirmed_at: p.confirmedAt,
          channel: p.channel,
          submitter_name: p.submitterName,
          submitter_phone: p.submitterPhone,
          created_by: null,
          version: p.events.length,
          created_at: p.createdAt,
          updated_at: p.updatedAt,
        })),
      )
      .returning('id')
      .execute();
    // Needs have no unique key to match on; one statement numbers its rows in VALUES order on both engines.
    ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  const events = plans.flatMap((p, i) => p.events.map((e) => ({ ...e, needId: ids[i]! })));
  for (const batch of chunks(events)) {
    await ctx.db
      .insertInto('need_events')
      .values(batch.map((e) => ({ need_id: e.needId, at: e.at, actor_id: null, actor_name: e.actorName, action: e.action, from_state: e.fromState ?? null, to_state: e.toState ?? null, note: e.note ?? null, is_public: e.isPublic ? 1 : 0, organisation_id: e.organisationId ?? null })))
      .execute();
  }
  const services = plans.flatMap((p, i) => p.serviceKindIds.map((k) => ({ need_id: ids[i]!, service_kind_id: k })));
  for (const batch of chunks(services)) await ctx.db.insertInto('need_services').values(batch).execute();
}

/** An organisation of the demo by division and name, created when the registry demo has none. */
export async function findOrCreateOrganisation(ctx: SeedContext, division: number, name: string, type: string): Promise<number> {
  const found = await ctx.db.selectFrom('organisations').select('id').where('division_id', '=', division).where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const row = await ctx.db.insertInto('organisations').values({ division_id: division, name, type, created_at: ctx.at, updated_at: ctx.at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
