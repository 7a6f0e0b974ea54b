import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { buildApp } from '../../http/app.ts';
import { runDueReminders } from '../../modules/inbox/reminders.ts';
import { testClock } from '../../test/harness.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { SeedContext } from './context.ts';
import { demoSeeders } from './index.ts';
import { demoPassword } from './users.seed.ts';

/** The demo's requests, read back through the API as the demo users see them. */
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
  app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: testClock('2026-11-25T04:00:00.000Z'), logger: false });
  await app.ready();
}, 90_000);
afterAll(async () => {
  await app.close();
  await handle.close();
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

const divisionIdOf = async (name: string) => (await handle.db.selectFrom('divisions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('demo requests', () => {

  it('Tongling: 300+ wishes and ideas', async () => {
    const tongling = await divisionIdOf('铜陵市');
    const wishes = await get('anhui', `/api/needs?divisionId=${tongling}&pageSize=1`);
    const ideas = await get('anhui', `/api/cases?divisionId=${tongling}&category=idea&pageSize=1`);
    expect(wishes.total).toBe(230);
    expect(ideas.total).toBe(80);
    expect(wishes.total + ideas.total).toBeGreaterThanOrEqual(300);
    const confirmed = await get('anhui', `/api/needs?divisionId=${tongling}&state=confirmed&pageSize=1`);
    expect(confirmed.total).toBe(187);
  });

  it('Henglan: about 100 hotline calls, 20+ problems solved', async () => {
    const calls = await get('henglan', '/api/cases?channel=hotline&pageSize=1');
    expect(calls.total).toBe(100);
    const figures = await get('henglan', '/api/cases/figures?from=2026-01-01&to=2026-12-31&groupBy=division');
    expect(figures.received).toBe(100);
    expect(figures.solved).toBe(23);
    expect(figures.groups.length).toBe(11);
  });

  it('Bengbu: 200+ proposals this year from the party branches', async () => {
    const bengbu = await divisionIdOf('蚌埠市');
    const proposals = await get('anhui', `/api/cases?divisionId=${bengbu}&category=idea&channel=organisation&from=2026-01-01&to=2026-12-31&pageSize=1`);
    expect(proposals.total).toBe(206);
    expect(proposals.items[0].submitterOrganisation.name).toMatch(/支部$/);
    const figures = await get('anhui', `/api/cases/figures?from=2026-01-01&to=2026-12-31&divisionId=${bengbu}`);
    expect(figures.groups.length).toBeGreaterThan(1);
    expect(figures.groups[0].rank).toBe(1);
  });

  it('Chizhou: a democratic party’s report with an instruction, three units and supervision; the job does not resend', async () => {
    const chizhou = await divisionIdOf('池州市');
    const list = await get('anhui', `/api/direct-channel/reports?divisionId=${chizhou}`);
    expect(list.total).toBe(1);
    const report = await get('anhui', `/api/direct-channel/reports/${list.items[0].id}`);
    expect(report.organisation.name).toBe('九三学社池州市委会');
    expect(report.instructions).toHaveLength(1);
    expect(report.assignments.map((a: { state: string; overdue: boolean; escalated: boolean }) => [a.state, a.overdue, a.escalated])).toEqual([
      ['completed', false, false],
      ['accepted', true, true],
      ['accepted', false, false],
    ]);
    await runDueReminders(handle.db, new Date('2026-11-25T04:00:00.000Z'));
    const escalations = await handle.db.selectFrom('dc_events').select('id').where('report_id', '=', report.id).where('action', '=', 'escalated').execute();
    expect(escalations).toHaveLength(1);
  });

  it('fresh portal submissions wait in the Huaxin and Zhaoxiang inboxes', async () => {
    expect((await get('zhaoxiang', '/api/inbox?box=to_dispatch')).filter((i: { kind: string }) => i.kind === 'case')).toHaveLength(3);
    const huaxin = await get('huaxin', '/api/inbox/counts');
    expect(huaxin.to_dispatch).toBe(3);
  });
});
