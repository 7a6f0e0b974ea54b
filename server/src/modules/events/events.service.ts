import crypto from 'node:crypto';
import { isParticipantOnly, isWithinScope, shanghaiToday, type EventCreate, type EventOut } from '@tongxin/core';
import { shanghaiDateKey, toShanghaiIso } from '@tongxin/core/calendar/index';
import { renderSVG } from 'uqr';
import { AppError, fieldError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createIn as createActivityIn, recordCheckedInAttendee } from '../activities/activities.service.ts';
import { hashToken } from '../auth/auth.service.ts';
import { assertOffice, assertParticipant, isOffice } from '../participants/participants.policy.ts';
import { queueForUsers } from '../outbox/outbox.queue.ts';
import { audienceGroupsOf, audienceTargetPath } from './events.audience.repo.ts';
import { checkDoorCode, doorCode } from './events.door-code.ts';
import { inAudience } from './events.policy.ts';
import {
  checkInAt,
  countCheckIns,
  countRegistered,
  deleteRegistration,
  eventsForParticipant,
  eventsInScope,
  findEvent,
  insertCheckIn,
  insertEvent,
  insertRegistration,
  lockEvent,
  mineOf,
  promoteFirstWaiting,
  registrationOf,
  registrationsOf,
  replaceFeedToken,
  type EventRow,
} from './events.repo.ts';

/** What an event's messages quote: its title, Beijing start time (MM-DD HH:mm) and place. */
export function eventMessageParams(row: { title: string; starts_at: string; place: string | null }): Record<string, string> {
  return { title: row.title, startsAt: toShanghaiIso(row.starts_at).slice(5, 16).replace('T', ' '), place: row.place ?? '' };
}

function toEvent(row: EventRow, mine: { registration?: string | undefined; checkIn?: string | undefined } = {}): EventOut {
  return {
    id: row.id,
    activityId: row.activity_id,
    divisionId: row.division_id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venueId: row.venue_id,
    place: row.place,
    capacity: row.capacity,
    audience: row.audience as EventOut['audience'],
    audienceRefId: row.audience_ref_id,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    waitingList: row.waiting_list === 1,
    registered: Number(row.registered ?? 0),
    waiting: Number(row.waiting ?? 0),
    checkedIn: Number(row.checked_in ?? 0),
    mine: (mine.registration as EventOut['mine'] | undefined) ?? null,
    myCheckIn: mine.checkIn ?? null,
  };
}

/** The groups a participant's audience checks need (their organisations' memberships and pairings today). */
const groupsOf = (ctx: ActorContext, db = ctx.db) => audienceGroupsOf(db, ctx.actor.userId, shanghaiToday(ctx.clock.now()));

/**
 * Load an event for reading: office of its subtree (403 out_of_scope otherwise), or a participant
 * in its audience (403 naming the audience otherwise: events.policy.ts); 404 unknown.
 */
async function loadEvent(ctx: ActorContext, id: number, db = ctx.db): Promise<EventRow> {
  const row = await findEvent(db, id);
  if (!row || row.archived_at !== null) throw notFound('activity');
  if (isParticipantOnly(ctx.actor)) {
    if (!inAudience(row, { scopePath: ctx.actor.scopePath, groups: await groupsOf(ctx, db) })) {
      throw new AppError('forbidden', { fields: [{ path: 'params.id', key: `participants.validation.audience_${row.audience}` }] });
    }
  } else if (!isWithinScope(row.division_path, ctx.actor.scopePath)) {
    throw new AppError('out_of_scope');
  }
  return row;
}

/** A chamber or programme audience names its group, which must exist (400) in the office's subtree (403). */
async function checkAudience(ctx: ActorContext, input: EventCreate): Promise<number | null> {
  if (input.audience !== 'chamber_members' && input.audience !== 'programme') return null;
  const ref = input.audienceRefId;
  if (ref === undefined || ref === null) throw fieldError('body.audienceRefId', 'validation.required');
  const path = await audienceTargetPath(ctx.db, input.audience, ref);
  if (path === undefined) throw fieldError('body.audienceRefId', 'validation.reference');
  if (!isWithinScope(path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  return ref;
}

/**
 * Plan an event: its activity (kind, title, date, venue; participant count 0 until people check
 * in) and the event row with a fresh door-code secret, in one transaction.
 */
export async function create(ctx: ActorContext, input: EventCreate): Promise<EventOut> {
  if (!isOffice(ctx.actor)) throw new AppError('forbidden');
  const audienceRefId = await checkAudience(ctx, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const activityId = await createActivityIn(ctx, trx, {
      divisionId: input.divisionId,
      title: input.title,
      date: shanghaiDateKey(new Date(input.startsAt)),
      kind: input.kind,
      venueId: input.venueId ?? null,
      participantCount: 0,
      summary: input.place ?? null,
    });
    const at = nowIso(ctx);
    const eventId = await insertEvent(
      trx,
      {
        activity_id: activityId,
        division_id: input.divisionId,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        place: input.place ?? null,
        capacity: input.capacity,
        audience: input.audience,
        audience_ref_id: audienceRefId,
        registration_opens_at: input.registrationOpensAt ?? null,
        registration_closes_at: input.registrationClosesAt ?? null,
        waiting_list: input.waitingList ? 1 : 0,
        secret: crypto.randomBytes(32).toString('base64url'),
        created_by: ctx.actor.userId,
      },
      at,
    );
    await recordAudit(trx, ctx, { action: 'event.create', entity: 'event', entityId: eventId, divisionId: input.divisionId, detail: { activityId, startsAt: input.startsAt, capacity: input.capacity } });
    return eventId;
  });
  return toEvent((await findEvent(ctx.db, id))!);
}

/** The office calendar: events of the subtree starting between two Shanghai dates (inclusive). */
export async function calendar(ctx: ActorContext, from: string, to: string): Promise<EventOut[]> {
  if (to < from) throw fieldError('query.to', 'participants.validation.window_reversed');
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  return (await eventsInScope(ctx.db, ctx.actor.scopePath, start, end)).map((row) => toEvent(row));
}

export async function detail(ctx: ActorContext, id: number): Promise<EventOut> {
  const row = await loadEvent(ctx, id);
  const mine = await mineOf(ctx.db, ctx.actor.userId, [id]);
  return toEvent(row, { registration: mine.registrations.get(id), checkIn: mine.checkIns.get(id) });
}

/** A participant's events: not yet over, open to them, with their own registration and check-in. */
export async function forParticipant(ctx: ActorContext): Promise<EventOut[]> {
  assertParticipant(ctx.actor);
  const groups = await groupsOf(ctx);
  const rows = (await eventsForParticipant(ctx.db, ctx.actor.scopePath ?? '/', nowIso(ctx))).filter((row) => inAudience(row, { scopePath: ctx.actor.scopePath, groups }));
  const mine = await mineOf(ctx.db, ctx.actor.userId, rows.map((r) => r.id));
  return rows.map((row) => toEvent(row, { registration: mine.registrations.get(row.id), checkIn: mine.checkIns.get(row.id) }));
}

export async function registrations(ctx: ActorContext, id: number) {
  const row = await loadEvent(ctx, id);
  assertOffice(ctx.actor, row.division_path);
  const rows = await registrationsOf(ctx.db, id);
  let registered = 0;
  let waiting = 0;
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    status: r.status as 'registered' | 'waiting',
    position: r.status === 'registered' ? ++registered : ++waiting,
    checkedInAt: r.checked_in_at ?? null,
    createdAt: r.created_at,
  }));
}

/**
 * Register the participant: a place while the capacity lasts, then the waiting list (when the event
 * keeps one), else 409. Outside the registration window: 409. Registering twice: 409 duplicate.
 */
export async function register(ctx: ActorContext, id: number): Promise<EventOut> {
  assertParticipant(ctx.actor);
  const row = await loadEvent(ctx, id);
  const now = nowIso(ctx);
  if ((row.registration_opens_at && now < row.registration_opens_at) || (row.registration_closes_at && now >= row.registration_closes_at) || now >= row.ends_at) {
    throw new AppError('invalid_transition', { details: { reason: 'registration_closed' } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await lockEvent(trx, id);
    if (await registrationOf(trx, id, ctx.actor.userId)) throw new AppError('duplicate', { params: { entity: 'participants.entities.registration', value: row.title } });
    const full = (await countRegistered(trx, id)) >= row.capacity;
    if (full && row.waiting_list !== 1) throw new AppError('invalid_transition', { details: { reason: 'full' } });
    const status = full ? 'waiting' : 'registered';
    await insertRegistration(trx, { eventId: id, userId: ctx.actor.userId, status, at: now });
    // A place is confirmed by message; the waiting list hears when it moves up.
    if (status === 'registered') await queueForUsers(trx, [ctx.actor.userId], { event: 'event_registered', entity: 'event', entityId: id, params: eventMessageParams(row), at: now });
    await recordAudit(trx, ctx, { action: 'event.register', entity: 'event', entityId: id, divisionId: row.division_id, detail: { status } });
  });
  return detail(ctx, id);
}

/** Cancel one's registration; a freed place goes to the first on the waiting list. */
export async function cancel(ctx: ActorContext, id: number): Promise<void> {
  assertParticipant(ctx.actor);
  const row = await loadEvent(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await lockEvent(trx, id);
    const mine = await registrationOf(trx, id, ctx.actor.userId);
    if (!mine) throw notFound('record');
    await deleteRegistration(trx, mine.id);
    const promoted = mine.status === 'registered' ? await promoteFirstWaiting(trx, id) : null;
    if (promoted !== null) await queueForUsers(trx, [promoted], { event: 'event_registered', entity: 'event', entityId: id, params: eventMessageParams(row), at: nowIso(ctx) });
    await recordAudit(trx, ctx, { action: 'event.cancel_registration', entity: 'event', entityId: id, divisionId: row.division_id, detail: { promotedUserId: promoted } });
  });
}

/** The code to show at the door now (office), as text and as a QR code of the check-in link. */
export async function currentDoorCode(ctx: ActorContext, id: number, origin: string) {
  const row = await loadEvent(ctx, id);
  assertOffice(ctx.actor, row.division_path);
  const { code, validUntil } = doorCode(row.secret, id, ctx.clock.now());
  const url = `${origin}/m/check-in/${id}#${code}`;
  return { code, url, validUntil, qrSvg: renderSVG(url, { border: 2 }) };
}

const refusals = { malformed: 'participants.validation.code_malformed', other_event: 'participants.validation.code_other_event', expired: 'participants.validation.code_expired', forged: 'participants.validation.code_malformed' } as const;

/**
 * Check in with the door code: one scan; a second scan answers the first check-in's time and
 * changes nothing. Each new check-in adds the person to the activity's attendee list and sets its
 * participant count to the number of check-ins, in the same transaction.
 */
export async function checkIn(ctx: ActorContext, id: number, code: string): Promise<{ checkedInAt: string; already: boolean; checkedIn: number }> {
  assertParticipant(ctx.actor);
  const row = await loadEvent(ctx, id);
  const verdict = checkDoorCode(row.secret, id, code, ctx.clock.now());
  if (verdict !== 'ok') throw fieldError('body.code', refusals[verdict]);
  const earlier = await checkInAt(ctx.db, id, ctx.actor.userId);
  if (earlier) return { checkedInAt: earlier, already: true, checkedIn: await countCheckIns(ctx.db, id) };
  return ctx.db.transaction().execute(async (trx) => {
    await lockEvent(trx, id);
    const at = nowIso(ctx);
    if (!(await insertCheckIn(trx, id, ctx.actor.userId, at))) {
      return { checkedInAt: (await checkInAt(trx, id, ctx.actor.userId))!, already: true, checkedIn: await countCheckIns(trx, id) };
    }
    const count = await countCheckIns(trx, id);
    await recordCheckedInAttendee(trx, row.activity_id, ctx.actor.userId, count, at);
    await recordAudit(trx, ctx, { action: 'event.check_in', entity: 'event', entityId: id, divisionId: row.division_id });
    return { checkedInAt: at, already: false, checkedIn: count };
  });
}

/** A new private .ics link for the caller (the old one stops working). */
export async function newFeed(ctx: ActorContext, origin: string) {
  const token = crypto.randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await replaceFeedToken(trx, ctx.actor.userId, hashToken(token), nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'event.calendar_feed', entity: 'user', entityId: ctx.actor.userId, divisionId: ctx.actor.divisionId });
  });
  return { url: `${origin}/api/public/calendar/${token}.ics` };
}
