import crypto from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import { fieldError } from '../../kernel/errors.ts';
import { giveBack, takeRate, type RateRule } from '../../kernel/rate-limit.ts';
import type { RequestContext } from '../../http/context.ts';
import { ensurePortalSecret, markChallengeUsed } from './portal.repo.ts';

/*
 * The portal's guards, all kept in the database so they hold across instances: a signing key,
 * rate limits per address and per phone (the kernel's atomic counters), used challenges, idempotency keys. No third-party
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
  const value = await ensurePortalSecret(db, crypto.randomBytes(32).toString('base64url'), new Date().toISOString());
  keys.set(db, value);
  return value;
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
  if (!(await markChallengeUsed(db, nonce, at))) throw fieldError('body.challengeAnswer', 'requests.validation.challenge_expired');
}

const hour = 3600;

/**
 * Count a submission before its work: 429 when this address has tried too often this hour, or
 * this phone has submitted too often today. The phone limit counts successes only: call the
 * returned function when the submission fails, to give its slot back.
 */
export async function takeSubmitSlot(ctx: RequestContext, hash: string): Promise<() => Promise<void>> {
  const ticket = await takeRate(
    ctx.db,
    [
      { key: `portal-submit-ip:${ctx.ip}`, limit: portalLimits.submitsPerIpPerHour, windowSeconds: hour },
      { key: `portal-submit-phone:${hash}`, limit: portalLimits.submitsPerPhonePerDay, windowSeconds: 24 * hour },
    ],
    ctx.clock.now(),
  );
  return () => giveBack(ctx.db, ticket, (key) => key.startsWith('portal-submit-phone:'));
}

const trackMissRule = (ctx: RequestContext): RateRule => ({ key: `portal-track-miss:${ctx.ip}`, limit: portalLimits.trackFailuresPerIpPerHour, windowSeconds: hour });

/**
 * Count a ticket lookup as a miss before it runs (guessing): 429 when this address has missed too
 * often this hour. Call the returned function when the ticket was found: only misses count.
 */
export async function takeTrackSlot(ctx: RequestContext): Promise<() => Promise<void>> {
  const ticket = await takeRate(ctx.db, [trackMissRule(ctx)], ctx.clock.now());
  return () => giveBack(ctx.db, ticket);
}

/**
 * A photo: counted as a miss (a wrong proof is the same guess as a wrong track) and as a photo of
 * this address this hour. `proven` gives the miss back; `refused` gives the photo back.
 */
export async function takePhotoSlot(ctx: RequestContext) {
  const ticket = await takeRate(
    ctx.db,
    [trackMissRule(ctx), { key: `portal-photo-ip:${ctx.ip}`, limit: portalLimits.photosPerIpPerHour, windowSeconds: hour }],
    ctx.clock.now(),
  );
  return {
    proven: () => giveBack(ctx.db, ticket, (key) => key.startsWith('portal-track-miss:')),
    refused: () => giveBack(ctx.db, ticket, (key) => key.startsWith('portal-photo-ip:')),
  };
}
