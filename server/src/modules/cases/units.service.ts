import { isWithinScope, type UnitRef, type UnitType } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  actorUnits,
  findUnit,
  handlersOfOrganisation,
  isOfficeStaff,
  organisationWithPath,
  replaceOrganisationHandlers,
  searchUnits,
  unitNames,
  unitRefsOf,
  userDivisionPaths,
} from './units.repo.ts';

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
  const org = await organisationWithPath(db, id);
  if (!org) throw notFound('organisation');
  if (!isWithinScope(org.path, ctx.actor.scopePath)) throw new AppError('out_of_scope');
  return org;
}

export async function handlers(ctx: ActorContext, organisationId: number) {
  await organisationInScope(ctx, ctx.db, organisationId);
  return handlersOfOrganisation(ctx.db, organisationId);
}

/** Replace who acts for an organisation (office staff of its subtree); every user must be in that subtree too. */
export async function setHandlers(ctx: ActorContext, organisationId: number, userIds: number[]) {
  await ctx.db.transaction().execute(async (trx) => {
    const org = await organisationInScope(ctx, trx, organisationId);
    if (!isOfficeStaff(ctx.actor)) throw new AppError('forbidden');
    const users = await userDivisionPaths(trx, userIds);
    userIds.forEach((id, i) => {
      const user = users.find((u) => u.id === id);
      if (!user || user.path === null || !isWithinScope(user.path, ctx.actor.scopePath)) throw fieldError(`body.userIds.${i}`, 'validation.invalid_value');
    });
    await replaceOrganisationHandlers(trx, organisationId, userIds, nowIso(ctx));
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

