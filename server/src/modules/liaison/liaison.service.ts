import {
  monthsBefore,
  type ContactCreate,
  type PageQuery,
  type RelationshipCreate,
  type RelationshipListQuery,
  type RelationshipUpdate,
  type ReminderListQuery,
} from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { divisionFilterPath, requireRegistryRef, requireUsers, todayOf, assertWorkCan } from '../projects/work-scope.ts';
import { allowedActions, assertCan, type LiaisonAction } from './liaison.policy.ts';
import {
  findContact,
  findCurrentRelationship,
  findRelationship,
  insertContact,
  insertRelationship,
  listContacts,
  searchRelationships,
  toRelationship,
  updateRelationship,
} from './liaison.repo.ts';

/** "The last quarter": the three calendar months before today (Asia/Shanghai). */
function window(ctx: ActorContext) {
  const today = todayOf(ctx);
  return { today, since: monthsBefore(today, 3) };
}

async function loadRelationship(ctx: ActorContext, db: Executor, id: number, action: LiaisonAction) {
  const row = await findRelationship(db, id);
  if (!row) throw notFound('liaison_relationship');
  assertCan(ctx.actor, action, { path: row.division_path, cadreUserId: row.cadre_user_id });
  return row;
}

export async function list(ctx: ActorContext, query: RelationshipListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const cadreUserId = query.mine ? ctx.actor.userId : query.cadreUserId;
  return searchRelationships(ctx.db, { ...window(ctx), scopePath: ctx.actor.scopePath, subtreePath, q: query.q, cadreUserId, personId: query.personId, page: query.page, pageSize: query.pageSize });
}

/** 提醒: current relationships with no contact in the last quarter, longest silence first. */
export async function reminders(ctx: ActorContext, query: ReminderListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const cadreUserId = query.mine ? ctx.actor.userId : query.cadreUserId;
  return searchRelationships(ctx.db, { ...window(ctx), scopePath: ctx.actor.scopePath, subtreePath, cadreUserId, dueOnly: true, page: query.page, pageSize: query.pageSize });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadRelationship(ctx, ctx.db, id, 'read');
  const { today, since } = window(ctx);
  const contacts = await listContacts(ctx.db, id, 1, 10);
  return {
    ...toRelationship(row, today, since),
    recentContacts: contacts.items,
    allowed: allowedActions(ctx.actor, { path: row.division_path, cadreUserId: row.cadre_user_id }),
  };
}

export async function create(ctx: ActorContext, input: RelationshipCreate) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const person = await requireRegistryRef(ctx, trx, 'people', input.personId, 'body.personId');
    assertWorkCan(ctx.actor, 'write', person);
    const cadreUserId = input.cadreUserId ?? ctx.actor.userId;
    if (cadreUserId !== ctx.actor.userId) await requireUsers(ctx, trx, [cadreUserId], 'body.cadreUserId');
    const today = todayOf(ctx);
    if (await findCurrentRelationship(trx, cadreUserId, person.id, today)) {
      throw new AppError('duplicate', { params: { entity: 'entities.liaison_relationship', value: person.name } });
    }
    const since = input.since ?? today;
    const relationshipId = await insertRelationship(trx, {
      divisionId: person.divisionId,
      cadreUserId,
      personId: person.id,
      since,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
      at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, {
      action: 'liaison.create',
      entity: 'liaison_relationship',
      entityId: relationshipId,
      divisionId: person.divisionId,
      detail: { cadreUserId, personId: person.id, since },
    });
    return relationshipId;
  });
  return detail(ctx, id);
}

export async function update(ctx: ActorContext, id: number, input: RelationshipUpdate) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadRelationship(ctx, trx, id, 'update');
    const { version, ...patch } = input;
    if (patch.until && patch.until < before.since) throw fieldError('body.until', 'validation.end_before_start');
    if (!(await updateRelationship(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('liaison_relationship');
    await recordAudit(trx, ctx, {
      action: 'liaison.update',
      entity: 'liaison_relationship',
      entityId: id,
      divisionId: before.division_id,
      detail: { before: { until: before.until, note: before.note }, after: patch },
    });
  });
  return detail(ctx, id);
}

export async function contacts(ctx: ActorContext, id: number, query: PageQuery) {
  await loadRelationship(ctx, ctx.db, id, 'read');
  return listContacts(ctx.db, id, query.page, query.pageSize);
}

/** Log a talk, visit or meeting. It cannot lie in the future (by the Asia/Shanghai date). */
export async function logContact(ctx: ActorContext, id: number, input: ContactCreate) {
  const contactId = await ctx.db.transaction().execute(async (trx) => {
    const relationship = await loadRelationship(ctx, trx, id, 'log_contact');
    if (input.date > todayOf(ctx)) throw fieldError('body.date', 'validation.date_in_future');
    const newId = await insertContact(trx, { relationshipId: id, kind: input.kind, date: input.date, note: input.note ?? null, createdBy: ctx.actor.userId, at: nowIso(ctx) });
    await recordAudit(trx, ctx, {
      action: 'liaison.contact',
      entity: 'liaison_contact',
      entityId: newId,
      divisionId: relationship.division_id,
      detail: { relationshipId: id, kind: input.kind, date: input.date },
    });
    return newId;
  });
  return (await findContact(ctx.db, contactId))!;
}
