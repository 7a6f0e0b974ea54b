import crypto from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';

/*
 * The portal's guards, all kept in the database so they hold across instances: a signing key,
 * attempt counters per address and per phone, used challenges, idempotency keys. No third-party
 * service is involved.
 */

/** Limits of the public portal (per address, per phone). */
export const portalLimits = {
  submitsPerIpPerHour: 10,
  submitsPerPhonePerDay: 5,
  trackFailuresPerIpPerHour: 20,
  photosPerIpPerHour: 20,
  challengeMinutes: 10,
} as const;

const keys = new WeakMap<object, string>();

/** The shared HMAC key, created by whichever instance needs it first. */
export async function portalSecret(db: Db): Promise<string> {
  const cached = keys.get(db);
  if (cached) return cached;
  await db
    .insertInto('app_secrets')
    .values({ name: 'portal_hmac', value: crypto.randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_secrets').select('value').where('name', '=', 'portal_hmac').executeTakeFirstOrThrow();
  keys.set(db, row.value);
  return row.value;
}

const hmac = (secret: string, text: string) => crypto.createHmac('sha256', secret).update(text).digest('base64url');

/** A keyed hash of a phone number: counters and idempotency keys never hold the number itself. */
export function phoneHash(secret: string, phone: string): string {
  return hmac(secret, `phone:${phone}`);
}

/**
 * A simple arithmetic question and a signed, expiring token that carries its answer's inputs.
 *
 * @example
 * const { question, token } = issueChallenge(secret, new Date()); // "7 + 5 = ?"
 */
export function issueChallenge(secret: string, now: Date) {
  const a = crypto.randomInt(2, 20);
  const b = crypto.randomInt(1, a);
  const op = crypto.randomInt(0, 2) === 0 ? '+' : '-';
  const expires = now.getTime() + portalLimits.challengeMinutes * 60_000;
  const payload = Buffer.from(`${crypto.randomBytes(12).toString('base64url')}.${a}.${op}.${b}.${expires}`).toString('base64url');
  return { question: `${a} ${op} ${b} = ?`, token: `${payload}.${hmac(secret, payload)}`, expiresAt: new Date(expires).toISOString() };
}

/** Check a challenge answer; returns the challenge's nonce (to mark it used) or throws 400. */
export function verifyChallenge(secret: string, token: string, answer: number, now: Date): string {
  const wrong = () => fieldError('body.challengeAnswer', 'requests.validation.challenge');
  const [payload, signature] = token.split('.');
  if (!payload || !signature) throw wrong();
  const expected = hmac(secret, payload);
  if (expected.length !== signature.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) throw wrong();
  const [nonce, a, op, b, expires] = Buffer.from(payload, 'base64url').toString().split('.');
  if (!nonce || Number(expires) < now.getTime()) throw fieldError('body.challengeAnswer', 'requests.validation.challenge_expired');
  const value = op === '+' ? Number(a) + Number(b) : Number(a) - Number(b);
  if (value !== answer) throw wrong();
  return nonce;
}

/** Mark a challenge used inside the submitting transaction; a second use is refused. */
export async function useChallenge(db: Executor, nonce: string, at: string): Promise<void> {
  const inserted = await db
    .insertInto('portal_used_challenges')
    .values({ nonce, at })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  if (!inserted) throw fieldError('body.challengeAnswer', 'requests.validation.challenge_expired');
}

export async function recordAttempt(db: Executor, ctx: RequestContext, action: 'submit' | 'track' | 'photo', success: boolean, hash: string | null): Promise<void> {
  await db.insertInto('portal_attempts').values({ action, ip: ctx.ip, phone_hash: hash, success: success ? 1 : 0, at: ctx.clock.now().toISOString() }).execute();
}

async function countSince(db: Executor, action: string, by: 'ip' | 'phone_hash', value: string, since: string, onlyFailures: boolean, onlySuccesses = false) {
  let query = db
    .selectFrom('portal_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('action', '=', action)
    .where(by, '=', value)
    .where('at', '>=', since);
  if (onlyFailures) query = query.where('success', '=', 0);
  if (onlySuccesses) query = query.where('success', '=', 1);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest as string | null };
}

function throttle(now: number, windowMs: number, oldest: string | null): never {
  const seconds = Math.max(1, Math.ceil(((oldest ? new Date(oldest).getTime() : now) + windowMs - now) / 1000));
  throw new AppError('rate_limited', { params: { seconds }, details: { retryAfterSeconds: seconds } });
}

/** 429 when this address has submitted too often this hour, or this phone today. */
export async function assertSubmitAllowed(ctx: RequestContext, hash: string): Promise<void> {
  const now = ctx.clock.now().getTime();
  const hour = 3_600_000;
  const byIp = await countSince(ctx.db, 'submit', 'ip', ctx.ip, new Date(now - hour).toISOString(), false);
  if (byIp.count >= portalLimits.submitsPerIpPerHour) throttle(now, hour, byIp.oldest);
  const byPhone = await countSince(ctx.db, 'submit', 'phone_hash', hash, new Date(now - 24 * hour).toISOString(), false, true);
  if (byPhone.count >= portalLimits.submitsPerPhonePerDay) throttle(now, 24 * hour, byPhone.oldest);
}

/** 429 when this address has failed to find a ticket too often this hour (guessing). */
export async function assertTrackAllowed(ctx: RequestContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  const hour = 3_600_000;
  const failures = await countSince(ctx.db, 'track', 'ip', ctx.ip, new Date(now - hour).toISOString(), true);
  if (failures.count >= portalLimits.trackFailuresPerIpPerHour) throttle(now, hour, failures.oldest);
}

/**
 * 429 when this address has sent too many photos this hour, or failed to prove a ticket too often
 * (a wrong proof on a photo counts as a failed track: the same guess).
 */
export async function assertPhotoAllowed(ctx: RequestContext): Promise<void> {
  await assertTrackAllowed(ctx);
  const now = ctx.clock.now().getTime();
  const hour = 3_600_000;
  const sent = await countSince(ctx.db, 'photo', 'ip', ctx.ip, new Date(now - hour).toISOString(), false);
  if (sent.count >= portalLimits.photosPerIpPerHour) throttle(now, hour, sent.oldest);
}
