import { isWithinScope, type UnitRef, type UnitType } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound } from '../../http/app-error.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorUnits, findUnit, isOfficeStaff, searchUnits, unitNames, unitRefsOf } from './units.repo.ts';

/** Units of the reader's subtree for the dispatch and assignment pickers. */
export async function search(ctx: ActorContext, query: { q?: string | undefined; type?: UnitType | undefined; limit: number }) {
  return searchUnits(ctx.db, ctx.actor.scopePath, query);
}

/** The units the reader acts for, with names (the inbox and the claim form offer these). */
export async function mine(ctx: ActorContext) {
  const refs = unitRefsOf(await actorUnits(ctx.db, ctx.actor));
  const names = await unitNames(ctx.db, refs);
  return refs.map((ref) => ({ ...ref, name: names.get(`${ref.type}:${ref.id}`) ?? '' }));
}

async function organisationInScope(ctx: ActorContext, db: Executor, id: number) {
  const org = await db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .select(['o.id', 'o.division_id', 'd.path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  if (!isWithinScope(org.path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  return org;
}

export async function handlers(ctx: ActorContext, organisationId: number) {
  await organisationInScope(ctx, ctx.db, organisationId);
  return ctx.db
    .selectFrom('organisation_handlers as h')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select(['u.id as userId', 'u.display_name as displayName', 'u.username'])
    .where('h.organisation_id', '=', organisationId)
    .orderBy('u.display_name')
    .execute();
}

/** Replace who acts for an organisation (office staff of its subtree); every user must be in that subtree too. */
export async function setHandlers(ctx: ActorContext, organisationId: number, userIds: number[]) {
  await ctx.db.transaction().execute(async (trx) => {
    const org = await organisationInScope(ctx, trx, organisationId);
    if (!isOfficeStaff(ctx.actor)) throw new AppError('forbidden');
    const users = userIds.length
      ? await trx.selectFrom('users as u').leftJoin('divisions as d', 'd.id', 'u.division_id').select(['u.id', 'd.path']).where('u.id', 'in', userIds).execute()
      : [];
    userIds.forEach((id, i) => {
      const user = users.find((u) => u.id === id);
      if (!user || user.path === null || !isWithinScope(user.path, ctx.actor.scopePath)) throw fieldError(`body.userIds.${i}`, 'validation.invalid_value');
    });
    await trx.deleteFrom('organisation_handlers').where('organisation_id', '=', organisationId).execute();
    const at = nowIso(ctx);
    if (userIds.length) await trx.insertInto('organisation_handlers').values(userIds.map((userId) => ({ organisation_id: organisationId, user_id: userId, created_at: at }))).execute();
    await recordAudit(trx, ctx, { action: 'organisation.handlers', entity: 'organisation', entityId: organisationId, divisionId: org.division_id, detail: { userIds } });
  });
  return handlers(ctx, organisationId);
}

/** A unit named in a dispatch: it must exist, lie in the dispatcher's subtree and be live. */
export async function unitForDispatch(ctx: ActorContext, db: Executor, ref: UnitRef, field: string): Promise<UnitRef> {
  const unit = await findUnit(db, ref);
  if (!unit) throw fieldError(field, 'validation.invalid_value');
  if (!isWithinScope(unit.path, ctx.actor.scopePath)) throw fieldError(field, 'requests.validation.unit_out_of_scope');
  if (unit.archived) throw fieldError(field, 'validation.archived_reference');
  return { type: unit.type, id: unit.id };
}

