import type { MediumCreate, MediumUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCanMedia } from './articles.policy.ts';
import { findMedium, findMediumByName, insertMedium, listMedia, toMedium, updateMedium } from './media.repo.ts';

/*
 * The managed list of media and their levels. A change applies to articles ingested afterwards;
 * articles already archived keep the level they were given (a user can edit it).
 */

export async function list(ctx: ActorContext, archived: 'false' | 'true' | 'all') {
  assertCanMedia(ctx.actor, 'read');
  return (await listMedia(ctx.db, archived)).map(toMedium);
}

async function assertUniqueName(db: Executor, name: string, exceptId?: number) {
  if (await findMediumByName(db, name, exceptId)) throw new AppError('duplicate', { params: { entity: 'entities.medium', value: name } });
}

export async function create(ctx: ActorContext, input: MediumCreate) {
  assertCanMedia(ctx.actor, 'manage');
  return ctx.db.transaction().execute(async (trx) => {
    await assertUniqueName(trx, input.name);
    const id = await insertMedium(trx, input, nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'medium.create', entity: 'medium', entityId: id, divisionId: null, detail: { name: input.name, level: input.level } });
    return toMedium((await findMedium(trx, id))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: MediumUpdate) {
  assertCanMedia(ctx.actor, 'manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findMedium(trx, id);
    if (!before) throw notFound('medium');
    if (input.name !== undefined && input.name !== before.name) await assertUniqueName(trx, input.name, id);
    const { version, ...patch } = input;
    if (!(await updateMedium(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('medium');
    await recordAudit(trx, ctx, { action: 'medium.update', entity: 'medium', entityId: id, divisionId: null, detail: { changed: Object.keys(patch).sort() } });
    return toMedium((await findMedium(trx, id))!);
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  assertCanMedia(ctx.actor, 'manage');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findMedium(trx, id);
    if (!before) throw notFound('medium');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateMedium(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('medium');
    await recordAudit(trx, ctx, { action: archived ? 'medium.archive' : 'medium.unarchive', entity: 'medium', entityId: id, divisionId: null, detail: { name: before.name } });
    return toMedium((await findMedium(trx, id))!);
  });
}
