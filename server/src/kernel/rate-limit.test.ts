import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { buildApp } from '../http/app.ts';
import { fixturePassword } from '../test/fixture.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { reopenTestDatabase } from '../test/test-db.ts';
import { portalLimits } from '../modules/portal/portal.guard.ts';
import { voteLimits } from '../modules/votes/votes.service.ts';
import { rateCount, takeRate } from './rate-limit.ts';

/*
 * Bursts: every request of a burst is in flight before any has finished, the way an attacker sends
 * them. Before the counters were taken atomically ahead of the work, all 30 wrong sign-ins got 401
 * (limit 5) and the public limits leaked on PostgreSQL (vote codes 29 of 20, portal 15 of 10).
 */

let t: TestApp;
/** A second app (its own connection pool) on the same database: a second instance. */
let second: { app: FastifyInstance; handle: DatabaseHandle };

beforeAll(async () => {
  t = await createTestApp();
  const handle = await reopenTestDatabase(t.handle);
  const app = await buildApp({ handle, config: t.config, clock: t.clock, logger: false });
  await app.ready();
  second = { app, handle };
});
afterAll(async () => {
  await second?.app.close();
  await second?.handle.close();
  await t?.close();
});

const burst = (n: number, send: (i: number) => Promise<{ statusCode: number }>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));
const tally = (responses: Array<{ statusCode: number }>) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};
const signIn = (app: FastifyInstance, ip: string, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: ip, payload: { username, password } });

describe('the kernel counter', () => {
  it('counts 30 concurrent takes as 30 distinct counts: exactly the limit pass', async () => {
    const now = t.clock.now();
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => takeRate(t.handle.db, [{ key: 'unit:burst', limit: 7, windowSeconds: 60 }], now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect(await rateCount(t.handle.db, 'unit:burst', now)).toBe(30);
  });
});

describe('sign-in bursts', () => {
  it('30 concurrent wrong sign-ins from one address: exactly 5 get 401, 25 get 429; the account is not locked', async () => {
    const max = t.config.signIn.maxFailuresPerAccount;
    expect(max).toBe(5);
    const responses = await burst(30, (i) => signIn(t.app, '10.30.0.1', 'jinshan.admin', `wrong-${i}-password`));
    expect(tally(responses)).toEqual({ 401: 5, 429: 25 });
    const user = await t.handle.db.selectFrom('users').select('locked_at').where('username', '=', 'jinshan.admin').executeTakeFirstOrThrow();
    expect(user.locked_at).toBeNull();
    // The refused 25 did not use up the address's allowance for other accounts.
    expect(await rateCount(t.handle.db, 'sign-in-ip:10.30.0.1', t.clock.now())).toBe(5);
  });

  it('30 concurrent wrong sign-ins split over two instances on one database: exactly 5 get 401', async () => {
    const responses = await burst(30, (i) => signIn(i % 2 === 0 ? t.app : second.app, '10.30.0.2', 'qingpu.admin', `wrong-${i}-password`));
    expect(tally(responses)).toEqual({ 401: 5, 429: 25 });
  });

  it("an attacker's burst from one address does not stop the owner signing in from an address they used before", async () => {
    expect((await signIn(t.app, '10.30.1.1', 'huaxin.staff', fixturePassword)).statusCode).toBe(200);
    const responses = await burst(30, (i) => signIn(i % 2 === 0 ? t.app : second.app, '10.30.9.9', 'huaxin.staff', `wrong-${i}-password`));
    expect(tally(responses)).toEqual({ 401: 5, 429: 25 });
    // The attacker is throttled, even with the right password…
    expect((await signIn(t.app, '10.30.9.9', 'huaxin.staff', fixturePassword)).statusCode).toBe(429);
    // …the owner is not.
    expect((await signIn(second.app, '10.30.1.1', 'huaxin.staff', fixturePassword)).statusCode).toBe(200);
  });

  it('slow guessing from many new addresses locks the account for new addresses only; the owner still signs in', async () => {
    expect((await signIn(t.app, '10.31.1.1', 'zhaoxiang.staff', fixturePassword)).statusCode).toBe(200);
    const lockAfter = t.config.signIn.lockAfterFailures;
    expect(lockAfter).toBe(10);
    for (let i = 0; i < lockAfter; i += 1) {
      // Slow: the account-wide throttle allows 5 a window, so the guesser waits out each window.
      if (i > 0 && i % t.config.signIn.maxFailuresPerAccount === 0) t.clock.advance((t.config.signIn.windowMinutes + 1) * 60_000);
      expect((await signIn(t.app, `10.31.2.${i}`, 'zhaoxiang.staff', `wrong-${i}-password`)).statusCode).toBe(401);
    }
    const user = await t.handle.db.selectFrom('users').select('locked_at').where('username', '=', 'zhaoxiang.staff').executeTakeFirstOrThrow();
    expect(user.locked_at).not.toBeNull();
    t.clock.advance((t.config.signIn.windowMinutes + 1) * 60_000);
    expect((await signIn(t.app, '10.31.3.1', 'zhaoxiang.staff', fixturePassword)).json().error.code).toBe('account_locked');
    expect((await signIn(t.app, '10.31.1.1', 'zhaoxiang.staff', fixturePassword)).statusCode).toBe(200);
    // Five more tries from new addresses fill the current window; an administrator’s unlock ends it too.
    for (let i = 0; i < t.config.signIn.maxFailuresPerAccount; i += 1) await signIn(t.app, `10.31.4.${i}`, 'zhaoxiang.staff', `wrong-${i}-again`);
    expect((await signIn(t.app, '10.31.5.1', 'zhaoxiang.staff', fixturePassword)).statusCode).toBe(429);
    const admin = await t.signIn('admin');
    expect((await admin.post(`/api/users/${t.fixture.users.zhaoxiangStaff.id}/unlock`)).statusCode).toBe(200);
    expect((await signIn(t.app, '10.31.5.1', 'zhaoxiang.staff', fixturePassword)).statusCode).toBe(200);
  });
});

describe('public bursts leak nothing', () => {
  const from = (app: FastifyInstance, ip: string) => (options: InjectOptions) => app.inject({ remoteAddress: ip, ...options });

  async function solved(ip: string) {
    const response = await from(t.app, ip)({ method: 'GET', url: '/api/portal/challenge' });
    const { question, token } = response.json() as { question: string; token: string };
    const [, a, op, b] = /^(\d+) ([+-]) (\d+) = \?$/.exec(question)!;
    return { challengeToken: token, challengeAnswer: op === '+' ? Number(a) + Number(b) : Number(a) - Number(b) };
  }

  it(`portal: 30 concurrent submissions from one address over two instances — exactly ${portalLimits.submitsPerIpPerHour} created`, async () => {
    const ip = '10.32.0.1';
    const challenges = await Promise.all(Array.from({ length: 30 }, () => solved(ip)));
    const responses = await burst(30, (i) =>
      from(i % 2 === 0 ? t.app : second.app, ip)({
        method: 'POST',
        url: '/api/portal/submissions',
        payload: { category: 'help', divisionId: t.fixture.divisions.huaxinVillage.id, title: '家门口积水', content: '下雨后门口积水严重', phone: `1381234${String(i).padStart(4, '0')}`, ...challenges[i]! },
      }),
    );
    expect(tally(responses)).toEqual({ 201: portalLimits.submitsPerIpPerHour, 429: 30 - portalLimits.submitsPerIpPerHour });
    const stored = await t.handle.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('channel', '=', 'portal').executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(portalLimits.submitsPerIpPerHour);
  });

  it(`portal: 40 concurrent ticket guesses from one address — exactly ${portalLimits.trackFailuresPerIpPerHour} answered 404, the rest 429`, async () => {
    const responses = await burst(40, (i) =>
      from(i % 2 === 0 ? t.app : second.app, '10.32.0.2')({ method: 'POST', url: '/api/portal/track', payload: { ticketNo: 'TX261125-00000000', phoneLast4: String(1000 + i) } }),
    );
    expect(tally(responses)).toEqual({ 404: portalLimits.trackFailuresPerIpPerHour, 429: 40 - portalLimits.trackFailuresPerIpPerHour });
  });

  it(`votes: 30 concurrent code requests from one address for 30 phones — exactly ${voteLimits.codesPerIpPerHour} codes sent`, async () => {
    const responses = await burst(30, (i) =>
      from(i % 2 === 0 ? t.app : second.app, '10.32.0.3')({ method: 'POST', url: '/api/public/vote-codes', payload: { phone: `1375555${String(i).padStart(4, '0')}` } }),
    );
    expect(tally(responses)).toEqual({ 202: voteLimits.codesPerIpPerHour, 429: 30 - voteLimits.codesPerIpPerHour });
    const codes = await t.handle.db.selectFrom('vote_codes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(codes.n)).toBe(voteLimits.codesPerIpPerHour);
  });
});
