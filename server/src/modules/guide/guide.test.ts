import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { registryRecords } from '../venues/venues.test-records.ts';

let t: TestApp;
let qingpuStaff: TestClient;
let publicReader: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  qingpuStaff = await t.signIn('qingpu.staff');
  publicReader = t.anonymous();
  const records = await registryRecords(t);
  const { huaxin, huaxinVillage, zhaoxiang, qingpu } = t.fixture.divisions;
  const make = async (body: Record<string, unknown>) => {
    const response = await qingpuStaff.post('/api/venues', { type: 'service_centre', level: 'town', isPublic: true, ...body });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json() as { id: number; version: number };
  };
  await make({ divisionId: huaxinVillage.id, name: 'G-华新村服务中心', hotline: '021-59781234', address: '华新村 8 号', openingHours: '9:00-17:00', ownerOrganisationId: records.huaxinChamber, description: '联系人王某 13812345678' });
  await make({ divisionId: huaxin.id, name: 'G-商会之家', type: 'chamber_home', hotline: '400-820-1234', starRating: 4 });
  await make({ divisionId: zhaoxiang.id, name: 'G-同心巷聚', type: 'complex', address: '赵巷镇同心路' });
  await make({ divisionId: qingpu.id, name: 'G-内部阵地', isPublic: false });
  const archived = await make({ divisionId: qingpu.id, name: 'G-已归档' });
  await qingpuStaff.post(`/api/venues/${archived.id}/archive`, { version: archived.version });
  // A public venue whose hotline is a mobile number, as an import or an old record could leave it.
  await t.handle.db
    .insertInto('venues')
    .values({ division_id: zhaoxiang.id, name: 'G-手机热线', type: 'service_station', level: 'town', hotline: '13912345678', is_public: 1, created_at: 'x', updated_at: 'x' })
    .execute();
});
afterAll(async () => t.close());

const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();

describe('GET /api/public/guide', () => {
  it('200 without signing in: public, live venues only, with what a venue publishes and nothing else', async () => {
    const response = await publicReader.get('/api/public/guide?pageSize=50');
    expect(response.statusCode).toBe(200);
    expect(names(response.json().items)).toEqual(['G-华新村服务中心', 'G-同心巷聚', 'G-商会之家', 'G-手机热线']);
    const centre = response.json().items.find((item: { name: string }) => item.name === 'G-华新村服务中心');
    expect(Object.keys(centre).sort()).toEqual(['address', 'divisionId', 'divisionPath', 'hotline', 'id', 'level', 'name', 'openingHours', 'starRating', 'type']);
    expect(centre).toMatchObject({ hotline: '021-59781234', address: '华新村 8 号', openingHours: '9:00-17:00', divisionPath: ['上海市', '青浦区', '华新镇', '华新村'] });
    expect(response.body).not.toContain('13812345678');
  });

  it('200: a mobile number is never published as a hotline', async () => {
    const response = await publicReader.get(`/api/public/guide?q=${encodeURIComponent('手机')}`);
    expect(response.json().items).toEqual([expect.objectContaining({ name: 'G-手机热线', hotline: null })]);
    expect(response.body).not.toContain('13912345678');
  });

  it('200: filters by division subtree, text and type; pages', async () => {
    expect(names((await publicReader.get(`/api/public/guide?divisionId=${t.fixture.divisions.huaxin.id}`)).json().items)).toEqual(['G-华新村服务中心', 'G-商会之家']);
    expect(names((await publicReader.get(`/api/public/guide?q=${encodeURIComponent('同心路')}`)).json().items)).toEqual(['G-同心巷聚']);
    expect(names((await publicReader.get('/api/public/guide?type=chamber_home,complex')).json().items)).toEqual(['G-同心巷聚', 'G-商会之家']);
    const page = (await publicReader.get('/api/public/guide?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });

  it('200: a signed-in user reads the same guide', async () => {
    expect((await qingpuStaff.get('/api/public/guide')).json().total).toBe(4);
  });

  it('400: a page larger than 50, an unknown type; 404: an unknown division', async () => {
    const bad = await publicReader.get('/api/public/guide?pageSize=51&type=castle');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.pageSize', 'query.type.0']);
    expect((await publicReader.get('/api/public/guide?divisionId=999999')).statusCode).toBe(404);
  });
});

describe('GET /api/public/divisions', () => {
  it('200 without signing in: the top level, each with its count of public venues; divisions with none are left out', async () => {
    const response = await publicReader.get('/api/public/divisions');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([{ id: t.fixture.divisions.shanghai.id, name: '上海市', level: 'city', venueCount: 4, hasChildren: true }]);
  });

  it('200: the children of a division that have public venues', async () => {
    const towns = (await publicReader.get(`/api/public/divisions?parentId=${t.fixture.divisions.qingpu.id}`)).json();
    expect(towns.map((d: { name: string; venueCount: number; hasChildren: boolean }) => [d.name, d.venueCount, d.hasChildren])).toEqual([
      ['华新镇', 2, true],
      ['赵巷镇', 2, false],
    ]);
    expect((await publicReader.get(`/api/public/divisions?parentId=${t.fixture.divisions.shanghai.id}`)).json().map((d: { name: string }) => d.name)).toEqual(['青浦区']);
  });

  it('404: an unknown parent; 400: a parent that is not a number', async () => {
    expect((await publicReader.get('/api/public/divisions?parentId=999999')).statusCode).toBe(404);
    expect((await publicReader.get('/api/public/divisions?parentId=abc')).statusCode).toBe(400);
  });
});
