import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { settled, upload } from '../imports/test-files.ts';
import { sheetOf } from '../../test/export-checks.ts';

let t: TestApp;
let admin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let qingpuAdmin: TestClient;
let chamber: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  qingpuAdmin = await t.signIn('qingpu.admin');
  const org = (divisionId: number, name: string, extra: Record<string, unknown> = {}) =>
    admin.post('/api/organisations', { divisionId, name, type: 'enterprise', ...extra }).then((r) => r.json() as { id: number });
  chamber = await org(t.fixture.divisions.huaxin.id, '导出商会', { type: 'chamber', contactPhone: '13812345678', foundedOn: '2003-06-18' });
  const firm = await org(t.fixture.divisions.huaxinVillage.id, '导出村企');
  const elsewhere = await org(t.fixture.divisions.zhaoxiang.id, '赵巷导出企业', { contactPhone: '13987654321' });
  const person = (await admin.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '导出会长', phone: '13911112222', organisationId: chamber.id })).json();
  await admin.post('/api/people', { divisionId: t.fixture.divisions.zhaoxiang.id, name: '赵巷导出人员', phone: '13933334444' });
  await admin.post(`/api/organisations/${chamber.id}/members`, { memberOrganisationId: firm.id, role: 'council', since: '2020-01-01' });
  await admin.post(`/api/organisations/${chamber.id}/members`, { memberOrganisationId: elsewhere.id, role: 'member' });
  await admin.post(`/api/organisations/${chamber.id}/members`, { memberPersonId: person.id, role: 'president' });
});
afterAll(async () => t.close());

describe('GET /api/organisations/export', () => {
  it("200: a town user's export holds the town's organisations only, in the import's columns, phones masked; audited", async () => {
    const response = await huaxinStaff.get('/api/organisations/export?sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(response);
    expect(rows[0]!.slice(0, 7)).toEqual(['所属区划', '名称', '类型', '上级组织', '成立日期', '联系人', '联系电话']);
    expect(rows.slice(1).map((row) => row[1]).sort()).toEqual(['导出商会', '导出村企']);
    const chamberRow = rows.find((row) => row[1] === '导出商会')!;
    expect(chamberRow.slice(0, 7)).toEqual(['上海市/青浦区/华新镇', '导出商会', '商会', '', '2003-06-18', '', '138****5678']);
    expect(response.rawPayload.toString('latin1')).not.toContain('13812345678');
    const [audit] = await auditRows(t.handle, 'organisation.export');
    expect(audit).toMatchObject({ actor_id: t.fixture.users.huaxinStaff.id, entity: 'organisation' });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 2 });
  });

  it('200: the same filters as the list apply', async () => {
    const rows = await sheetOf(await admin.get(`/api/organisations/export?type=chamber&divisionId=${t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['导出商会']);
  });

  it("403: the division filter cannot export another town's organisations; 400: a bad filter; 401: no session", async () => {
    const response = await huaxinStaff.get(`/api/organisations/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await huaxinStaff.get('/api/organisations/export?type=galaxy')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/organisations/export')).statusCode).toBe(401);
  });

  it('200: an exported sheet imports back as duplicates of the same records', async () => {
    const exported = await huaxinStaff.get('/api/organisations/export');
    const job = await upload(huaxinStaff, 'organisation', exported.rawPayload);
    expect(job.statusCode, job.body).toBe(202);
    const detail = await settled(huaxinStaff, job.json().id);
    expect(detail.counts).toEqual({ ok: 0, error: 0, duplicate: 2 });
    // Updating from it keeps the stored phone: a masked number reads as an empty cell.
    const confirm = await huaxinStaff.post(`/api/imports/jobs/${detail.id}/confirm`, { duplicates: 'update' });
    expect(confirm.json().result).toEqual({ inserted: 0, updated: 2, skipped: 0 });
    const stored = await t.handle.db.selectFrom('organisations').select('contact_phone').where('id', '=', chamber.id).executeTakeFirstOrThrow();
    expect(stored.contact_phone).toBe('13812345678');
  });
});

describe('GET /api/people/export', () => {
  it('200: people of the subtree with masked phones and their current roles; audited as person.export', async () => {
    const response = await huaxinStaff.get('/api/people/export');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows).toEqual([
      ['所属区划', '姓名', '电话', '所在组织', '职务', '角色', '状态'],
      ['上海市/青浦区/华新镇', '导出会长', '139****2222', '导出商会', '', '会长', '正常'],
    ]);
    expect(JSON.parse((await auditRows(t.handle, 'person.export'))[0]!.detail!)).toMatchObject({ rows: 1 });
  });

  it("403: the division filter cannot reach another town", async () => {
    expect((await huaxinStaff.get(`/api/people/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
  });
});

describe('GET /api/organisations/:id/members/export', () => {
  it('200: members in the reader’s scope only, in the import columns', async () => {
    const town = await sheetOf(await huaxinStaff.get(`/api/organisations/${chamber.id}/members/export`));
    expect(town.slice(1).map((row) => [row[1], row[2], row[3]]).sort()).toEqual([
      ['导出会长', '个人', '会长'],
      ['导出村企', '单位', '理事'],
    ]);
    const district = await sheetOf(await qingpuAdmin.get(`/api/organisations/${chamber.id}/members/export?kind=organisation`));
    expect(district.slice(1).map((row) => row[1]).sort()).toEqual(['导出村企', '赵巷导出企业']);
    expect((await auditRows(t.handle, 'membership.export'))[0]).toMatchObject({ division_id: t.fixture.divisions.huaxin.id });
  });

  it("403: another town's organisation; 404: unknown", async () => {
    expect((await zhaoxiangStaff.get(`/api/organisations/${chamber.id}/members/export`)).statusCode).toBe(403);
    expect((await admin.get('/api/organisations/999999/members/export')).statusCode).toBe(404);
  });
});
