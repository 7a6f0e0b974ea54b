import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from '../projects/work.fixture.ts';

let t: TestApp;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
const people: number[] = [];
const startClock = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(startClock);
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const f = workFixture(t.handle.db);
  for (const name of ['村代表', '镇代表']) people.push(await f.person(t.fixture.divisions.huaxin.id, name));
});
afterAll(() => t.close());
afterEach(() => t.clock.set(startClock));

const seminar = (client: TestClient, date: string, attendeePersonIds: number[], kind = 'seminar') =>
  client.post('/api/activities', { title: `座谈会 ${date}`, date, kind, attendeePersonIds, minutes: '听取意见' });

describe('GET /api/liaison/meeting-quarters', () => {
  it('counts seminars and their attendees per quarter and flags quarters that ended with none', async () => {
    for (const [date, ids] of [['2026-02-10', [people[0]!]], ['2026-08-01', people], ['2026-09-30', [people[1]!]]] as const) {
      expect((await seminar(huaxinStaff, date, [...ids])).statusCode).toBe(201);
    }
    // Not a seminar, and an archived seminar: neither counts.
    await seminar(huaxinStaff, '2026-05-05', people, 'visit');
    const archived = (await seminar(huaxinStaff, '2026-05-06', people)).json();
    expect((await huaxinStaff.post(`/api/activities/${archived.id}/archive`, { version: archived.version })).statusCode).toBe(200);

    const response = await huaxinStaff.get(`/api/liaison/meeting-quarters?year=2026&divisionId=${t.fixture.divisions.huaxin.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const quarters = response.json();
    expect(quarters.map((q: { meetings: number }) => q.meetings)).toEqual([1, 0, 2, 0]);
    expect(quarters.map((q: { attendees: number }) => q.attendees)).toEqual([1, 0, 3, 0]);
    // On 2026-11-25 the fourth quarter is still running: not a miss yet; the second is.
    expect(quarters.map((q: { missed: boolean }) => q.missed)).toEqual([false, true, false, false]);
    expect(quarters[2]).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    // In the new year the fourth quarter has ended without one (sessions lapse over a month: sign in again).
    t.clock.set('2027-01-02T02:00:00.000Z');
    const later = await t.signIn('huaxin.staff');
    expect((await later.get('/api/liaison/meeting-quarters?year=2026')).json()[3].missed).toBe(true);
  });

  it('scope: another town sees none of them; asking for a division outside the subtree is 403; 400 without a year; 401', async () => {
    const zhaoxiang = (await zhaoxiangStaff.get('/api/liaison/meeting-quarters?year=2026')).json();
    expect(zhaoxiang.map((q: { meetings: number }) => q.meetings)).toEqual([0, 0, 0, 0]);
    expect((await zhaoxiangStaff.get(`/api/liaison/meeting-quarters?year=2026&divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.get('/api/liaison/meeting-quarters')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/liaison/meeting-quarters?year=2026')).statusCode).toBe(401);
  });
});
