import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { sheetOf } from '../imports/export-test-support.ts';

let t: TestApp;
let admin: TestClient;
let huaxinStaff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  const d = t.fixture.divisions;
  const activity = async (divisionId: number, title: string, date: string, kind: string, participantCount: number) => {
    const response = await admin.post('/api/activities', { divisionId, title, date, kind, participantCount });
    expect(response.statusCode, response.body).toBe(201);
  };
  await activity(d.huaxin.id, '华新培训', '2026-10-05', 'training', 30);
  await activity(d.huaxinVillage.id, '华新村走访', '2026-10-20', 'visit', 10);
  await activity(d.huaxin.id, '华新九月活动', '2026-09-15', 'event', 5);
  await activity(d.zhaoxiang.id, '赵巷培训', '2026-10-10', 'training', 7);
});
afterAll(async () => t.close());

describe('GET /api/activities/export', () => {
  it("200: a town user's export holds the town's activities only (every page), in labelled columns; audited with the filter and row count", async () => {
    const response = await huaxinStaff.get('/api/activities/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(response);
    expect(rows[0]!.slice(0, 4)).toEqual(['所属区划', '名称', '日期', '类型']);
    // pageSize=1 on screen, yet all pages are exported.
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新培训', '华新村走访', '华新九月活动']);
    expect(rows[1]!.slice(0, 4)).toEqual(['上海市/青浦区/华新镇', '华新培训', '2026-10-05', '培训']);
    expect(rows[1]![7]).toBe('30');
    const [audit] = await auditRows(t.handle, 'activity.export');
    expect(audit).toMatchObject({ actor_id: t.fixture.users.huaxinStaff.id, entity: 'activity' });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 3 });
  });

  it('200: the list filters apply (kind, period, division)', async () => {
    const rows = await sheetOf(await admin.get(`/api/activities/export?kind=training&from=2026-10-01&to=2026-10-31&divisionId=${t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新培训', '赵巷培训']);
    const [audit] = await auditRows(t.handle, 'activity.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 2, filter: { kind: 'training', from: '2026-10-01', to: '2026-10-31', divisionId: t.fixture.divisions.qingpu.id } });
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    const response = await huaxinStaff.get(`/api/activities/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await huaxinStaff.get('/api/activities/export?kind=party')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/activities/export')).statusCode).toBe(401);
  });
});
