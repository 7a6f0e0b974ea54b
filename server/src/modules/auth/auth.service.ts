import crypto from 'node:crypto';
import { cutToCodePoints } from '@tongxin/core/input-text';
import { pickLocale, type Actor, type Locale, type Role, type SignIn } from '@tongxin/core';
import { AppError } from '../../kernel/errors.ts';
import { nowIso, type ActorContext, type RequestContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Executor } from '../../db/database.ts';
import { clearRate, giveBack, takeRate, type RateRule } from '../../kernel/rate-limit.ts';
import { findUserByUsername, lockAccount, setLastSignIn, setLocale } from '../users/index.ts';
import { clearSignInThrottle, signInAccountKey } from '../../kernel/sign-in-state.ts';
import { verifyPassword } from './password.ts';
import {
  clearAccountFailures,
  deleteSession,
  findSessionWithUser,
  insertSession,
  recentFailuresFromUnknownAddresses,
  recordSignInAttempt,
  signedInBefore,
  touchSession,
} from './auth.repo.ts';

const minute = 60_000;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const day = 24 * 60 * minute;

/*
 * Lockout is not a weapon (issue 13): an address from which an account has signed in successfully
 * before is "known" to that account. Failures from unknown addresses share one account-wide
 * counter and may lock the account, but a lock (and that counter) applies only to unknown
 * addresses: whoever guesses from elsewhere cannot keep the owner out of their usual places. A
 * known address has its own small counter per account, and never locks anything.
 */

/** The throttle rules of one sign-in attempt, counted before the password is checked. */
function signInRules(ctx: RequestContext, username: string, known: boolean): RateRule[] {
  const { windowMinutes, maxFailuresPerAccount, maxFailuresPerIp } = ctx.config.signIn;
  const windowSeconds = windowMinutes * 60;
  // The account first: a burst at one account is refused there and leaves the address's allowance alone.
  return [
    { key: accountKey(username, known ? ctx.ip : null), limit: maxFailuresPerAccount, windowSeconds },
    { key: `sign-in-ip:${ctx.ip}`, limit: maxFailuresPerIp, windowSeconds },
  ];
}

const accountKey = signInAccountKey;

// Kept importable from here; the users module uses the kernel's copy.
export { clearSignInThrottle };

/**
 * The throttle stops bursts; slow guessing from unknown addresses locks the account (for unknown
 * addresses) once they have failed `lockAfterFailures` times in a day, until an administrator unlocks it.
 */
async function lockIfGuessed(trx: Executor, ctx: RequestContext, user: { id: number; division_id: number | null }, username: string, at: string) {
  const since = new Date(ctx.clock.now().getTime() - day).toISOString();
  const { count } = await recentFailuresFromUnknownAddresses(trx, username, since);
  if (count < ctx.config.signIn.lockAfterFailures) return;
  await lockAccount(trx, user.id, at);
  await recordAudit(trx, ctx, { action: 'auth.account_locked', entity: 'user', entityId: user.id, divisionId: user.division_id, actorName: username, detail: { failures: count } });
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Check the password and open a new session (always a new id: no session fixation). Failures are
 * recorded per account and per address, and audited.
 */
export async function signIn(ctx: RequestContext, input: SignIn, previousSessionId: string | null = null): Promise<NewSession> {
  const username = input.username.toLowerCase();
  const known = await signedInBefore(ctx.db, username, ctx.ip);
  // Counted before the (slow) password check, so a burst cannot all pass the check at once.
  const ticket = await takeRate(ctx.db, signInRules(ctx, username, known), ctx.clock.now());
  const user = await findUserByUsername(ctx.db, username);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const at = nowIso(ctx);
  if (!user || !passwordOk) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordSignInAttempt(trx, { username, ip: ctx.ip, success: false, at });
      await recordAudit(trx, ctx, {
        action: 'auth.sign_in_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        divisionId: user?.division_id ?? null,
        actorName: username,
      });
      if (user && !user.locked_at && !known) await lockIfGuessed(trx, ctx, user, username, at);
    });
    throw new AppError('invalid_credentials');
  }
  // Only failures count against the limits.
  await giveBack(ctx.db, ticket);
  if (user.disabled === 1) throw new AppError('account_disabled');
  // Said only to whoever knows the password: a wrong guess at a locked account reads as any other.
  // A lock holds only against addresses the account has never signed in from (see above).
  if (user.locked_at && !known) throw new AppError('account_locked');

  return openSession(ctx, user, { username, method: 'password', previousSessionId, known });
}

/**
 * Open a new session for a user who has proven who they are (password, or a one-time SMS code for
 * participants): the attempt is recorded as a success and the sign-in audited, in one transaction.
 */
export async function openSession(
  ctx: RequestContext,
  user: { id: number; username: string; display_name: string; division_id: number | null; roles: string; locale: string },
  how: { username: string; method: 'password' | 'sms_code'; previousSessionId?: string | null; known?: boolean },
): Promise<NewSession> {
  const at = nowIso(ctx);
  const username = how.username;
  const previousSessionId = how.previousSessionId ?? null;
  const known = how.known ?? false;
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionMaxDays * 24 * 60 * minute).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      id: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      ip: ctx.ip,
      user_agent: ctx.userAgent ? cutToCodePoints(ctx.userAgent, 300) : null,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
    });
    // Signing in again from a browser that holds a session ends that session (rotation).
    if (previousSessionId) await deleteSession(trx, previousSessionId);
    await recordSignInAttempt(trx, { username, ip: ctx.ip, success: true, at });
    await clearAccountFailures(trx, username);
    await clearRate(trx, accountKey(username, known ? ctx.ip : null));
    await setLastSignIn(trx, user.id, at);
    await recordAudit(trx, { ...ctx, actor: actorFromRow({ ...user, division_path: null }, ctx.locale) }, {
      action: 'auth.sign_in',
      entity: 'user',
      entityId: user.id,
      divisionId: user.division_id,
      ...(how.method === 'password' ? {} : { detail: { method: how.method } }),
    });
  });
  return { token, csrfToken, expiresAt };
}

function actorFromRow(
  row: { id?: number; user_id?: number; username: string; display_name: string; division_id: number | null; roles: string; division_path: string | null; locale: string },
  fallbackLocale: Locale,
): Actor {
  return {
    userId: (row.user_id ?? row.id)!,
    username: row.username,
    displayName: row.display_name,
    divisionId: row.division_id,
    scopePath: row.division_id === null ? null : row.division_path,
    roles: JSON.parse(row.roles) as Role[],
    locale: pickLocale(row.locale, fallbackLocale),
  };
}

/**
 * The actor behind a session cookie, or null when the session is unknown, expired, idle too long
 * or its user is disabled. A live session's last-seen time is refreshed at most once a minute.
 */
export async function resolveSession(ctx: RequestContext, token: string) {
  const sessionId = hashToken(token);
  const row = await findSessionWithUser(ctx.db, sessionId);
  if (!row || row.disabled === 1) return null;
  const now = ctx.clock.now().getTime();
  const idleLimit = new Date(row.last_seen_at).getTime() + ctx.config.sessionIdleMinutes * minute;
  if (now > new Date(row.expires_at).getTime() || now > idleLimit) {
    await deleteSession(ctx.db, sessionId);
    return null;
  }
  if (now - new Date(row.last_seen_at).getTime() > minute) await touchSession(ctx.db, sessionId, new Date(now).toISOString());
  return { sessionId, csrfToken: row.csrf_token, actor: actorFromRow(row, ctx.locale), divisionName: row.division_name };
}

export async function signOut(ctx: ActorContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, ctx, { action: 'auth.sign_out', entity: 'user', entityId: ctx.actor.userId, divisionId: ctx.actor.divisionId });
  });
}

/** The language preference is remembered on the account, so it follows the user across browsers. */
export async function changeLocale(ctx: ActorContext, locale: Locale): Promise<void> {
  await setLocale(ctx.db, ctx.actor.userId, locale);
}
