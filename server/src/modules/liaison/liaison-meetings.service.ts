import { isWithinScope, quarterRange, type MeetingCreate, type MeetingListQuery, type MeetingQuarter, type MeetingQuartersQuery, type MeetingUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { fieldError, notFound, versionConflict } from '../../http/app-error.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertWorkCan, divisionFilterPath, divisionForWrite, requireRegistryRefs, todayOf } from '../projects/work-scope.ts';
import { meetingAllowedActions } from './liaison.policy.ts';
import { findMeeting, insertMeeting, listAttendees, meetingsBetween, replaceAttendees, searchMeetings, toMeeting, updateMeeting } from './liaison-meetings.repo.ts';

async function loadMeeting(ctx: ActorContext, db: Executor, id: number, action: 'read' | 'write') {
  const row = await findMeeting(db, id);
  if (!row) throw notFound('liaison_meeting');
  assertWorkCan(ctx.actor, action, { path: row.division_path });
  return row;
}

/**
 * Invitees must be current people of the meeting's own subtree (a town's meeting invites the
 * town's and its villages' representatives), and nobody can have attended a meeting not yet held.
 */
async function checkAttendees(ctx: ActorContext, db: Executor, divisionPath: string, heldOn: string, attendees: { personId: number; attended: boolean }[]) {
  const people = await requireRegistryRefs(ctx, db, 'people', attendees.map((a) => a.personId), 'body.attendees');
  if (people.some((person) => !isWithinScope(person.path, divisionPath))) throw fieldError('body.attendees', 'validation.reference');
  if (heldOn > todayOf(ctx) && attendees.some((a) => a.attended)) throw fieldError('body.attendees', 'validation.attended_future');
}

export async function list(ctx: ActorContext, query: MeetingListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const range = query.year ? { from: `${query.year}-01-01`, to: `${query.year}-12-31` } : {};
  return searchMeetings(ctx.db, { scopePath: ctx.actor.scopePath, subtreePath, ...range, archived: query.archived, page: query.page, pageSize: query.pageSize });
}

/** The four quarters of a year: meetings held, invited and attended, and quarters gone by with none. */
export async function quarters(ctx: ActorContext, query: MeetingQuartersQuery): Promise<MeetingQuarter[]> {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const meetings = await meetingsBetween(ctx.db, { scopePath: ctx.actor.scopePath, subtreePath, from: `${query.year}-01-01`, to: `${query.year}-12-31` });
  const today = todayOf(ctx);
  return [1, 2, 3, 4].map((quarter) => {
    const held = meetings.filter((m) => m.quarter === quarter);
    return {
      quarter,
      meetings: held.length,
      invited: held.reduce((sum, m) => sum + m.invitedCount, 0),
      attended: held.reduce((sum, m) => sum + m.attendedCount, 0),
      missed: held.length === 0 && quarterRange(query.year, quarter).to < today,
    };
  });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadMeeting(ctx, ctx.db, id, 'read');
  return {
    ...toMeeting(row),
    minutes: row.minutes,
    attendees: await listAttendees(ctx.db, id),
    allowed: meetingAllowedActions(ctx.actor, { path: row.division_path }),
  };
}

export async function create(ctx: ActorContext, input: MeetingCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const division = await divisionForWrite(ctx, trx, input.divisionId);
    await checkAttendees(ctx, trx, division.path, input.heldOn, input.attendees);
    const meetingId = await insertMeeting(trx, {
      divisionId: division.id,
      title: input.title,
      heldOn: input.heldOn,
      place: input.place ?? null,
      minutes: input.minutes ?? null,
      createdBy: ctx.actor.userId,
      at: nowIso(ctx),
    });
    await replaceAttendees(trx, meetingId, input.attendees);
    await recordAudit(trx, ctx, {
      action: 'liaison_meeting.create',
      entity: 'liaison_meeting',
      entityId: meetingId,
      divisionId: division.id,
      detail: { title: input.title, heldOn: input.heldOn, invited: input.attendees.length, attended: input.attendees.filter((a) => a.attended).length },
    });
    return meetingId;
  });
  return detail(ctx, id);
}

export async function update(ctx: ActorContext, id: number, input: MeetingUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadMeeting(ctx, trx, id, 'write');
    const { version, attendees, heldOn, ...rest } = input;
    const heldOnAfter = heldOn ?? before.held_on;
    if (attendees) await checkAttendees(ctx, trx, before.division_path, heldOnAfter, attendees);
    else if (heldOn && heldOn > todayOf(ctx) && Number(before.attended_count ?? 0) > 0) throw fieldError('body.heldOn', 'validation.attended_future');
    const patch = { ...rest, ...(heldOn ? { held_on: heldOn } : {}) };
    if (!(await updateMeeting(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('liaison_meeting');
    if (attendees) await replaceAttendees(trx, id, attendees);
    await recordAudit(trx, ctx, {
      action: 'liaison_meeting.update',
      entity: 'liaison_meeting',
      entityId: id,
      divisionId: before.division_id,
      detail: {
        before: { title: before.title, heldOn: before.held_on, place: before.place },
        after: { ...rest, ...(heldOn ? { heldOn } : {}) },
        ...(attendees ? { invited: attendees.length, attended: attendees.filter((a) => a.attended).length } : {}),
      },
    });
  });
  return detail(ctx, id);
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadMeeting(ctx, trx, id, 'write');
    if (!(await updateMeeting(trx, id, version, { archived_at: archived ? nowIso(ctx) : null }, nowIso(ctx)))) throw versionConflict('liaison_meeting');
    await recordAudit(trx, ctx, {
      action: archived ? 'liaison_meeting.archive' : 'liaison_meeting.unarchive',
      entity: 'liaison_meeting',
      entityId: id,
      divisionId: before.division_id,
      detail: { title: before.title },
    });
  });
  return detail(ctx, id);
}
