import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
});
afterAll(async () => t.close());

const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();

describe('GET /api/divisions/children', () => {
  it('200: a system admin starts from the top-level divisions', async () => {
    const response = await admin.get('/api/divisions/children');
    expect(response.statusCode).toBe(200);
    expect(names(response.json())).toEqual(['上海市', '安徽省']);
  });

  it('200: district staff start from their own district, with a child count for lazy loading', async () => {
    const response = await qingpuAdmin.get('/api/divisions/children');
    expect(response.json()).toMatchObject([{ name: '青浦区', childCount: 2 }]);
    const towns = await qingpuAdmin.get(`/api/divisions/children?parentId=${t.fixture.divisions.qingpu.id}`);
    expect(names(towns.json())).toEqual(['华新镇', '赵巷镇']);
  });

  it('403: a town user cannot list the children of the neighbouring town', async () => {
    const response = await huaxinStaff.get(`/api/divisions/children?parentId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().get('/api/divisions/children')).statusCode).toBe(401);
  });
});

describe('GET /api/divisions (search)', () => {
  it('200: lists only the subtree, whatever the filter asks', async () => {
    const response = await huaxinStaff.get('/api/divisions?pageSize=200');
    expect(names(response.json().items)).toEqual(['华新村', '华新镇']);
    const sneaky = await huaxinStaff.get(`/api/divisions?parentId=${t.fixture.divisions.qingpu.id}`);
    expect(names(sneaky.json().items)).toEqual(['华新镇']);
    const byName = await huaxinStaff.get(`/api/divisions?q=${encodeURIComponent('赵巷')}`);
    expect(byName.json().total).toBe(0);
  });

  it('200: filters by name and level, and pages', async () => {
    const response = await admin.get(`/api/divisions?level=town&pageSize=1&page=2`);
    expect(response.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(response.json().items).toHaveLength(1);
    const percent = await admin.get(`/api/divisions?q=${encodeURIComponent('%')}`);
    expect(percent.json().total).toBe(0);
  });

  it('400: an unknown level or an oversized page is refused with the field named', async () => {
    const response = await admin.get('/api/divisions?level=galaxy&pageSize=5000', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path).sort();
    expect(paths).toEqual(['query.level', 'query.pageSize']);
  });
});

describe('GET /api/divisions/:id', () => {
  it('200: shows the ancestors for a breadcrumb and the allowed actions', async () => {
    const response = await huaxinStaff.get(`/api/divisions/${t.fixture.divisions.huaxinVillage.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['上海市', '青浦区', '华新镇']);
    expect(response.json().allowed).toEqual(['read']);
  });

  it('403: a town user cannot read the neighbouring town by id', async () => {
    const response = await huaxinStaff.get(`/api/divisions/${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
  });

  it('403: nor the parent district', async () => {
    expect((await zhaoxiangStaff.get(`/api/divisions/${t.fixture.divisions.qingpu.id}`)).statusCode).toBe(403);
  });

  it('404: an unknown id', async () => {
    const response = await admin.get('/api/divisions/999999', { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('未找到区划');
  });

  it('400: an id that is not a number', async () => {
    expect((await admin.get('/api/divisions/abc')).statusCode).toBe(400);
  });
});

describe('POST /api/divisions', () => {
  it('201: a district admin adds a village under a town in the district, audited', async () => {
    const response = await qingpuAdmin.post('/api/divisions', { parentId: t.fixture.divisions.zhaoxiang.id, name: '新村', level: 'village' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.path).toBe(`${t.fixture.divisions.zhaoxiang.path}${created.id}/`);
    const [row] = await auditRows(t.handle, 'division.create');
    expect(row).toMatchObject({ entity_id: String(created.id), actor_id: t.fixture.users.qingpuAdmin.id, division_id: created.id });
  });

  it('403: staff without the admin role cannot add divisions', async () => {
    const response = await huaxinStaff.post('/api/divisions', { parentId: t.fixture.divisions.huaxin.id, name: '某村', level: 'village' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('403: a district admin cannot add under another district', async () => {
    const response = await qingpuAdmin.post('/api/divisions', { parentId: t.fixture.divisions.jinshan.id, name: '某镇', level: 'town' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('400: a child cannot sit at its parent level; only a system admin adds a top-level division', async () => {
    const sameLevel = await qingpuAdmin.post('/api/divisions', { parentId: t.fixture.divisions.huaxin.id, name: '某镇', level: 'town' }, { 'accept-language': 'en' });
    expect(sameLevel.statusCode).toBe(400);
    expect(sameLevel.json().error.fields).toEqual([{ path: 'body.level', message: 'A child division must sit at a lower level than its parent' }]);
    const root = await qingpuAdmin.post('/api/divisions', { parentId: null, name: '江苏省', level: 'province' });
    expect(root.statusCode).toBe(400);
    expect((await admin.post('/api/divisions', { parentId: null, name: '江苏省', level: 'province', code: '320000' })).statusCode).toBe(201);
  });

  it('400: wrong types, over-long names and bad codes are named per field', async () => {
    const response = await admin.post('/api/divisions', { parentId: 'x', name: '长'.repeat(61), level: 'town', code: '12ab' }, { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(response.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toEqual({ 'body.parentId': '格式不正确', 'body.name': '最多 60 个字符', 'body.code': '区划代码应为 6 到 12 位数字' });
  });

  it('409: two siblings cannot share a name', async () => {
    const response = await qingpuAdmin.post('/api/divisions', { parentId: t.fixture.divisions.qingpu.id, name: '华新镇', level: 'town' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('duplicate');
  });

  it('401: without a session, before the body is even read', async () => {
    expect((await t.anonymous().post('/api/divisions', { nonsense: true })).statusCode).toBe(401);
  });
});

describe('PATCH /api/divisions/:id', () => {
  it('200 then 409: a stale version is refused, so one edit never silently overwrites another', async () => {
    const id = t.fixture.divisions.huaxinVillage.id;
    const current = (await qingpuAdmin.get(`/api/divisions/${id}`)).json();
    const first = await qingpuAdmin.patch(`/api/divisions/${id}`, { name: '华新一村', version: current.version });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const second = await admin.patch(`/api/divisions/${id}`, { name: '华新二村', version: current.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    const [row] = await auditRows(t.handle, 'division.update');
    expect(JSON.parse(row!.detail!)).toMatchObject({ before: { name: '华新村' }, after: { name: '华新一村' } });
  });

  it('403: out of scope, 404: unknown', async () => {
    expect((await qingpuAdmin.patch(`/api/divisions/${t.fixture.divisions.jinshan.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await admin.patch('/api/divisions/424242', { name: 'x', version: 1 })).statusCode).toBe(404);
  });
});
