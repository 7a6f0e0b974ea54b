import { parseFen } from '@tongxin/core/money';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { buildApp } from '../../http/app.ts';
import { testClock } from '../../test/harness.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { SeedContext } from './context.ts';
import { demoSeeders } from './index.ts';
import { demoPassword } from './users.seed.ts';

/** The demo's judging and money facts, read back through the API as the demo users see them. */
let handle: DatabaseHandle;
let app: FastifyInstance;
const cookies = new Map<string, string>();

beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: '2026-11-25T02:00:00.000Z', divisionIds: new Map(), log: () => {} };
    for (const seeder of demoSeeders) {
      await seeder.run(ctx);
    }
  });
  app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: testClock('2026-11-25T02:00:00.000Z'), logger: false });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function get(username: string | null, url: string) {
  if (username && !cookies.has(username)) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: demoPassword } });
    cookies.set(username, `tongxin_session=${response.cookies.find((c) => c.name === 'tongxin_session')!.value}`);
  }
  const response = await app.inject({ method: 'GET', url, headers: username ? { cookie: cookies.get(username)! } : {} });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
}

const idOf = async (table: 'divisions' | 'competitions' | 'campaigns', column: 'name' | 'title', value: string) =>
  (await handle.db.selectFrom(table as 'divisions').select('id').where(column as 'name', '=', value).executeTakeFirstOrThrow()).id;

describe('demo judging and money', () => {

  it('Jinshan 2025: 12 entries from the towns and the platform, 360° review, five winners published for anyone to see', async () => {
    const id = await idOf('competitions', 'title', '2025 年度金山区统战创新项目评审');
    const results = await get('jinshan', `/api/competitions/${id}/results`);
    expect(results.entries).toHaveLength(12);
    expect(results.entries.every((e: { total: number | null; groups: Array<{ figure: number | null }> }) => e.total !== null && e.groups.every((g) => g.figure !== null))).toBe(true);
    const published = await get(null, `/api/public/competitions/${id}/result`);
    expect(published.awards.map((a: { name: string; entries: unknown[] }) => [a.name, a.entries.length])).toEqual([['一等奖', 1], ['二等奖', 2], ['优秀奖', 2]]);
    expect((await get(null, '/api/public/competitions')).map((c: { title: string }) => c.title)).toContain('2025 年度金山区统战创新项目评审');
  });

  it('Jinshan this year: a demo rater sees only assigned entries, blind, with progress and a next entry', async () => {
    const id = await idOf('competitions', 'title', '2026 年度金山区统战创新项目评审');
    const view = await get('jinshan.expert1', `/api/competitions/${id}/review`);
    expect(view).toMatchObject({ reviewOpen: true, raterVisibility: 'assigned', hideAuthors: true });
    expect(view.progress.total).toBeGreaterThan(view.progress.done);
    expect(view.entries.every((e: { organisationName: string | null }) => e.organisationName === null)).toBe(true);
    expect(view.nextEntryId).not.toBeNull();
  });

  it('Huangshan: 12 practice bases (4 provincial, 2 municipal, 6 county) rated by last year’s checklist, with history', async () => {
    const city = await idOf('divisions', 'name', '黄山市');
    const finals = await get('huangshan', `/api/assessments?divisionId=${city}&status=final&pageSize=50`);
    expect(finals.total).toBe(12);
    const levels = finals.items.map((a: { venue: { level: string } }) => a.venue.level).sort();
    expect(levels.filter((l: string) => l === 'provincial')).toHaveLength(4);
    expect(levels.filter((l: string) => l === 'municipal')).toHaveLength(2);
    expect(finals.items.every((a: { stars: number; venue: { starRating: number | null } }) => a.stars >= 3 && a.venue.starRating === a.stars)).toBe(true);
    const history = await get('huangshan', `/api/assessments/venues/${finals.items[0].venue.id}/star-history`);
    expect(history.history).toHaveLength(1);
    expect((await get('huangshan', `/api/assessments?divisionId=${city}&status=draft`)).total).toBe(12);
  });

  it('Henglan: 1,926.8万元 received over three years (1,920万+), two pledges overdue; 34.6万元 to the paired county', async () => {
    const charity = await get('henglan', `/api/campaigns/${await idOf('campaigns', 'title', '横栏镇慈善帮扶（2022—2024）')}`);
    expect(charity.progress).toMatchObject({ pledgedFen: parseFen('1950万'), receivedFen: parseFen('1926.8万'), overdueCount: 2, overdueFen: parseFen('23.2万') });
    const aid = await get('henglan', `/api/campaigns/${await idOf('campaigns', 'title', '横栏镇对口帮扶资金')}`);
    expect(aid.progress).toMatchObject({ receivedFen: parseFen('34.6万'), receivedOfTarget: 1 });
  });

  it('Xujing 同心筑梦 and Gongjing 20万元+', async () => {
    const xujing = await get('qingpu', `/api/campaigns/${await idOf('campaigns', 'title', '同心筑梦·徐泾镇商会助学行动')}`);
    expect(xujing.progress).toMatchObject({ pledgedFen: parseFen('54万'), receivedFen: parseFen('54万'), outstandingFen: parseFen('6万'), overdueCount: 0 });
    const gongjing = await get('admin', `/api/campaigns/${await idOf('campaigns', 'title', '贡井区新联会公益捐赠')}`);
    expect(gongjing.progress.receivedFen).toBe(parseFen('20.6万'));
  });

  it('Hefei: 133 projects since 2018 with exactly 480.4亿元 of contracts and 200+ talents; Bozhou: 80 projects, exactly 240亿元', async () => {
    const hefei = await get('anhui', `/api/leads/figures?divisionId=${await idOf('divisions', 'name', '合肥市')}&from=2018-01-01`);
    expect(hefei.total).toMatchObject({ signedCount: 133, contractFen: parseFen('480.4亿元'), talents: 206 });
    expect(hefei.total.byStage.lead + hefei.total.byStage.talks).toBe(12);
    const bozhou = await get('anhui', `/api/leads/figures?divisionId=${await idOf('divisions', 'name', '亳州市')}`);
    expect(bozhou.total).toMatchObject({ signedCount: 80, contractFen: parseFen('240亿元') });
    expect(bozhou.rows).toHaveLength(4);
  });
});
