import type { Executor } from '../db/database.ts';
import { AppError } from './errors.ts';
import { bumpCounter, decrementCounter, deleteCounter, deleteExpiredCounters, readCounter } from './rate-limit.repo.ts';

/*
 * The one rate limiter (sign-in, public portal, public votes). Each rule is a counter per key over
 * a window that starts at the key's first event, kept in the database (one row per key) so it
 * holds across restarts and across instances.
 *
 * The count is taken *before* the work, atomically (`INSERT … ON CONFLICT DO UPDATE … RETURNING`):
 * of 30 concurrent requests against a limit of 5, exactly 5 see a count ≤ 5, on one instance or
 * several. Counting after the work (check, do, record) let a burst through whole, because every
 * request of the burst checked before any had recorded.
 *
 * Limits that count only failures (wrong passwords, ticket misses) or only successes (submissions
 * per phone) take a slot before the work like the others and give it back when the outcome turns
 * out not to count (`giveBack`). A refused request keeps its slot in the rule that refused it: a
 * flood stays refused.
 *
 * A window is fixed once started: up to twice the limit can pass within one window's length when
 * it straddles the end of one window and the start of the next; that is the price of one row per
 * key instead of one row per event.
 */

export interface RateRule {
  /** What is counted, e.g. `sign-in-ip:10.0.0.1`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

interface Taken {
  key: string;
  windowStart: string;
}

/** What `takeRate` counted, to give back later if the outcome does not count. */
export interface RateTicket {
  taken: Taken[];
}

let calls = 0;
const pruneEvery = 200;

/**
 * Count one event against each rule, in order; 429 `rate_limited` (with the seconds until the
 * window ends, sent as Retry-After) as soon as one rule is over its limit.
 *
 * @example
 * const ticket = await takeRate(ctx.db, [{ key: `track-miss:${ctx.ip}`, limit: 20, windowSeconds: 3600 }], now);
 * if (found) await giveBack(ctx.db, ticket); // only misses count
 */
export async function takeRate(db: Executor, rules: RateRule[], now: Date): Promise<RateTicket> {
  if (++calls % pruneEvery === 0) await deleteExpiredCounters(db, now.toISOString());
  const taken: Taken[] = [];
  for (const rule of rules) {
    const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000).toISOString();
    const window = await bumpCounter(db, rule.key, now.toISOString(), expiresAt);
    taken.push({ key: rule.key, windowStart: window.windowStart });
    if (window.count > rule.limit) {
      // The refused request counts against the rule that refused it, not against the others (a
      // burst at one account should not also use up its address's allowance).
      await giveBack(db, { taken: taken.slice(0, -1) });
      const seconds = Math.max(1, Math.ceil((new Date(window.expiresAt).getTime() - now.getTime()) / 1000));
      throw new AppError('rate_limited', { params: { seconds }, details: { retryAfterSeconds: seconds } });
    }
  }
  return { taken };
}

/** Give back the slots a ticket took (all, or those whose key passes `which`). */
export async function giveBack(db: Executor, ticket: RateTicket, which: (key: string) => boolean = () => true): Promise<void> {
  for (const slot of ticket.taken) if (which(slot.key)) await decrementCounter(db, slot.key, slot.windowStart);
}

/** How many events a key has counted in its current window. */
export async function rateCount(db: Executor, key: string, now: Date): Promise<number> {
  return readCounter(db, key, now.toISOString());
}

/** Forget a key's counts altogether. */
export async function clearRate(db: Executor, key: string): Promise<void> {
  await deleteCounter(db, key);
}

/** Drop ended windows (also done every few hundred calls on the way). */
export async function pruneRates(db: Executor, now: Date): Promise<number> {
  return deleteExpiredCounters(db, now.toISOString());
}
