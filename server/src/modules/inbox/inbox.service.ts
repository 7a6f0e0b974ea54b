import { translate, type InboxBox, type InboxCounts, type InboxItem, type Notification, type NotificationKind } from '@tongxin/core';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';
import { AppError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { clocksOfCases, isOverdue } from '../cases/case-clocks.ts';
import { actorUnits, findCasesByIds, isOfficeStaff, unitRefsOf } from '../cases/index.ts';
import { isLate } from '../direct-channel/dc.view.ts';
import {
  caseIdsAtOffice,
  caseIdsLedBy,
  countUnreadNotifications,
  findNotificationOwner,
  markNotificationRead,
  markNotificationsOfUserRead,
  needsAwaitingOffice,
  needsClaimedBy,
  openAssignmentsOfUnit,
  pageOfNotifications,
  reportsAwaitingOffice,
} from './inbox.repo.ts';

/*
 * What waits on a user, computed from the records each time (nothing to keep in step): cases and
 * reports at their own office, cases, needs and assignments of the units they act for. An item is
 * in exactly one box; once its time limit has run out it moves to `overdue`.
 */

const officeCaseStates = ['received', 'returned', 'replied', 'followed_up'];
const unitCaseStates = ['dispatched', 'accepted', 'in_progress'];

function caseBox(state: string): InboxBox {
  if (state === 'received' || state === 'returned') return 'to_dispatch';
  if (state === 'dispatched') return 'to_accept';
  if (state === 'accepted' || state === 'in_progress') return 'to_handle';
  return 'to_follow_up';
}

/** Every item waiting on the actor. */
export async function waitingItems(ctx: ActorContext): Promise<InboxItem[]> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const units = await actorUnits(db, ctx.actor);
  const refs = unitRefsOf(units);
  const office = isOfficeStaff(ctx.actor) ? ctx.actor.divisionId : null;
  const items: InboxItem[] = [];

  // Cases: at the actor's office, or with a unit they act for as the current lead.
  const caseIds = new Set<number>();
  if (office !== null) {
    for (const id of await caseIdsAtOffice(db, office, officeCaseStates)) caseIds.add(id);
  }
  for (const ref of refs) {
    for (const id of await caseIdsLedBy(db, ref, unitCaseStates)) caseIds.add(id);
  }
  const caseRows = await findCasesByIds(db, [...caseIds]);
  const { clocks } = await clocksOfCases(db, caseRows, now);
  for (const row of caseRows) {
    const c = clocks.get(row.id)!;
    const box = caseBox(row.state);
    const clock = box === 'to_accept' ? c.accept : box === 'to_follow_up' ? null : c.reply;
    const overdue = isOverdue(c);
    items.push({ kind: 'case', id: row.id, reportId: null, title: row.title, ticketNo: row.ticket_no, state: row.state, box: overdue ? 'overdue' : box, dueAt: clock?.dueAt ?? null, overdue });
  }

  // Needs: held for review or reported fulfilled at the office; claimed by the actor's organisations.
  const today = shanghaiDateKey(now);
  if (office !== null) {
    const rows = await needsAwaitingOffice(db, office);
    for (const row of rows) {
      items.push({ kind: 'need', id: row.id, reportId: null, title: row.title, ticketNo: row.ticket_no, state: row.state, box: row.state === 'open' ? 'to_dispatch' : 'to_confirm', dueAt: row.wanted_by, overdue: false });
    }
  }
  if (units.organisationIds.length) {
    const rows = await needsClaimedBy(db, units.organisationIds);
    for (const row of rows) {
      const overdue = row.wanted_by !== null && row.wanted_by < today;
      items.push({ kind: 'need', id: row.id, reportId: null, title: row.title, ticketNo: row.ticket_no, state: row.state, box: overdue ? 'overdue' : 'to_handle', dueAt: row.wanted_by, overdue });
    }
  }

  // Direct channel: reports at the office waiting for an instruction or assignment; the units' assignments.
  if (office !== null) {
    const rows = await reportsAwaitingOffice(db, office);
    for (const row of rows) items.push({ kind: 'report', id: row.id, reportId: row.id, title: row.title, ticketNo: null, state: row.state, box: 'to_dispatch', dueAt: null, overdue: false });
  }
  for (const ref of refs) {
    const rows = await openAssignmentsOfUnit(db, ref);
    for (const row of rows) {
      const overdue = isLate(row, now);
      const box: InboxBox = overdue ? 'overdue' : row.state === 'assigned' ? 'to_accept' : 'to_handle';
      items.push({ kind: 'assignment', id: row.id, reportId: row.report_id, title: row.title, ticketNo: null, state: row.state, box, dueAt: row.deadline, overdue });
    }
  }
  return items.sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.id - b.id);
}

export async function inbox(ctx: ActorContext, box: InboxBox | undefined) {
  const items = await waitingItems(ctx);
  return box ? items.filter((item) => item.box === box) : items;
}

/** Counts for the header: per box, their total, and unread notifications. */
export async function counts(ctx: ActorContext): Promise<InboxCounts> {
  const items = await waitingItems(ctx);
  const count = (box: InboxBox) => items.filter((item) => item.box === box).length;
  const unread = await countUnreadNotifications(ctx.db, ctx.actor.userId);
  return {
    to_dispatch: count('to_dispatch'),
    to_accept: count('to_accept'),
    to_handle: count('to_handle'),
    to_follow_up: count('to_follow_up'),
    to_confirm: count('to_confirm'),
    overdue: count('overdue'),
    total: items.length,
    unreadNotifications: unread,
  };
}

function messageOf(ctx: ActorContext, kind: NotificationKind, params: Record<string, string | number>): string {
  const role = typeof params.role === 'string' && params.role !== 'lead' ? `_${params.role}` : '';
  return translate(ctx.locale, `notifications.${kind}${role}`, params);
}

/** The reader's own notifications, newest first. */
export async function notifications(ctx: ActorContext, query: { unread?: 'true' | 'false' | undefined; page: number; pageSize: number }) {
  const read = query.unread === 'true' ? false : query.unread === 'false' ? true : undefined;
  const { rows, total } = await pageOfNotifications(ctx.db, ctx.actor.userId, { read, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const items: Notification[] = rows.map((row) => {
    const params = JSON.parse(row.params) as Record<string, string | number>;
    const kind = row.kind as NotificationKind;
    return { id: row.id, kind, entity: row.entity, entityId: row.entity_id, message: messageOf(ctx, kind, params), params, createdAt: row.created_at, readAt: row.read_at };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function markRead(ctx: ActorContext, id: number): Promise<void> {
  const row = await findNotificationOwner(ctx.db, id);
  if (!row) throw notFound('notification');
  // Someone else's notification is theirs alone.
  if (row.user_id !== ctx.actor.userId) throw new AppError('forbidden');
  await markNotificationRead(ctx.db, id, nowIso(ctx));
}

export async function markAllRead(ctx: ActorContext): Promise<void> {
  await markNotificationsOfUserRead(ctx.db, ctx.actor.userId, nowIso(ctx));
}
