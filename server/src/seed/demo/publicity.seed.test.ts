import type { ArticleCounts, SearchResult } from '@tongxin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { buildApp } from '../../http/app.ts';
import { testClock } from '../../test/harness.ts';
import { openTestDatabase, testDialect } from '../../test/test-db.ts';
import type { SeedContext } from './context.ts';
import { demoSeeders } from './index.ts';
import { searchSeeder } from './publicity.seed.ts';
import { demoPassword } from './users.seed.ts';

/** The demo's publicity and search, read back through the API as the demo users see them. */
let handle: DatabaseHandle;
let app: FastifyInstance;
const cookies = new Map<string, string>();

beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: '2026-11-25T02:00:00.000Z', divisionIds: new Map(), log: () => {} };
    // As seedDemo runs them: every seeder, then the search index.
    for (const seeder of [...demoSeeders, searchSeeder]) {
      await seeder.run(ctx);
    }
  });
  app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: testClock('2026-11-25T02:00:00.000Z'), logger: false });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

async function get(username: string, url: string) {
  if (!cookies.has(username)) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: demoPassword } });
    cookies.set(username, `tongxin_session=${response.cookies.find((c) => c.name === 'tongxin_session')!.value}`);
  }
  const response = await app.inject({ method: 'GET', url, headers: { cookie: cookies.get(username)! } });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

async function divisionIdOf(name: string): Promise<number> {
  return (await handle.db.selectFrom('divisions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

describe('demo publicity and search', () => {

  it('Tongling: 40 stories published, each counted once', async () => {
    const tongling = await divisionIdOf('铜陵市');
    const counts = (await get('admin', `/api/articles/counts?divisionId=${tongling}&period=all`)) as ArticleCounts;
    expect(counts.rows).toEqual([expect.objectContaining({ divisionName: '铜陵市', total: 40 })]);
    expect(counts.rows[0]!.central + counts.rows[0]!.provincial + counts.rows[0]!.municipal).toBe(40);
  });

  it('Qingpu: counts per town by medium level are non-zero at more than one level', async () => {
    const qingpu = await divisionIdOf('青浦区');
    const counts = (await get('qingpu', `/api/articles/counts?divisionId=${qingpu}&by=children&period=all`)) as ArticleCounts;
    const huaxin = counts.rows.find((row) => row.divisionName === '华新镇')!;
    expect(huaxin).toMatchObject({ central: 1, municipal: 1, local: 1, total: 3 });
    expect(counts.rows.find((row) => row.own)).toMatchObject({ divisionName: '青浦区', total: 2 });
  });

  it('search works on the demo: pinyin, both scripts, scope', async () => {
    // Whole syllables (initials match only the initials of a whole name, not two shared ones).
    const tongxin = (await get('qingpu', '/api/search?q=tongxin&kinds=venue,organisation,project')) as SearchResult;
    const hits = tongxin.groups.flatMap((group) => group.items);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => hit.title.includes('同心'))).toBe(true);
    const traditional = (await get('huaxin', `/api/search?q=${encodeURIComponent('商會之家')}`)) as SearchResult;
    expect(traditional.groups.flatMap((group) => group.items).some((hit) => hit.title.includes('商会之家'))).toBe(true);
    const huaxin = await divisionIdOf('华新镇');
    const scoped = (await get('huaxin', `/api/search?q=${encodeURIComponent('会')}&limit=50`)) as SearchResult;
    const divisions = await handle.db.selectFrom('divisions').select(['id', 'path']).execute();
    const huaxinPath = divisions.find((division) => division.id === huaxin)!.path;
    const paths = new Map(divisions.map((division) => [division.id, division.path]));
    expect(scoped.groups.flatMap((group) => group.items).every((hit) => paths.get(hit.divisionId)!.startsWith(huaxinPath))).toBe(true);
  });
});
