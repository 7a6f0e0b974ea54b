import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addHandler } from '../briefings/briefings.test-support.ts';

/**
 * 华新镇 records two activities in October 2026; a briefing for October claims "30余次" in its
 * activities section (edited in), then "2次" — the first differs, the second matches.
 */
let t: TestApp;
let huaxin: TestClient;
let briefingId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T02:00:00.000Z');
  huaxin = await t.signIn('huaxin.staff');
  for (const date of ['2026-10-05', '2026-10-20']) {
    expect((await huaxin.post('/api/activities', { divisionId: t.fixture.divisions.huaxin.id, title: `活动${date}`, date, kind: 'training' })).statusCode).toBe(201);
  }
  const created = await huaxin.post('/api/briefings', { divisionId: t.fixture.divisions.huaxin.id, from: '2026-10-01', to: '2026-10-31' });
  expect(created.statusCode, created.body).toBe(201);
  briefingId = created.json().id;
});
afterAll(async () => t.close());

const edit = async (text: string) => {
  const before = (await huaxin.get(`/api/briefings/${briefingId}`)).json();
  const response = await huaxin.patch(`/api/briefings/${briefingId}`, { version: before.version, sections: [{ key: 'activities', text }] });
  expect(response.statusCode, response.body).toBe(200);
};

describe('GET /api/briefings/:id/figure-check', () => {
  it('200: "开展活动30余次" against 2 recorded is flagged, with a link to the records', async () => {
    await edit('本月共开展活动30余次。');
    const response = await huaxin.get(`/api/briefings/${briefingId}/figure-check`);
    expect(response.statusCode, response.body).toBe(200);
    const check = response.json().checks.find((c: { section: string }) => c.section === 'activities');
    expect(check).toEqual({
      section: 'activities',
      raw: '30余次',
      label: '活动',
      key: 'activities',
      written: 30,
      live: 2,
      low: 30,
      high: 39,
      tolerance: 'at_least',
      differs: true,
      link: `/activities?divisionId=${t.fixture.divisions.huaxin.id}&from=2026-10-01&to=2026-10-31`,
    });
  });

  it('200: the figure the records hold passes', async () => {
    await edit('本月共开展活动2次。');
    const checks = (await huaxin.get(`/api/briefings/${briefingId}/figure-check`)).json().checks.filter((c: { section: string }) => c.section === 'activities');
    expect(checks.map((c: { raw: string; live: number; differs: boolean }) => [c.raw, c.live, c.differs])).toEqual([['2次', 2, false]]);
  });

  it("403: another town's briefing or a handler; 404: none; 401", async () => {
    expect((await (await t.signIn('zhaoxiang.staff')).get(`/api/briefings/${briefingId}/figure-check`)).statusCode).toBe(403);
    expect((await (await t.signIn(await addHandler(t))).get(`/api/briefings/${briefingId}/figure-check`)).statusCode).toBe(403);
    expect((await huaxin.get('/api/briefings/999999/figure-check')).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/briefings/${briefingId}/figure-check`)).statusCode).toBe(401);
  });
});
