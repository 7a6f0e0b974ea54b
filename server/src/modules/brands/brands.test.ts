import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { registryRecords, sheetRows } from '../venues/venues.test-records.ts';

let t: TestApp;
let admin: TestClient;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let reviewer: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  reviewer = (await registryRecords(t)).reviewer;
});
afterAll(async () => t.close());

const fields = (response: { json(): { error: { fields: Array<{ path: string; message: string }> } } }) =>
  Object.fromEntries(response.json().error.fields.map((field) => [field.path, field.message]));
const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();
const brand = (overrides: Record<string, unknown> = {}) => ({
  divisionId: t.fixture.divisions.huaxin.id,
  name: `品牌${Math.random().toString(36).slice(2, 8)}`,
  ...overrides,
});

describe('POST /api/brands', () => {
  it('201: town staff create their town brand (no field) and a field brand, audited', async () => {
    const town = await huaxinStaff.post('/api/brands', brand({ name: '幸福华新', description: '一街镇一品牌' }));
    expect(town.statusCode).toBe(201);
    expect(town.json()).toMatchObject({ name: '幸福华新', field: null, divisionName: '华新镇', archived: false, version: 1 });
    const field = await huaxinStaff.post('/api/brands', brand({ name: '华新商会品牌', field: 'chamber' }));
    expect(field.json().field).toBe('chamber');
    const [row] = await auditRows(t.handle, 'brand.create');
    expect(row).toMatchObject({ entity_id: String(field.json().id), division_id: t.fixture.divisions.huaxin.id });
  });

  it('400: missing name, unknown field, over-long name, wrong division type are named per field', async () => {
    const response = await huaxinStaff.post('/api/brands', { divisionId: '1', field: 'religion', description: 'x'.repeat(2001) }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual({
      'body.divisionId': 'Wrong format',
      'body.name': 'Required',
      'body.field': 'Not an allowed value',
      'body.description': 'At most 2000 characters',
    });
    expect(fields(await huaxinStaff.post('/api/brands', brand({ name: '长'.repeat(61) })))).toHaveProperty('body.name');
  });

  it('403: not in another town; not for a reviewer', async () => {
    const response = await huaxinStaff.post('/api/brands', brand({ divisionId: t.fixture.divisions.zhaoxiang.id }));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await reviewer.post('/api/brands', brand())).json().error.code).toBe('forbidden');
  });

  it('409: the same name twice in one division', async () => {
    expect((await huaxinStaff.post('/api/brands', brand({ name: '同名品牌' }))).statusCode).toBe(201);
    expect((await huaxinStaff.post('/api/brands', brand({ name: '同名品牌' }))).statusCode).toBe(409);
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().post('/api/brands', brand())).statusCode).toBe(401);
  });
});

describe('GET /api/brands', () => {
  beforeAll(async () => {
    await zhaoxiangStaff.post('/api/brands', brand({ name: 'B-同心巷聚', divisionId: t.fixture.divisions.zhaoxiang.id }));
    await huaxinStaff.post('/api/brands', brand({ name: 'B-华新村港澳之家', divisionId: t.fixture.divisions.huaxinVillage.id, field: 'hk_macao_taiwan' }));
    await qingpuStaff.post('/api/brands', brand({ name: 'B-青浦新阶层', divisionId: t.fixture.divisions.qingpu.id, field: 'new_social_strata' }));
  });

  it('200: scope first: a town user sees its subtree only', async () => {
    expect(names((await huaxinStaff.get('/api/brands?q=B-')).json().items)).toEqual(['B-华新村港澳之家']);
    expect(names((await qingpuStaff.get('/api/brands?q=B-')).json().items)).toEqual(['B-华新村港澳之家', 'B-同心巷聚', 'B-青浦新阶层']);
  });

  it('200: filters by field (none = a place brand) and division subtree; sorts by field with place brands last', async () => {
    expect(names((await qingpuStaff.get('/api/brands?q=B-&field=none')).json().items)).toEqual(['B-同心巷聚']);
    expect(names((await qingpuStaff.get('/api/brands?q=B-&field=hk_macao_taiwan,new_social_strata')).json().items)).toEqual(['B-华新村港澳之家', 'B-青浦新阶层']);
    expect(names((await qingpuStaff.get(`/api/brands?q=B-&divisionId=${t.fixture.divisions.huaxin.id}`)).json().items)).toEqual(['B-华新村港澳之家']);
    const byField = (await qingpuStaff.get('/api/brands?q=B-&sort=field&order=desc')).json().items.map((b: { name: string }) => b.name);
    expect(byField).toEqual(['B-青浦新阶层', 'B-华新村港澳之家', 'B-同心巷聚']);
  });

  it('403: a division filter outside the subtree; 400: an unknown field or sort key', async () => {
    expect((await huaxinStaff.get(`/api/brands?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    const bad = await huaxinStaff.get('/api/brands?field=religion&sort=division');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(['query.field.0', 'query.sort']);
  });
});

describe('GET /api/brands/:id', () => {
  it('200: lists the venues that carry the brand, and counts what links to it', async () => {
    const created = (await huaxinStaff.post('/api/brands', brand())).json();
    await huaxinStaff.post('/api/venues', { divisionId: t.fixture.divisions.huaxin.id, name: '品牌阵地', type: 'complex', level: 'town', brandId: created.id });
    const response = await huaxinStaff.get(`/api/brands/${created.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      divisionPath: ['上海市', '青浦区', '华新镇'],
      venues: [{ name: '品牌阵地', type: 'complex', divisionName: '华新镇' }],
      links: { venues: 1, projects: 0 },
      allowed: ['read', 'update', 'archive'],
    });
  });

  it('403: another town’s brand by id; 404: unknown', async () => {
    const other = (await zhaoxiangStaff.post('/api/brands', brand({ divisionId: t.fixture.divisions.zhaoxiang.id }))).json();
    expect((await huaxinStaff.get(`/api/brands/${other.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get('/api/brands/999999')).statusCode).toBe(404);
  });
});

describe('PATCH, archive and unarchive /api/brands/:id', () => {
  it('200: edits with the version; 409 on a stale one; 403 moving it out of the subtree', async () => {
    const created = (await huaxinStaff.post('/api/brands', brand())).json();
    const edited = await huaxinStaff.patch(`/api/brands/${created.id}`, { field: 'community', description: '社区品牌', version: created.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ field: 'community', description: '社区品牌', version: 2 });
    expect((await huaxinStaff.patch(`/api/brands/${created.id}`, { field: null, version: created.version })).statusCode).toBe(409);
    expect((await huaxinStaff.patch(`/api/brands/${created.id}`, { divisionId: t.fixture.divisions.zhaoxiang.id, version: 2 })).statusCode).toBe(403);
    expect((await auditRows(t.handle, 'brand.update'))[0]?.entity_id).toBe(String(created.id));
  });

  it('200: an archived brand stays on its venues but cannot be newly linked (400)', async () => {
    const created = (await huaxinStaff.post('/api/brands', brand())).json();
    const carrying = (await huaxinStaff.post('/api/venues', { divisionId: t.fixture.divisions.huaxin.id, name: `V${created.id}`, type: 'complex', level: 'town', brandId: created.id })).json();
    const archived = await huaxinStaff.post(`/api/brands/${created.id}/archive`, { version: created.version });
    expect(archived.json()).toMatchObject({ archived: true });
    expect((await huaxinStaff.get(`/api/venues/${carrying.id}`)).json().brand).toEqual({ id: created.id, name: created.name });
    const link = await huaxinStaff.post('/api/venues', { divisionId: t.fixture.divisions.huaxin.id, name: `W${created.id}`, type: 'complex', level: 'town', brandId: created.id });
    expect(link.statusCode).toBe(400);
    expect(Object.keys(fields(link))).toEqual(['body.brandId']);
    expect((await huaxinStaff.post(`/api/brands/${created.id}/archive`, { version: archived.json().version })).statusCode).toBe(409);
    expect((await huaxinStaff.post(`/api/brands/${created.id}/unarchive`, { version: archived.json().version })).json().archived).toBe(false);
    expect((await auditRows(t.handle, 'brand.archive'))[0]?.entity_id).toBe(String(created.id));
  });

  it('403: a reviewer cannot archive', async () => {
    const created = (await huaxinStaff.post('/api/brands', brand())).json();
    expect((await reviewer.post(`/api/brands/${created.id}/archive`, { version: created.version })).statusCode).toBe(403);
  });
});

describe('GET /api/brands/matrix', () => {
  it('200: a district user gets the district’s own row, then one row per town; village brands roll up into their town', async () => {
    const response = await qingpuStaff.get('/api/brands/matrix');
    expect(response.statusCode).toBe(200);
    const matrix = response.json();
    expect(matrix.parent).toMatchObject({ name: '青浦区', level: 'district' });
    expect(matrix.columns).toEqual(['chamber', 'new_social_strata', 'party_cooperation', 'hk_macao_taiwan', 'overseas_chinese', 'community', 'other', 'none']);
    expect(matrix.rows.map((row: { division: { name: string }; own: boolean }) => [row.division.name, row.own])).toEqual([
      ['青浦区', true],
      ['华新镇', false],
      ['赵巷镇', false],
    ]);
    const [district, huaxin, zhaoxiang] = matrix.rows;
    expect(names(district.cells.new_social_strata)).toContain('B-青浦新阶层');
    expect(huaxin.cells.hk_macao_taiwan).toEqual([expect.objectContaining({ name: 'B-华新村港澳之家', divisionName: '华新村' })]);
    expect(names(zhaoxiang.cells.none)).toContain('B-同心巷聚');
    expect(zhaoxiang.total).toBe(zhaoxiang.cells.none.length);
  });

  it('200: a town user sees the town and its villages; a system admin starts from the top of the tree', async () => {
    const town = (await huaxinStaff.get('/api/brands/matrix')).json();
    expect(town.rows.map((row: { division: { name: string } }) => row.division.name)).toEqual(['华新镇', '华新村']);
    expect(names(town.rows[1].cells.hk_macao_taiwan)).toEqual(['B-华新村港澳之家']);
    const top = (await admin.get('/api/brands/matrix')).json();
    expect(top.parent).toBeNull();
    expect(top.rows.map((row: { division: { name: string } }) => row.division.name).sort()).toEqual(['上海市', '安徽省']);
    const drill = (await admin.get(`/api/brands/matrix?parentId=${t.fixture.divisions.huaxin.id}`)).json();
    expect(drill.parent.name).toBe('华新镇');
  });

  it('403: a parent outside the subtree; 400: an unknown parent', async () => {
    expect((await huaxinStaff.get(`/api/brands/matrix?parentId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get(`/api/brands/matrix?parentId=${t.fixture.divisions.qingpu.id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/brands/matrix?parentId=999999')).statusCode).toBe(400);
    expect((await admin.get('/api/brands/matrix?parentId=abc')).statusCode).toBe(400);
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().get('/api/brands/matrix')).statusCode).toBe(401);
  });
});

describe('GET /api/brands/export', () => {
  it('200: the filtered brands of the subtree with their field; audited', async () => {
    const response = await huaxinStaff.get('/api/brands/export?q=B-');
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = await sheetRows(response.rawPayload);
    expect(header).toEqual(['所属区划', '名称', '领域', '简介']);
    expect(rows).toEqual([['上海市/青浦区/华新镇/华新村', 'B-华新村港澳之家', '港澳台']]);
    expect((await auditRows(t.handle, 'brand.export'))[0]).toMatchObject({ actor_id: t.fixture.users.huaxinStaff.id });
  });

  it('403: another town’s division filter is refused', async () => {
    expect((await huaxinStaff.get(`/api/brands/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
  });
});
