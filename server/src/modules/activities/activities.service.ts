import { isWithinScope, type ActivityCreate, type ActivityListQuery, type ActivityUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, readerOf, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listAttachments, toAttachmentSummary } from '../attachments/index.ts';
import { divisionFilterPath, divisionForWrite, requireRegistryRef, requireRegistryRefs, requireUsers } from '../projects/work-scope.ts';
import { allowedActions, assertCan, type ActivityAction } from './activities.policy.ts';
import {
  addAttendeeUser,
  attendeesOf,
  findActivity,
  findPairRef,
  findProjectRef,
  insertActivity,
  organisersOf,
  replaceAttendees,
  replaceOrganisers,
  searchActivities,
  setParticipantCount,
  toActivity,
  updateActivity,
  type ActivityValues,
} from './activities.repo.ts';
import { syncSearch } from '../search/search.sync.ts';

async function loadActivity(ctx: ActorContext, db: Executor, id: number, action: ActivityAction) {
  const row = await findActivity(db, id);
  if (!row) throw notFound('activity');
  assertCan(ctx.actor, action, { path: row.division_path });
  return row;
}

type Links = Pick<ActivityCreate, 'venueId' | 'projectId' | 'pairId' | 'organiserIds' | 'attendeePersonIds' | 'attendeeUserIds'>;

/**
 * Check every record an activity names (400 per field when unknown, archived or out of reach) and
 * return the division the links suggest: the venue's, else the project's, else the pair's.
 */
async function checkLinks(ctx: ActorContext, db: Executor, input: Links): Promise<number | undefined> {
  let suggested: number | undefined;
  if (input.venueId) suggested = (await requireRegistryRef(ctx, db, 'venues', input.venueId, 'body.venueId')).divisionId;
  if (input.projectId) {
    const project = await findProjectRef(db, input.projectId);
    if (!project || project.archived_at !== null || !isWithinScope(project.path, ctx.actor.scopePath)) throw fieldError('body.projectId', 'validation.reference');
    suggested ??= project.division_id;
  }
  if (input.pairId) {
    const pair = await findPairRef(db, input.pairId);
    if (!pair || !isWithinScope(pair.path, ctx.actor.scopePath)) throw fieldError('body.pairId', 'validation.reference');
    suggested ??= pair.division_id;
  }
  if (input.organiserIds) await requireRegistryRefs(ctx, db, 'organisations', input.organiserIds, 'body.organiserIds');
  if (input.attendeePersonIds) await requireRegistryRefs(ctx, db, 'people', input.attendeePersonIds, 'body.attendeePersonIds');
  if (input.attendeeUserIds) await requireUsers(ctx, db, [...new Set(input.attendeeUserIds)], 'body.attendeeUserIds');
  return suggested;
}

export async function list(ctx: ActorContext, query: ActivityListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const { divisionId: _filter, ...rest } = query;
  // Heavy over a large subtree: the read pool (issue 20), not the connection writes wait for.
  return searchActivities(readerOf(ctx), { ...rest, subtreePath, scopePath: ctx.actor.scopePath });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadActivity(ctx, ctx.db, id, 'read');
  const [organisers, attendees, photos] = await Promise.all([organisersOf(ctx.db, [id]), attendeesOf(ctx.db, id), listAttachments(ctx.db, 'activity', [id])]);
  return {
    ...toActivity(row, organisers.get(id) ?? []),
    minutes: row.minutes,
    attendees,
    photos: photos.map(toAttachmentSummary),
    allowed: allowedActions(ctx.actor, { path: row.division_path }),
  };
}

export async function create(ctx: ActorContext, input: ActivityCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => createIn(ctx, trx, input));
  return detail(ctx, id);
}

/**
 * Create an activity inside the caller's transaction (an event makes its activity this way, so the
 * two rows and their audit entries stand or fall together). Returns the new id.
 */
export async function createIn(ctx: ActorContext, trx: Executor, input: ActivityCreate): Promise<number> {
  {
    const suggested = await checkLinks(ctx, trx, input);
    const divisionId = input.divisionId ?? suggested ?? ctx.actor.divisionId;
    if (divisionId === null || divisionId === undefined) throw fieldError('body.divisionId', 'validation.required');
    await divisionForWrite(ctx, trx, divisionId);
    const values: ActivityValues = {
      division_id: divisionId,
      title: input.title,
      date: input.date,
      kind: input.kind,
      venue_id: input.venueId ?? null,
      project_id: input.projectId ?? null,
      pair_id: input.pairId ?? null,
      participant_count: input.participantCount ?? null,
      summary: input.summary ?? null,
      minutes: input.minutes ?? null,
    };
    const activityId = await insertActivity(trx, values, ctx.actor.userId, nowIso(ctx));
    await replaceOrganisers(trx, activityId, [...new Set(input.organiserIds ?? [])]);
    await replaceAttendees(trx, activityId, { personIds: input.attendeePersonIds, userIds: input.attendeeUserIds });
    await recordAudit(trx, ctx, {
      action: 'activity.create',
      entity: 'activity',
      entityId: activityId,
      divisionId,
      detail: { title: input.title, date: input.date, kind: input.kind },
    });
    await syncSearch(trx, 'activity', [activityId]);
    return activityId;
  }
}

/**
 * Attendance from an event's check-ins: the user joins the activity's attendee list (once) and the
 * participant count becomes `count` — set, never added to, so a second scan or a recount cannot
 * count anyone twice on the dashboard (whose rollups follow `participant_count`).
 */
export async function recordCheckedInAttendee(trx: Executor, activityId: number, userId: number, count: number, at: string): Promise<void> {
  await addAttendeeUser(trx, activityId, userId);
  await setParticipantCount(trx, activityId, count, at);
}

export async function update(ctx: ActorContext, id: number, input: ActivityUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadActivity(ctx, trx, id, 'update');
    if (before.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    await checkLinks(ctx, trx, input);
    const patch: Partial<ActivityValues> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.date !== undefined) patch.date = input.date;
    if (input.kind !== undefined) patch.kind = input.kind;
    if (input.venueId !== undefined) patch.venue_id = input.venueId;
    if (input.projectId !== undefined) patch.project_id = input.projectId;
    if (input.pairId !== undefined) patch.pair_id = input.pairId;
    if (input.participantCount !== undefined) patch.participant_count = input.participantCount;
    if (input.summary !== undefined) patch.summary = input.summary;
    if (input.minutes !== undefined) patch.minutes = input.minutes;
    if (!(await updateActivity(trx, id, input.version, patch, nowIso(ctx)))) throw versionConflict('activity');
    if (input.organiserIds) await replaceOrganisers(trx, id, [...new Set(input.organiserIds)]);
    await replaceAttendees(trx, id, { personIds: input.attendeePersonIds, userIds: input.attendeeUserIds });
    await recordAudit(trx, ctx, {
      action: 'activity.update',
      entity: 'activity',
      entityId: id,
      divisionId: before.division_id,
      detail: { ...patch, ...(input.organiserIds ? { organiserIds: input.organiserIds } : {}) },
    });
    await syncSearch(trx, 'activity', [id]);
  });
  return detail(ctx, id);
}

/** Archive (never delete): photos stay on disk until purged. */
export async function archive(ctx: ActorContext, id: number, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadActivity(ctx, trx, id, 'archive');
    if (before.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    if (!(await updateActivity(trx, id, version, { archived_at: nowIso(ctx) }, nowIso(ctx)))) throw versionConflict('activity');
    await recordAudit(trx, ctx, { action: 'activity.archive', entity: 'activity', entityId: id, divisionId: before.division_id, detail: { title: before.title } });
    await syncSearch(trx, 'activity', [id]);
  });
  return detail(ctx, id);
}
