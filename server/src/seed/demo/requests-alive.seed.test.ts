import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { buildApp } from '../../http/app.ts';
import { expireOverdueNeeds } from '../../modules/needs/needs.expiry.ts';
import { testClock } from '../../test/harness.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { SeedContext } from './context.ts';
import { demoSeeders } from './index.ts';
import { requestsSeeder } from './requests.seed.ts';
import { demoPassword } from './users.seed.ts';

/**
 * The demo loaded long after 2026 still has a needs board (issue 17): the wishes left open are dated
 * from the seed run's day, so the expiry job (3 days past the date) leaves them on the board.
 */
const seedDay = '2031-03-10T02:00:00.000Z';
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: seedDay, divisionIds: new Map(), log: () => {} };
    // Only the seeders up to the requests: the rest (judging, money) have nothing to do with the board.
    for (const seeder of demoSeeders.slice(0, demoSeeders.indexOf(requestsSeeder) + 1)) await seeder.run(ctx);
  });
  app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: testClock('2031-03-10T04:00:00.000Z'), logger: false });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function signedIn(username: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: demoPassword } });
  expect(response.statusCode).toBe(200);
  return `tongxin_session=${response.cookies.find((c) => c.name === 'tongxin_session')!.value}`;
}

describe('demo needs stay alive relative to the seed day', () => {
  it('the expiry job run a day after seeding expires none of the open wishes, and the Tongling board shows all 10 of them (200)', async () => {
    const open = await handle.db.selectFrom('needs').select(['id', 'wanted_by']).where('state', '=', 'open').orderBy('wanted_by').execute();
    expect(open.length).toBe(11); // Tongling's 10 unclaimed wishes and Huaxin's fresh portal wish
    expect(open[0]!.wanted_by).toBe('2031-03-17');
    expect(open.at(-1)!.wanted_by).toBe('2031-04-13');

    expect(await expireOverdueNeeds(handle.db, new Date('2031-03-11T04:00:00.000Z'))).toEqual([]);

    const cookie = await signedIn('anhui');
    const response = await app.inject({ method: 'GET', url: '/api/needs/board?pageSize=50', headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json() as { total: number; items: Array<{ wantedBy: string }> };
    expect(board.total).toBe(10);
    expect(board.items.length).toBe(10);
    for (const item of board.items) expect(item.wantedBy >= '2031-03-10').toBe(true);
  });
});
