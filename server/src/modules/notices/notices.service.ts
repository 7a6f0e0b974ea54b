import { isWithinScope, normalisePhone, segmentSchema, type MessageChannel, type MyNotice, type NoticeFigures, type NoticeInput, type NoticeOut, type NoticeState, type Segment, type SegmentPreview } from '@tongxin/core';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { optedOutAmong } from '../outbox/index.ts';
import { queueToUsersOn } from '../outbox/outbox.queue.ts';
import { assertCanApprove, assertCanWrite } from './notices.policy.ts';
import { divisionPath, figuresOf, findNotice, insertNotice, insertRecipients, listNotices, markRead, noticesOfUser, phonesOf, resolveSegment, updateNotice, type NoticeRow } from './notices.repo.ts';

/*
 * Notices to a segment: draft → pending_approval → approved → sending → sent (or rejected). The
 * recipients are resolved when the notice is approved, not when it was written, so the list is
 * the one the approver saw in the preview at that moment; recipient rows, outbox rows and the
 * audit entry share the approval's transaction.
 */

function figuresFrom(raw: Awaited<ReturnType<typeof figuresOf>>): NoticeFigures {
  const n = (...states: string[]) => states.reduce((sum, s) => sum + (raw.states.get(s) ?? 0), 0);
  return { recipients: raw.recipients, sent: n('sent', 'delivered', 'undelivered'), delivered: n('delivered'), failed: n('failed', 'undelivered'), waiting: n('queued', 'sending'), read: raw.read };
}

async function toNotice(ctx: ActorContext, row: NoticeRow, withFigures: boolean): Promise<NoticeOut> {
  const sentOrSending = row.state === 'sending' || row.state === 'sent' || row.state === 'approved';
  return {
    id: row.id,
    divisionId: row.division_id,
    title: row.title,
    body: row.body,
    channels: row.channels.split(',').filter(Boolean) as NoticeOut['channels'],
    segment: segmentSchema.parse(JSON.parse(row.segment)),
    state: row.state as NoticeState,
    createdBy: row.created_by,
    approvedBy: row.approved_by,
    rejectReason: row.reject_reason,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    version: row.version,
    figures: withFigures && sentOrSending ? figuresFrom(await figuresOf(ctx.db, row.id)) : null,
  };
}

/** The division's path when it lies in the caller's subtree: 400 unknown, 403 outside. */
async function scopedDivision(ctx: ActorContext, divisionId: number): Promise<string> {
  const path = await divisionPath(ctx.db, divisionId);
  if (path === null) throw fieldError('body.divisionId', 'validation.invalid_value');
  if (!isWithinScope(path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  return path;
}

async function loadNotice(ctx: ActorContext, id: number) {
  const row = await findNotice(ctx.db, id);
  if (!row) throw notFound('record');
  if (!isWithinScope(row.division_path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  return row;
}

/** How many people a rule reaches, and how many of them SMS would reach (a phone, not opted out). */
export async function preview(ctx: ActorContext, divisionId: number, segment: Segment): Promise<SegmentPreview> {
  assertCanWrite(ctx.actor);
  const path = await scopedDivision(ctx, divisionId);
  const ids = await resolveSegment(ctx.db, path, segment);
  const phones = [...(await phonesOf(ctx.db, ids)).values()].filter((p): p is string => !!p).map(normalisePhone);
  const opted = await optedOutAmong(ctx.db, phones);
  return { recipients: ids.length, reachableBySms: phones.filter((p) => !opted.has(p)).length };
}

export async function create(ctx: ActorContext, input: NoticeInput): Promise<NoticeOut> {
  assertCanWrite(ctx.actor);
  await scopedDivision(ctx, input.divisionId);
  const at = nowIso(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const noticeId = await insertNotice(trx, {
      division_id: input.divisionId,
      title: input.title,
      body: input.body,
      channels: [...new Set(input.channels)].join(','),
      segment: JSON.stringify(input.segment),
      state: 'draft',
      created_by: ctx.actor.userId,
      submitted_at: null,
      approved_by: null,
      approved_at: null,
      reject_reason: null,
      sent_at: null,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, ctx, { action: 'notice.create', entity: 'notice', entityId: noticeId, divisionId: input.divisionId, detail: { segment: input.segment.kind } });
    return noticeId;
  });
  return detail(ctx, id);
}

export async function detail(ctx: ActorContext, id: number): Promise<NoticeOut> {
  return toNotice(ctx, await loadNotice(ctx, id), true);
}

export async function list(ctx: ActorContext, state: NoticeState | undefined): Promise<NoticeOut[]> {
  assertCanWrite(ctx.actor);
  const rows = await listNotices(ctx.db, ctx.actor.scopePath, state);
  return Promise.all(rows.map((row) => toNotice(ctx, row, true)));
}

/** The author (or any office colleague) hands a draft to the approvers. */
export async function submit(ctx: ActorContext, id: number, version: number): Promise<NoticeOut> {
  assertCanWrite(ctx.actor);
  const row = await loadNotice(ctx, id);
  if (row.state !== 'draft') throw new AppError('invalid_transition', { details: { from: row.state, to: 'pending_approval' } });
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateNotice(trx, id, { state: 'draft', version }, { state: 'pending_approval', submitted_at: at, updated_at: at }))) throw versionConflict('record');
    await recordAudit(trx, ctx, { action: 'notice.submit', entity: 'notice', entityId: id, divisionId: row.division_id });
  });
  return detail(ctx, id);
}

/** Back to the author with a reason; they may write a new notice from it. */
export async function reject(ctx: ActorContext, id: number, version: number, reason: string): Promise<NoticeOut> {
  const row = await loadNotice(ctx, id);
  assertCanApprove(ctx.actor, row.created_by);
  if (row.state !== 'pending_approval') throw new AppError('invalid_transition', { details: { from: row.state, to: 'rejected' } });
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateNotice(trx, id, { state: 'pending_approval', version }, { state: 'rejected', reject_reason: reason, updated_at: at }))) throw versionConflict('record');
    await recordAudit(trx, ctx, { action: 'notice.reject', entity: 'notice', entityId: id, divisionId: row.division_id, detail: { reason } });
  });
  return detail(ctx, id);
}

/**
 * Approve and send: in one transaction the notice is approved, its recipients resolved, a
 * recipient row (in-app) written for each and one outbox row per recipient and chosen channel
 * queued; the notice is then `sending` until the outbox has settled every row (`sent`).
 */
export async function approve(ctx: ActorContext, id: number, version: number): Promise<NoticeOut> {
  const row = await loadNotice(ctx, id);
  assertCanApprove(ctx.actor, row.created_by);
  if (row.state !== 'pending_approval') throw new AppError('invalid_transition', { details: { from: row.state, to: 'approved' } });
  const at = nowIso(ctx);
  const segment = segmentSchema.parse(JSON.parse(row.segment));
  const channels = row.channels.split(',');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateNotice(trx, id, { state: 'pending_approval', version }, { state: 'sending', approved_by: ctx.actor.userId, approved_at: at, updated_at: at }))) throw versionConflict('record');
    const userIds = await resolveSegment(trx, row.division_path, segment);
    await insertRecipients(trx, id, userIds, at);
    const outboxChannels = channels.filter((c): c is MessageChannel => c === 'sms' || c === 'wechat');
    const queued = await queueToUsersOn(trx, userIds, outboxChannels, { event: 'notice', entity: 'notice', entityId: id, params: { title: row.title, body: row.body }, at });
    await recordAudit(trx, ctx, { action: 'notice.approve', entity: 'notice', entityId: id, divisionId: row.division_id, detail: { recipients: userIds.length, queued } });
  });
  return detail(ctx, id);
}

/** The caller's own notices (phone pages, bell), newest first. */
export async function mine(ctx: ActorContext): Promise<MyNotice[]> {
  const rows = await noticesOfUser(ctx.db, ctx.actor.userId);
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, sentAt: r.approved_at, readAt: r.read_at }));
}

/** The recipient opened it: the first reading counts toward the notice's "read" figure. 404 for a non-recipient. */
export async function read(ctx: ActorContext, id: number): Promise<void> {
  if (!(await markRead(ctx.db, id, ctx.actor.userId, nowIso(ctx)))) throw notFound('record');
}
