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
  const need = async (divisionId: number, title: string, publish: boolean) => {
    const response = await admin.post('/api/needs', { divisionId, title, wantedBy: '2026-12-20', publish });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number };
  };
  const first = await need(d.huaxin.id, '华新微心愿', true);
  // A portal need carries its submitter's phone (the portal's path, written here directly).
  await t.handle.db.updateTable('needs').set({ submitter_name: '李四', submitter_phone: '13812345678' }).where('id', '=', first.id).execute();
  await need(d.huaxinVillage.id, '华新村需求', false);
  await need(d.zhaoxiang.id, '赵巷需求', true);
});
afterAll(async () => t.close());

describe('GET /api/needs/export', () => {
  it("200: a town user's export holds the town's needs only, phones masked; audited", async () => {
    const response = await huaxinStaff.get('/api/needs/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    const header = rows[0]!;
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新微心愿', '华新村需求']);
    expect(rows[1]![header.indexOf('联系电话')]).toBe('138****5678');
    expect(rows[1]![header.indexOf('状态')]).toBe('待认领');
    expect(response.rawPayload.toString('latin1')).not.toContain('13812345678');
    const [audit] = await auditRows(t.handle, 'need.export');
    expect(audit).toMatchObject({ actor_id: t.fixture.users.huaxinStaff.id, entity: 'need' });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 2 });
  });

  it('200: the list filters apply (published, division)', async () => {
    const rows = await sheetOf(await admin.get(`/api/needs/export?published=true&divisionId=${t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新微心愿', '赵巷需求']);
    const town = await sheetOf(await admin.get(`/api/needs/export?published=true&divisionId=${t.fixture.divisions.huaxin.id}`));
    expect(town.slice(1).map((row) => row[1])).toEqual(['华新微心愿']);
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    const response = await huaxinStaff.get(`/api/needs/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await huaxinStaff.get('/api/needs/export?published=maybe')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/needs/export')).statusCode).toBe(401);
  });
});
