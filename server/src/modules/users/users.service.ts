import { maskPhone, type Role, type UserCreate, type UserUpdate } from '@tongxin/core';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach, subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../../kernel/password.ts';
import { assertCan as assertCanDivision } from '../divisions/divisions.policy.ts';
import { findDivision } from '../divisions/index.ts';
import { clearSignInThrottle, endSessionsOfUser } from '../../kernel/sign-in-state.ts';
import type { Executor } from '../../db/database.ts';
import { allowedActions, assertCan, grantableRoles } from './users.policy.ts';
import { findUserById, findUserByUsername, insertUser, searchUsers, toUser, unlockAccount, updateUser, type UserSearch } from './users.repo.ts';
import { assertNotBreached } from '../../kernel/breached-passwords.ts';

function targetOf(row: { id: number; division_path: string | null }) {
  return { id: row.id, divisionPath: row.division_path };
}

async function loadUser(ctx: ActorContext, db: Executor, id: number, action: Parameters<typeof assertCan>[1]) {
  const row = await findUserById(db, id);
  if (!row) throw notFound('user');
  assertCan(ctx.actor, action, targetOf(row));
  return row;
}

/** Roles must be grantable by the actor; a user without a division must be a system admin. */
async function checkPlacement(ctx: ActorContext, db: Executor, divisionId: number | null, roles: Role[]) {
  const grantable = grantableRoles(ctx.actor);
  const refused = roles.find((role) => !grantable.includes(role));
  if (refused) throw fieldError('body.roles', 'validation.role_not_grantable', { role: `roles.${refused}` });
  if (divisionId === null) {
    if (!(roles.length === 1 && roles[0] === 'system_admin') || ctx.actor.scopePath !== null) {
      throw fieldError('body.divisionId', 'validation.user_division_required');
    }
    return;
  }
  const division = await divisionInReach(db, ctx.actor, divisionId, 'body.divisionId');
  assertCanDivision(ctx.actor, 'update', division);
}

export async function list(ctx: ActorContext, query: Omit<UserSearch, 'scopePath'>) {
  assertCan(ctx.actor, 'list', null);
  // A filter outside the subtree is 403, not an empty page (the rule of every other list).
  await subtreeFilterPath(ctx.db, ctx.actor, query.divisionId);
  const page = await searchUsers(ctx.db, { ...query, scopePath: ctx.actor.scopePath });
  return { ...page, items: page.items.map((user) => ({ ...user, phone: maskPhone(user.phone) })) };
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadUser(ctx, ctx.db, id, 'read');
  return { ...toUser(row), allowed: allowedActions(ctx.actor, targetOf(row)) };
}

export async function create(ctx: ActorContext, input: UserCreate) {
  assertCan(ctx.actor, 'create', null);
  assertNotBreached(input.password, 'body.password');
  // Hash outside the transaction: it takes ~50 ms and needs no lock.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await checkPlacement(ctx, trx, input.divisionId, input.roles);
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError('duplicate', { params: { entity: 'entities.user', value: input.username } });
    }
    const id = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      divisionId: input.divisionId,
      roles: input.roles,
      phone: input.phone ?? null,
      at: nowIso(ctx),
    });
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      divisionId: input.divisionId,
      detail: { username: input.username.toLowerCase(), roles: input.roles },
    });
    return toUser((await findUserById(trx, id))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: UserUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadUser(ctx, trx, id, 'update');
    const beforeUser = toUser(before);
    if (input.disabled === true && id === ctx.actor.userId) throw fieldError('body.disabled', 'validation.self_disable');
    if (input.divisionId !== undefined || input.roles !== undefined) {
      await checkPlacement(ctx, trx, input.divisionId !== undefined ? input.divisionId : before.division_id, input.roles ?? beforeUser.roles);
    }
    const { version, ...patch } = input;
    if (!(await updateUser(trx, id, patch, nowIso(ctx), version))) throw versionConflict('user');
    // A disabled user, or one moved to another division or given other roles, starts afresh.
    const endsSessions = input.disabled === true || input.divisionId !== undefined || input.roles !== undefined;
    if (endsSessions) await endSessionsOfUser(trx, id);
    const action = input.disabled === true && !beforeUser.disabled ? 'user.disable' : input.disabled === false && beforeUser.disabled ? 'user.enable' : 'user.update';
    await recordAudit(trx, ctx, {
      action,
      entity: 'user',
      entityId: id,
      divisionId: input.divisionId !== undefined ? input.divisionId : before.division_id,
      detail: { changed: Object.keys(patch), sessionsEnded: endsSessions },
    });
    const after = (await findUserById(trx, id))!;
    return { ...toUser(after), allowed: allowedActions(ctx.actor, targetOf(after)) };
  });
}

export async function resetPassword(ctx: ActorContext, id: number, password: string) {
  assertNotBreached(password, 'body.password');
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(ctx, trx, id, 'reset_password');
    await updateUser(trx, id, { passwordHash }, nowIso(ctx));
    await endSessionsOfUser(trx, id);
    await recordAudit(trx, ctx, { action: 'user.reset_password', entity: 'user', entityId: id, divisionId: row.division_id });
  });
}

/** Unlock an account locked after failed sign-ins (the same right as editing the user). */
export async function unlock(ctx: ActorContext, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadUser(ctx, trx, id, 'update');
    if (!row.locked_at) throw new AppError('invalid_transition', { params: { entity: 'entities.user' } });
    await unlockAccount(trx, id, row.username, nowIso(ctx));
    await clearSignInThrottle(trx, row.username);
    await recordAudit(trx, ctx, { action: 'user.unlock', entity: 'user', entityId: id, divisionId: row.division_id, detail: { lockedAt: row.locked_at } });
    const after = (await findUserById(trx, id))!;
    return { ...toUser(after), allowed: allowedActions(ctx.actor, targetOf(after)) };
  });
}
