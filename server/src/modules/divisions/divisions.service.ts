import { levelRank, pathIds, type DivisionCreate, type DivisionUpdate } from '@tongxin/core';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { allowedActions, assertCan } from './divisions.policy.ts';
import {
  findDivision,
  findDivisionsByIds,
  findSibling,
  insertDivision,
  listChildren,
  searchDivisions,
  toDivision,
  updateDivision,
  type DivisionSearch,
} from './divisions.repo.ts';

/** Load a division the actor may act on, or fail with 404 / 403. */
async function loadForAction(ctx: ActorContext, id: number, action: 'read' | 'update') {
  const row = await findDivision(ctx.db, id);
  if (!row) throw notFound('division');
  assertCan(ctx.actor, action, row);
  return row;
}

/** The roots of the actor's tree (their own division, or the top level for the whole tree), or a node's children. */
export async function children(ctx: ActorContext, parentId: number | undefined) {
  if (parentId === undefined) {
    if (ctx.actor.divisionId === null) return listChildren(ctx.db, null);
    const own = await loadForAction(ctx, ctx.actor.divisionId, 'read');
    const siblings = await listChildren(ctx.db, own.parent_id);
    return siblings.filter((node) => node.id === own.id);
  }
  await loadForAction(ctx, parentId, 'read');
  return listChildren(ctx.db, parentId);
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadForAction(ctx, id, 'read');
  const ancestorIds = pathIds(row.path).filter((ancestorId) => ancestorId !== row.id);
  const ancestors = (await findDivisionsByIds(ctx.db, ancestorIds))
    .sort((a, b) => a.depth - b.depth)
    .map((a) => ({ id: a.id, name: a.name, level: toDivision(a).level }));
  const kids = await listChildren(ctx.db, row.id);
  return { ...toDivision(row), ancestors, childCount: kids.length, allowed: allowedActions(ctx.actor, row) };
}

export async function search(ctx: ActorContext, query: Omit<DivisionSearch, 'scopePath'>) {
  return searchDivisions(ctx.db, { ...query, scopePath: ctx.actor.scopePath });
}

export async function create(ctx: ActorContext, input: DivisionCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const parent = input.parentId === null ? null : ((await findDivision(trx, input.parentId)) ?? null);
    if (input.parentId !== null && parent === null) throw fieldError('body.parentId', 'validation.invalid_value');
    if (parent === null) {
      if (ctx.actor.scopePath !== null) throw fieldError('body.parentId', 'validation.division_root_admin');
      assertCan(ctx.actor, 'create', null);
    } else {
      assertCan(ctx.actor, 'update', parent);
      if (levelRank(input.level) <= levelRank(toDivision(parent).level)) {
        throw fieldError('body.level', 'validation.division_level');
      }
    }
    if (await findSibling(trx, input.parentId, input.name)) {
      throw new AppError('duplicate', { params: { entity: 'entities.division', value: input.name } });
    }
    const row = await insertDivision(trx, {
      parentId: input.parentId,
      parentPath: parent?.path ?? null,
      parentDepth: parent?.depth ?? -1,
      name: input.name,
      level: input.level,
      code: input.code ?? null,
      at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, {
      action: 'division.create',
      entity: 'division',
      entityId: row.id,
      divisionId: row.id,
      detail: { name: row.name, level: row.level, parentId: row.parent_id },
    });
    return toDivision(row);
  });
}

export async function update(ctx: ActorContext, id: number, input: DivisionUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findDivision(trx, id);
    if (!before) throw notFound('division');
    assertCan(ctx.actor, 'update', before);
    if (input.name !== undefined && input.name !== before.name && (await findSibling(trx, before.parent_id, input.name))) {
      throw new AppError('duplicate', { params: { entity: 'entities.division', value: input.name } });
    }
    const after = await updateDivision(trx, id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.code !== undefined ? { code: input.code } : {}),
      at: nowIso(ctx),
    });
    if (!after) throw versionConflict('division');
    await recordAudit(trx, ctx, {
      action: 'division.update',
      entity: 'division',
      entityId: id,
      divisionId: id,
      detail: { before: { name: before.name, code: before.code }, after: { name: after.name, code: after.code } },
    });
    return toDivision(after);
  });
}
