import type { TalentIntakeCreate, TalentIntakeUpdate, TalentListQuery } from '@tongxin/core';
import { AppError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCan } from './leads.policy.ts';
import { divisionFor } from './leads.service.ts';
import { findTalent, insertTalent, searchTalents, toTalent, updateTalent } from './talents.repo.ts';

async function loadTalent(ctx: ActorContext, id: number, action: 'read' | 'manage', db = ctx.db) {
  const row = await findTalent(db, id);
  if (!row) throw notFound('talent_intake');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

export async function list(ctx: ActorContext, query: TalentListQuery) {
  const { divisionId, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionFor(ctx, ctx.db, divisionId, 'query.divisionId', 'read');
  return searchTalents(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, subtreePath: subtree?.path });
}

export async function detail(ctx: ActorContext, id: number) {
  return toTalent(await loadTalent(ctx, id, 'read'));
}

export async function create(ctx: ActorContext, input: TalentIntakeCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    await divisionFor(ctx, trx, input.divisionId, 'body.divisionId', 'manage');
    const id = await insertTalent(trx, { divisionId: input.divisionId, date: input.date, count: input.count, field: input.field, origin: input.origin ?? null, note: input.note ?? null }, ctx.actor.userId, nowIso(ctx));
    await recordAudit(trx, ctx, { action: 'talent.create', entity: 'talent_intake', entityId: id, divisionId: input.divisionId, detail: { date: input.date, count: input.count, field: input.field } });
    return toTalent((await findTalent(trx, id))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: TalentIntakeUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadTalent(ctx, id, 'manage', trx);
    if (before.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
    if (input.divisionId !== undefined && input.divisionId !== before.division_id) await divisionFor(ctx, trx, input.divisionId, 'body.divisionId', 'manage');
    const { version, ...patch } = input;
    if (!(await updateTalent(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('talent_intake');
    await recordAudit(trx, ctx, { action: 'talent.update', entity: 'talent_intake', entityId: id, divisionId: input.divisionId ?? before.division_id, detail: { changed: Object.keys(patch).sort() } });
    return toTalent((await findTalent(trx, id))!);
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadTalent(ctx, id, 'manage', trx);
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateTalent(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('talent_intake');
    await recordAudit(trx, ctx, { action: archived ? 'talent.archive' : 'talent.unarchive', entity: 'talent_intake', entityId: id, divisionId: before.division_id });
    return toTalent((await findTalent(trx, id))!);
  });
}
