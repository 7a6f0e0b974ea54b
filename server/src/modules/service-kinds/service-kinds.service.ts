import type { ServiceKindCreate, ServiceKindUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCan } from './service-kinds.policy.ts';
import {
  findServiceKind,
  findServiceKindClash,
  insertServiceKind,
  listServiceKinds,
  nextSortOrder,
  toServiceKind,
  updateServiceKind,
} from './service-kinds.repo.ts';

async function assertNoClash(db: Executor, code: string | null, name: string | null, exceptId?: number) {
  const clash = await findServiceKindClash(db, code, name, exceptId);
  if (clash) throw new AppError('duplicate', { params: { entity: 'entities.service_kind', value: clash.code === code ? code : name } });
}

async function loadServiceKind(db: Executor, id: number) {
  const row = await findServiceKind(db, id);
  if (!row) throw notFound('service_kind');
  return row;
}

export async function list(ctx: ActorContext, archived: 'false' | 'true' | 'all') {
  assertCan(ctx.actor, 'read');
  return listServiceKinds(ctx.db, { archived, scopePath: ctx.actor.scopePath });
}

export async function create(ctx: ActorContext, input: ServiceKindCreate) {
  assertCan(ctx.actor, 'create');
  return ctx.db.transaction().execute(async (trx) => {
    await assertNoClash(trx, input.code, input.name);
    const sortOrder = input.sortOrder ?? (await nextSortOrder(trx));
    const id = await insertServiceKind(trx, { code: input.code, name: input.name, sortOrder }, nowIso(ctx));
    // The list is the whole tree's: the entry has no division.
    await recordAudit(trx, ctx, { action: 'service_kind.create', entity: 'service_kind', entityId: id, divisionId: null, detail: { code: input.code, name: input.name } });
    return toServiceKind((await findServiceKind(trx, id))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: ServiceKindUpdate) {
  assertCan(ctx.actor, 'update');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadServiceKind(trx, id);
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    const { version, ...patch } = input;
    if (patch.name !== undefined && patch.name !== before.name) await assertNoClash(trx, null, patch.name, id);
    if (!(await updateServiceKind(trx, id, patch, nowIso(ctx), version))) throw versionConflict('service_kind');
    await recordAudit(trx, ctx, {
      action: 'service_kind.update',
      entity: 'service_kind',
      entityId: id,
      divisionId: null,
      detail: { changed: Object.keys(patch), ...(patch.name !== undefined ? { before: { name: before.name }, after: { name: patch.name } } : {}) },
    });
    return toServiceKind((await findServiceKind(trx, id))!);
  });
}

/**
 * Archive or restore. Resources that offer an archived kind keep it (their history stays true);
 * it can no longer be chosen for a resource or a need.
 */
export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  assertCan(ctx.actor, 'archive');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadServiceKind(trx, id);
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    if (!archived) await assertNoClash(trx, null, before.name, id);
    if (!(await updateServiceKind(trx, id, { archivedAt: archived ? nowIso(ctx) : null }, nowIso(ctx), version))) throw versionConflict('service_kind');
    await recordAudit(trx, ctx, {
      action: archived ? 'service_kind.archive' : 'service_kind.unarchive',
      entity: 'service_kind',
      entityId: id,
      divisionId: null,
      detail: { code: before.code },
    });
    return toServiceKind((await findServiceKind(trx, id))!);
  });
}
