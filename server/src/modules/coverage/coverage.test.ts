import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from '../projects/work.fixture.ts';
import { notifyBehindRules } from './coverage.service.ts';

/**
 * Qingpu has two towns, 华新镇 (with 华新村) and 赵巷镇. Trainings: 华新 09-10, 华新村 10-05 (counts
 * for 华新), 赵巷 10-20, 赵巷 08-01 (before the rule starts); 华新 also holds an event (not a
 * training). 华新 has a chamber, 赵巷 none. Today is 2026-11-25 (Beijing).
 */
let t: TestApp;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
const ids = { trainings: 0, chambers: 0 };
const now = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(now);
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  const d = t.fixture.divisions;
  const activity = async (divisionId: number, date: string, kind: string) => {
    const response = await qingpuStaff.post('/api/activities', { divisionId, title: `活动${date}`, date, kind });
    expect(response.statusCode, response.body).toBe(201);
  };
  await activity(d.huaxin.id, '2026-09-10', 'training');
  await activity(d.huaxinVillage.id, '2026-10-05', 'training');
  await activity(d.zhaoxiang.id, '2026-10-20', 'training');
  await activity(d.zhaoxiang.id, '2026-08-01', 'training');
  await activity(d.huaxin.id, '2026-10-01', 'event');
  await workFixture(t.handle.db).organisation(d.huaxin.id, '华新镇商会', 'chamber');
});
afterAll(async () => t.close());

const trainingRule = () => ({
  divisionId: t.fixture.divisions.qingpu.id,
  title: '每个街镇本季至少两次培训',
  unitLevel: 'town',
  kind: 'activities',
  filterValue: 'training',
  minCount: 2,
  periodStart: '2026-09-01',
  deadline: '2026-12-31',
  notifyDays: 40,
});

describe('POST /api/coverage-rules', () => {
  it('201: a district declares "every town holds two trainings"; ratio, month-end trend and days left from the records; audited', async () => {
    const response = await qingpuStaff.post('/api/coverage-rules', trainingRule());
    expect(response.statusCode, response.body).toBe(201);
    const rule = response.json();
    ids.trainings = rule.id;
    expect(rule).toMatchObject({ divisionName: '青浦区', today: '2026-11-25', daysLeft: 36, behindNearDeadline: true, figure: { covered: 1, units: 2, ratio: 0.5 } });
    expect(rule.trend).toEqual([
      { month: '2026-09', asOf: '2026-09-30', covered: 0, units: 2, ratio: 0 },
      { month: '2026-10', asOf: '2026-10-31', covered: 1, units: 2, ratio: 0.5 },
      { month: '2026-11', asOf: '2026-11-25', covered: 1, units: 2, ratio: 0.5 },
    ]);
    expect((await auditRows(t.handle, 'coverage_rule.create'))[0]).toMatchObject({ entity_id: String(rule.id), division_id: t.fixture.divisions.qingpu.id });
  });

  it('201: "every town has a chamber" counts live organisations of the type, whenever founded', async () => {
    const response = await qingpuStaff.post('/api/coverage-rules', { ...trainingRule(), title: '每个街镇都有商会', kind: 'organisations', filterValue: 'chamber', minCount: 1, notifyDays: 7 });
    expect(response.statusCode, response.body).toBe(201);
    ids.chambers = response.json().id;
    expect(response.json()).toMatchObject({ figure: { covered: 1, units: 2, ratio: 0.5 }, behindNearDeadline: false });
  });

  it('400: a filter the kind does not take, units not below the division, a deadline before the start, SQL-looking text', async () => {
    const bad = await qingpuStaff.post('/api/coverage-rules', { ...trainingRule(), kind: 'organisations', filterValue: "chamber' or 1=1 --" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.filterValue']);
    const level = await qingpuStaff.post('/api/coverage-rules', { ...trainingRule(), unitLevel: 'district' });
    expect(level.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.unitLevel']);
    const dates = await qingpuStaff.post('/api/coverage-rules', { ...trainingRule(), periodStart: '2027-01-01' });
    expect(dates.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.deadline']);
    expect((await qingpuStaff.post('/api/coverage-rules', { ...trainingRule(), kind: 'parties' })).statusCode).toBe(400);
  });

  it('403: a town cannot declare a district rule; 401 without a session', async () => {
    const response = await huaxinStaff.post('/api/coverage-rules', trainingRule());
    expect(response.statusCode).toBe(403);
    expect((await t.anonymous().post('/api/coverage-rules', trainingRule())).statusCode).toBe(401);
  });
});

describe('GET /api/coverage-rules and /missing', () => {
  it('200: the district sees both rules with their figures, nearest deadline first', async () => {
    const list = (await qingpuStaff.get('/api/coverage-rules')).json();
    expect(list.total).toBe(2);
    expect(list.items.map((r: { title: string; figure: { ratio: number } }) => [r.title, r.figure.ratio])).toEqual([
      ['每个街镇本季至少两次培训', 0.5],
      ['每个街镇都有商会', 0.5],
    ]);
  });

  it('200: the units still missing, with how many records each has', async () => {
    const response = await qingpuStaff.get(`/api/coverage-rules/${ids.trainings}/missing`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, items: [{ id: t.fixture.divisions.zhaoxiang.id, name: '赵巷镇', count: 1 }] });
    const chambers = (await qingpuStaff.get(`/api/coverage-rules/${ids.chambers}/missing`)).json();
    expect(chambers.items).toEqual([{ id: t.fixture.divisions.zhaoxiang.id, name: '赵巷镇', path: t.fixture.divisions.zhaoxiang.path, count: 0 }]);
  });

  it("403: a town cannot read a district's rule; 404: no such rule; 401", async () => {
    expect((await huaxinStaff.get(`/api/coverage-rules/${ids.trainings}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get('/api/coverage-rules')).json().total).toBe(0);
    expect((await qingpuStaff.get('/api/coverage-rules/999999')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/coverage-rules')).statusCode).toBe(401);
  });
});

describe('reminder job', () => {
  it('notifies the district office (staff and administrators) of a rule behind within its notice days, once a day', async () => {
    expect(await notifyBehindRules(t.handle.db, new Date(now))).toBe(1);
    const rows = await t.handle.db.selectFrom('notifications').select(['user_id', 'kind', 'params']).where('entity', '=', 'coverage_rule').orderBy('user_id').execute();
    expect(rows.map((row) => [row.user_id, row.kind])).toEqual([
      [t.fixture.users.qingpuAdmin.id, 'reminder'],
      [t.fixture.users.qingpuStaff.id, 'reminder'],
    ]);
    expect(JSON.parse(rows[0]!.params)).toEqual({ title: '每个街镇本季至少两次培训（1/2）' });
    expect(await notifyBehindRules(t.handle.db, new Date(now))).toBe(0);
    // The chamber rule (7 days' notice) comes due on 12-24, and the training rule again, a day later.
    expect(await notifyBehindRules(t.handle.db, new Date('2026-12-24T02:00:00.000Z'))).toBe(2);
  });
});

describe('POST /api/coverage-rules/:id/archive', () => {
  it('204: retired; 409: a stale version; then 404', async () => {
    expect((await qingpuStaff.post(`/api/coverage-rules/${ids.chambers}/archive`, { version: 9 })).statusCode).toBe(409);
    expect((await qingpuStaff.post(`/api/coverage-rules/${ids.chambers}/archive`, { version: 1 })).statusCode).toBe(204);
    expect((await qingpuStaff.get(`/api/coverage-rules/${ids.chambers}`)).statusCode).toBe(404);
  });
});
