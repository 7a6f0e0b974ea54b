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

/** The demo's work facts, read back through the API as the demo users see them. */
let handle: DatabaseHandle;
let app: FastifyInstance;
const cookies = new Map<string, string>();

beforeAll(async () => {
  handle = await openTestDatabase();
  // The whole demo, as seedDemo runs it.
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: '2026-11-25T02:00:00.000Z', divisionIds: new Map(), log: () => {} };
    for (const seeder of demoSeeders) {
      await seeder.run(ctx);
    }
  });
  app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent' }), clock: testClock('2026-11-25T02:00:00.000Z'), logger: false });
  await app.ready();
}, 60_000);
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

async function divisionIdOf(name: string): Promise<number> {
  return (await handle.db.selectFrom('divisions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

describe('demo work data', () => {

  it('幸福·新e园 shows 60+ activities this year', async () => {
    const venue = await handle.db.selectFrom('venues').select('id').where('name', '=', '幸福·新e园').executeTakeFirstOrThrow();
    const page = await get('huaxin', `/api/activities?venueId=${venue.id}&from=2026-01-01&to=2026-12-31`);
    expect(page.total).toBeGreaterThanOrEqual(60);
  });

  it("Lu'an: 13 of 29 party branches paired, deadline 31 December", async () => {
    const page = await get('anhui', `/api/pairing-programmes?divisionId=${await divisionIdOf('六安市')}`);
    expect(page.items).toHaveLength(1);
    const detail = await get('anhui', `/api/pairing-programmes/${page.items[0].id}`);
    expect(detail).toMatchObject({ deadline: '2026-12-31', coverage: { paired: 13, shouldBePaired: 29 } });
    expect((await get('anhui', `/api/pairing-programmes/${page.items[0].id}/unpaired?pageSize=50`)).total).toBe(16);
  });

  it('Bozhou: 412 enterprise–village pairs cover all 412 villages; 200+ rural projects', async () => {
    const page = await get('anhui', `/api/pairing-programmes?divisionId=${await divisionIdOf('亳州市')}`);
    expect(page.items[0].coverage).toEqual({ paired: 412, shouldBePaired: 412, ratio: 1 });
    const pairs = await get('anhui', `/api/pairing-programmes/${page.items[0].id}/pairs`);
    expect(pairs.total).toBe(412);
    expect((await get('anhui', `/api/projects?divisionId=${await divisionIdOf('亳州市')}`)).total).toBeGreaterThanOrEqual(200);
  });

  it('Bengbu: democratic parties paired with 21 communities, 21 service projects, 100+ activities this year', async () => {
    const bengbu = await divisionIdOf('蚌埠市');
    const programme = (await get('anhui', `/api/pairing-programmes?divisionId=${bengbu}`)).items[0];
    expect(programme.coverage).toMatchObject({ paired: 21, shouldBePaired: 21 });
    expect((await get('anhui', `/api/projects?divisionId=${bengbu}`)).total).toBe(21);
    expect((await get('anhui', `/api/activities?divisionId=${bengbu}&from=2026-01-01&to=2026-12-31`)).total).toBeGreaterThanOrEqual(100);
    expect((await get('anhui', `/api/pairing-programmes/${programme.id}`)).stalePairs).toBe(2);
  });

  it('Qingpu and Jinshan: projects with overdue milestones, and an open closed loop', async () => {
    expect((await get('qingpu', '/api/projects?overdue=true')).total).toBeGreaterThan(0);
    expect((await get('jinshan', '/api/projects')).total).toBe(19);
    expect((await get('jinshan', '/api/projects?overdue=true')).total).toBeGreaterThan(0);
    const loop = await get('huaxin', '/api/projects/closed-loop?problem=true&pageSize=200');
    const flagged: Array<{ overdueMilestones: number; unevidencedMilestones: number }> = loop.items;
    expect(flagged.length).toBe(loop.total);
    expect(flagged.some((p: { overdueMilestones: number }) => p.overdueMilestones > 0)).toBe(true);
    expect(flagged.some((p: { unevidencedMilestones: number }) => p.unevidencedMilestones > 0)).toBe(true);
  });

  it("Zhaoxiang: 40 liaison relationships with contact logs, some due a contact, and quarterly meetings with attendance", async () => {
    expect((await get('zhaoxiang', '/api/liaison/relationships')).total).toBe(40);
    const reminders = await get('zhaoxiang', '/api/liaison/reminders');
    expect(reminders.total).toBeGreaterThan(0);
    expect(reminders.total).toBeLessThan(10);
    const meetings = await get('zhaoxiang', '/api/activities?kind=seminar');
    expect(meetings.total).toBeGreaterThanOrEqual(4);
    const meeting = await get('zhaoxiang', `/api/activities/${meetings.items[0].id}`);
    expect(meeting.attendees.people.length).toBeGreaterThan(30);
    expect(meeting.minutes).toBeTruthy();
  });
});
