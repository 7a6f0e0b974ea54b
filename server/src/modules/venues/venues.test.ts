import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { registryRecords, sheetRows } from './venues.test-records.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let reviewer: TestClient;
let records: Awaited<ReturnType<typeof registryRecords>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  records = await registryRecords(t);
  reviewer = records.reviewer;
});
afterAll(async () => t.close());

const fields = (response: { json(): { error: { fields: Array<{ path: string; message: string }> } } }) =>
  Object.fromEntries(response.json().error.fields.map((field) => [field.path, field.message]));
const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();

const venue = (overrides: Record<string, unknown> = {}) => ({
  divisionId: t.fixture.divisions.huaxin.id,
  name: `阵地${Math.random().toString(36).slice(2, 8)}`,
  type: 'chamber_home',
  level: 'town',
  ...overrides,
});

describe('POST /api/venues', () => {
  it('201: town staff create a venue in their town; the hotline is stored without spaces; audited', async () => {
    const response = await huaxinStaff.post(
      '/api/venues',
      venue({ name: '商会之家', hotline: '021 5978 1234', address: '华新镇华腾路 1 号', openingHours: '周一至周五 9:00-17:00', starRating: 4, isPublic: true }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: '商会之家',
      divisionName: '华新镇',
      type: 'chamber_home',
      level: 'town',
      starRating: 4,
      hotline: '02159781234',
      isPublic: true,
      archived: false,
      version: 1,
      ownerOrganisation: null,
      brand: null,
    });
    const [row] = await auditRows(t.handle, 'venue.create');
    expect(row).toMatchObject({ entity: 'venue', entity_id: String(response.json().id), division_id: t.fixture.divisions.huaxin.id });
  });

  it('201: links an owner organisation and a brand of the subtree, and shows their names', async () => {
    const response = await huaxinStaff.post('/api/venues', venue({ ownerOrganisationId: records.huaxinChamber, brandId: records.huaxinBrand }));
    expect(response.statusCode).toBe(201);
    expect(response.json().ownerOrganisation).toEqual({ id: records.huaxinChamber, name: '华新镇商会' });
    expect(response.json().brand).toEqual({ id: records.huaxinBrand, name: '同心华新' });
  });

  it('400: wrong types, missing required fields, unknown enums, over-long text, bad phone and stars are named per field', async () => {
    const response = await huaxinStaff.post(
      '/api/venues',
      { divisionId: 'x', type: 'castle', level: 'galactic', starRating: 6, hotline: '12', address: '长'.repeat(201), isPublic: 'yes' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual({
      'body.divisionId': 'Wrong format',
      'body.name': 'Required',
      'body.type': 'Not an allowed value',
      'body.level': 'Not an allowed value',
      'body.starRating': 'Must be at most 5',
      'body.hotline': 'Not a valid phone number',
      'body.address': 'At most 200 characters',
      'body.isPublic': 'Wrong format',
    });
  });

  it('400: a public venue cannot publish a mobile number as its hotline', async () => {
    const response = await huaxinStaff.post('/api/venues', venue({ isPublic: true, hotline: '13812345678' }), { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(fields(response))).toEqual(['body.hotline']);
    expect((await huaxinStaff.post('/api/venues', venue({ isPublic: false, hotline: '13812345678' }))).statusCode).toBe(201);
  });

  it('400: an unknown division, owner or brand; an archived owner', async () => {
    expect(fields(await huaxinStaff.post('/api/venues', venue({ divisionId: 999999 })))).toHaveProperty('body.divisionId');
    expect(fields(await huaxinStaff.post('/api/venues', venue({ ownerOrganisationId: 999999 })))).toHaveProperty('body.ownerOrganisationId');
    expect(fields(await huaxinStaff.post('/api/venues', venue({ brandId: 999999 })))).toHaveProperty('body.brandId');
    const archived = await huaxinStaff.post('/api/venues', venue({ ownerOrganisationId: records.huaxinArchivedOrg }), { 'accept-language': 'en' });
    expect(archived.statusCode).toBe(400);
    expect(fields(archived)).toEqual({ 'body.ownerOrganisationId': 'This record is archived and cannot be linked to' });
  });

  it('403: a town user cannot create a venue in another town, nor link another town’s organisation', async () => {
    const elsewhere = await huaxinStaff.post('/api/venues', venue({ divisionId: t.fixture.divisions.zhaoxiang.id }));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('out_of_scope');
    const foreignOwner = await huaxinStaff.post('/api/venues', venue({ ownerOrganisationId: records.zhaoxiangOrg }));
    expect(foreignOwner.statusCode).toBe(403);
  });

  it('403: a reviewer reads venues but cannot create one', async () => {
    const response = await reviewer.post('/api/venues', venue());
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('409: two live venues in one division cannot share a name; another division may reuse it', async () => {
    const name = '幸福·新e园';
    expect((await huaxinStaff.post('/api/venues', venue({ name }))).statusCode).toBe(201);
    const again = await huaxinStaff.post('/api/venues', venue({ name }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate');
    expect((await zhaoxiangStaff.post('/api/venues', venue({ name, divisionId: t.fixture.divisions.zhaoxiang.id }))).statusCode).toBe(201);
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().post('/api/venues', venue())).statusCode).toBe(401);
  });
});

describe('GET /api/venues', () => {
  let ids: Record<string, number>;
  beforeAll(async () => {
    const make = async (client: TestClient, body: Record<string, unknown>) => (await client.post('/api/venues', venue(body))).json().id as number;
    ids = {
      base: await make(qingpuStaff, { name: 'L-实践基地', divisionId: t.fixture.divisions.huaxinVillage.id, type: 'practice_base', level: 'provincial', starRating: 5, isPublic: true }),
      park: await make(zhaoxiangStaff, { name: 'L-文化公园', divisionId: t.fixture.divisions.zhaoxiang.id, type: 'culture_park', level: 'district', starRating: 3, address: '赵巷镇公园路' }),
      hall: await make(qingpuStaff, { name: 'L-教育基地', divisionId: t.fixture.divisions.qingpu.id, type: 'education_base', level: 'national' }),
    };
  });

  it('200: a town user sees only the venues of the town, whatever the filters ask', async () => {
    const response = await huaxinStaff.get('/api/venues?pageSize=200&q=L-');
    expect(response.statusCode).toBe(200);
    expect(names(response.json().items)).toEqual(['L-实践基地']);
  });

  it('200: a district user sees the district; filters by division subtree, type, level, stars, public and text', async () => {
    const all = await qingpuStaff.get('/api/venues?pageSize=200&q=L-');
    expect(names(all.json().items)).toEqual(['L-实践基地', 'L-教育基地', 'L-文化公园']);
    const subtree = await qingpuStaff.get(`/api/venues?q=L-&divisionId=${t.fixture.divisions.huaxin.id}`);
    expect(names(subtree.json().items)).toEqual(['L-实践基地']);
    expect((await qingpuStaff.get('/api/venues?q=L-&type=culture_park,education_base')).json().total).toBe(2);
    expect((await qingpuStaff.get('/api/venues?q=L-&type=culture_park&type=practice_base')).json().total).toBe(2);
    expect(names((await qingpuStaff.get('/api/venues?q=L-&level=national')).json().items)).toEqual(['L-教育基地']);
    expect(names((await qingpuStaff.get('/api/venues?q=L-&stars=5,3')).json().items)).toEqual(['L-实践基地', 'L-文化公园']);
    expect(names((await qingpuStaff.get('/api/venues?q=L-&stars=none')).json().items)).toEqual(['L-教育基地']);
    expect(names((await qingpuStaff.get('/api/venues?q=L-&isPublic=true')).json().items)).toEqual(['L-实践基地']);
    expect(names((await qingpuStaff.get(`/api/venues?q=${encodeURIComponent('公园路')}`)).json().items)).toEqual(['L-文化公园']);
  });

  it('200: sorts by whitelisted keys: stars high to low with unrated last, level national first; pages', async () => {
    const byStars = await qingpuStaff.get('/api/venues?q=L-&sort=starRating&order=desc');
    expect(byStars.json().items.map((v: { name: string }) => v.name)).toEqual(['L-实践基地', 'L-文化公园', 'L-教育基地']);
    const byStarsAsc = await qingpuStaff.get('/api/venues?q=L-&sort=starRating&order=asc');
    expect(byStarsAsc.json().items.map((v: { name: string }) => v.name)).toEqual(['L-文化公园', 'L-实践基地', 'L-教育基地']);
    const byLevel = await qingpuStaff.get('/api/venues?q=L-&sort=level');
    expect(byLevel.json().items.map((v: { name: string }) => v.name)).toEqual(['L-教育基地', 'L-实践基地', 'L-文化公园']);
    const page = await qingpuStaff.get('/api/venues?q=L-&sort=level&pageSize=1&page=2');
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ name: 'L-实践基地' }] });
  });

  it('400: an unknown sort key, type, star value or flag is refused with the field named', async () => {
    const response = await qingpuStaff.get('/api/venues?sort=hotline&type=castle&stars=7&isPublic=maybe&pageSize=500');
    expect(response.statusCode).toBe(400);
    expect(Object.keys(fields(response)).sort()).toEqual(['query.isPublic', 'query.pageSize', 'query.sort', 'query.stars.0', 'query.type.0']);
  });

  it('403: a division filter outside the subtree is refused, not widened; 400 for an unknown one', async () => {
    const response = await huaxinStaff.get(`/api/venues?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await huaxinStaff.get(`/api/venues?divisionId=${t.fixture.divisions.qingpu.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get('/api/venues?divisionId=999999')).statusCode).toBe(400);
  });

  it('200: archived venues leave the list unless asked for', async () => {
    const created = (await qingpuStaff.post('/api/venues', venue({ name: 'L-旧阵地' }))).json();
    await qingpuStaff.post(`/api/venues/${created.id}/archive`, { version: created.version });
    expect(names((await qingpuStaff.get('/api/venues?q=L-&pageSize=200')).json().items)).not.toContain('L-旧阵地');
    expect(names((await qingpuStaff.get('/api/venues?q=L-&archived=true')).json().items)).toEqual(['L-旧阵地']);
    expect((await qingpuStaff.get('/api/venues?q=L-&archived=all')).json().total).toBe(4);
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().get('/api/venues')).statusCode).toBe(401);
  });
});

describe('GET /api/venues/:id', () => {
  it('200: shows the division path, the links and what the reader may do', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue({ divisionId: t.fixture.divisions.huaxinVillage.id }))).json();
    const staffView = await huaxinStaff.get(`/api/venues/${created.id}`);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json()).toMatchObject({ divisionPath: ['上海市', '青浦区', '华新镇', '华新村'], links: { activities: 0 }, allowed: ['read', 'update', 'archive'] });
    expect((await reviewer.get(`/api/venues/${created.id}`)).json().allowed).toEqual(['read']);
  });

  it('403: a town user cannot read another town’s venue by id; 404 unknown; 400 not a number', async () => {
    const other = (await zhaoxiangStaff.post('/api/venues', venue({ divisionId: t.fixture.divisions.zhaoxiang.id }))).json();
    const response = await huaxinStaff.get(`/api/venues/${other.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await huaxinStaff.get('/api/venues/999999')).statusCode).toBe(404);
    expect((await huaxinStaff.get('/api/venues/abc')).statusCode).toBe(400);
  });
});

describe('PATCH /api/venues/:id', () => {
  it('200: edits and clears fields, bumps the version, audits what changed', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue({ address: '旧地址', starRating: 2 }))).json();
    const response = await huaxinStaff.patch(`/api/venues/${created.id}`, { address: '', starRating: null, openingHours: '全天', version: created.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ address: null, starRating: null, openingHours: '全天', version: created.version + 1 });
    const [row] = await auditRows(t.handle, 'venue.update');
    expect(JSON.parse(row!.detail!).changed.sort()).toEqual(['address', 'openingHours', 'starRating']);
  });

  it('409: a stale version is refused', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue())).json();
    expect((await huaxinStaff.patch(`/api/venues/${created.id}`, { name: `${created.name}甲`, version: created.version })).statusCode).toBe(200);
    const stale = await qingpuAdmin.patch(`/api/venues/${created.id}`, { name: `${created.name}乙`, version: created.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('409: renaming onto another live venue of the division is a duplicate', async () => {
    const first = (await huaxinStaff.post('/api/venues', venue())).json();
    const second = (await huaxinStaff.post('/api/venues', venue())).json();
    const response = await huaxinStaff.patch(`/api/venues/${second.id}`, { name: first.name, version: second.version });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('duplicate');
  });

  it('403: a district user cannot move a venue out of the district; a town user cannot edit another town’s', async () => {
    const created = (await qingpuStaff.post('/api/venues', venue())).json();
    expect((await qingpuStaff.patch(`/api/venues/${created.id}`, { divisionId: t.fixture.divisions.jinshan.id, version: created.version })).statusCode).toBe(403);
    expect((await zhaoxiangStaff.patch(`/api/venues/${created.id}`, { name: 'x', version: created.version })).statusCode).toBe(403);
  });

  it('400: making a venue with a mobile hotline public is refused', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue({ hotline: '13912345678' }))).json();
    const response = await huaxinStaff.patch(`/api/venues/${created.id}`, { isPublic: true, version: created.version });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(fields(response))).toEqual(['body.hotline']);
  });

  it('404: unknown venue', async () => {
    expect((await admin.patch('/api/venues/999999', { name: 'x', version: 1 })).statusCode).toBe(404);
  });
});

describe('POST /api/venues/:id/archive and /unarchive', () => {
  it('200: archives and restores, audited; 409 when already in that state or stale; an archived venue is not edited', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue())).json();
    const archived = await huaxinStaff.post(`/api/venues/${created.id}/archive`, { version: created.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: created.version + 1 });
    expect(archived.json().archivedAt).toBe(t.clock.now().toISOString());
    expect((await huaxinStaff.post(`/api/venues/${created.id}/archive`, { version: archived.json().version })).statusCode).toBe(409);
    expect((await huaxinStaff.patch(`/api/venues/${created.id}`, { name: 'x', version: archived.json().version })).json().error.code).toBe('invalid_transition');
    expect((await huaxinStaff.post(`/api/venues/${created.id}/unarchive`, { version: created.version })).statusCode).toBe(409);
    const restored = await huaxinStaff.post(`/api/venues/${created.id}/unarchive`, { version: archived.json().version });
    expect(restored.json()).toMatchObject({ archived: false, archivedAt: null });
    expect((await auditRows(t.handle, 'venue.archive'))[0]?.entity_id).toBe(String(created.id));
    expect((await auditRows(t.handle, 'venue.unarchive'))[0]?.entity_id).toBe(String(created.id));
  });

  it('409: a venue cannot be restored while a live one has taken its name', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue())).json();
    const archived = (await huaxinStaff.post(`/api/venues/${created.id}/archive`, { version: created.version })).json();
    expect((await huaxinStaff.post('/api/venues', venue({ name: created.name }))).statusCode).toBe(201);
    const response = await huaxinStaff.post(`/api/venues/${created.id}/unarchive`, { version: archived.version });
    expect(response.json().error.code).toBe('duplicate');
  });

  it('403: out of scope or without the right; 400 without a version', async () => {
    const created = (await huaxinStaff.post('/api/venues', venue())).json();
    expect((await zhaoxiangStaff.post(`/api/venues/${created.id}/archive`, { version: created.version })).statusCode).toBe(403);
    expect((await reviewer.post(`/api/venues/${created.id}/archive`, { version: created.version })).statusCode).toBe(403);
    expect((await huaxinStaff.post(`/api/venues/${created.id}/archive`, {})).statusCode).toBe(400);
  });
});

describe('GET /api/venues/export', () => {
  it('200: the filtered list of the subtree as .xlsx, in the template’s columns, hotlines masked; audited with the filter', async () => {
    await huaxinStaff.post('/api/venues', venue({ name: 'X-导出阵地', type: 'service_centre', level: 'provincial', starRating: 3, hotline: '021-59781234', isPublic: true, ownerOrganisationId: records.huaxinChamber }));
    await zhaoxiangStaff.post('/api/venues', venue({ name: 'X-赵巷阵地', divisionId: t.fixture.divisions.zhaoxiang.id }));
    const response = await huaxinStaff.get(`/api/venues/export?q=X-`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const [header, ...rows] = await sheetRows(response.rawPayload);
    expect(header).toEqual(['所属区划', '名称', '类型', '级别', '星级', '地址', '服务热线', '开放时间', '所属组织', '品牌', '是否公开', '简介']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 7)).toEqual(['上海市/青浦区/华新镇', 'X-导出阵地', '服务中心', '省级', 3, undefined, '021****1234']);
    expect(rows[0]![8]).toBe('华新镇商会');
    expect(rows[0]![10]).toBe('是');
    const [row] = await auditRows(t.handle, 'venue.export');
    expect(JSON.parse(row!.detail!)).toMatchObject({ filter: { q: 'X-' }, rows: 1 });
  });

  it('403: exporting with another town’s division filter is refused before any file is sent', async () => {
    const response = await huaxinStaff.get(`/api/venues/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('400: an unknown filter value; 401: without a session', async () => {
    expect((await huaxinStaff.get('/api/venues/export?type=castle')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/venues/export')).statusCode).toBe(401);
  });
});
