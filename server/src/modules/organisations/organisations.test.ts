import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let huaxinHandler: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  // A handler reads the registry of the town but may not write it or see full phones.
  const handler = { username: 'huaxin.handler', displayName: '处理人', divisionId: t.fixture.divisions.huaxin.id, roles: ['handler'], password: 'Handler2026pw' };
  expect((await admin.post('/api/users', handler)).statusCode).toBe(201);
  huaxinHandler = await t.signIn(handler.username, handler.password);
});
afterAll(async () => t.close());

let counter = 0;
async function createOrg(client: TestClient, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await client.post('/api/organisations', {
    divisionId: t.fixture.divisions.huaxin.id,
    name: `测试组织${counter}`,
    type: 'enterprise',
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; version: number; name: string; divisionId: number };
}

const fieldsOf = (body: { error: { fields: Array<{ path: string; message: string }> } }) =>
  Object.fromEntries(body.error.fields.map((f) => [f.path, f.message]));

describe('POST /api/organisations', () => {
  it('201: town staff create an organisation in their town; the contact phone comes back masked; audited', async () => {
    const response = await huaxinStaff.post('/api/organisations', {
      divisionId: t.fixture.divisions.huaxin.id,
      name: '华新镇商会',
      type: 'chamber',
      foundedOn: '2008-05-20',
      contactName: '许会长',
      contactPhone: '138 1234 5678',
      address: '华新镇华志路 1 号',
      description: '',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: '华新镇商会',
      type: 'chamber',
      divisionName: '华新镇',
      foundedOn: '2008-05-20',
      contactPhone: '138****5678',
      description: null,
      archived: false,
      version: 1,
    });
    const stored = await t.handle.db.selectFrom('organisations').select('contact_phone').where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(stored.contact_phone).toBe('13812345678');
    const [row] = await auditRows(t.handle, 'organisation.create');
    expect(row).toMatchObject({ entity_id: String(response.json().id), division_id: t.fixture.divisions.huaxin.id, actor_id: t.fixture.users.huaxinStaff.id });
    expect(row!.detail).not.toContain('1381234');
  });

  it('400: wrong types, missing fields, an unknown type, over-long text, a bad phone and an impossible date are named per field', async () => {
    const response = await admin.post(
      '/api/organisations',
      { divisionId: 'x', name: '长'.repeat(101), type: 'galaxy', contactPhone: '12345abc', foundedOn: '2026-02-30', address: 'a'.repeat(201) },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual({
      'body.divisionId': 'Wrong format',
      'body.name': 'At most 100 characters',
      'body.type': 'Not an allowed value',
      'body.contactPhone': 'Not a valid phone number',
      'body.foundedOn': 'Dates are written YYYY-MM-DD',
      'body.address': 'At most 200 characters',
    });
    const missing = await admin.post('/api/organisations', {}, { 'accept-language': 'en' });
    // (A missing enum reads "Not an allowed value": the shared translator maps Zod's invalid_value that way.)
    expect(fieldsOf(missing.json())).toMatchObject({ 'body.divisionId': 'Required', 'body.name': 'Required' });
    expect(Object.keys(fieldsOf(missing.json())).sort()).toEqual(['body.divisionId', 'body.name', 'body.type']);
  });

  it('400: an unknown division or parent is refused on its field', async () => {
    const response = await admin.post('/api/organisations', { divisionId: 999999, name: '某组织', type: 'other' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.divisionId');
    const parent = await admin.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '某组织', type: 'other', parentId: 999999 });
    expect(parent.json().error.fields[0].path).toBe('body.parentId');
  });

  it("403: a town user cannot create in another town, nor under another town's organisation", async () => {
    const elsewhere = await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.zhaoxiang.id, name: '越界组织', type: 'other' });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('out_of_scope');
    const zhaoxiangOrg = await createOrg(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id });
    const underIt = await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '越界下级', type: 'other', parentId: zhaoxiangOrg.id });
    expect(underIt.statusCode).toBe(403);
  });

  it('403: a handler reads but cannot create', async () => {
    const response = await huaxinHandler.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '某组织', type: 'other' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('409: the same name twice in one division; 201: the same name in another division', async () => {
    const first = await createOrg(huaxinStaff, { name: '同名组织' });
    const again = await huaxinStaff.post('/api/organisations', { divisionId: first.divisionId, name: ' 同名组织 ', type: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate');
    await createOrg(zhaoxiangStaff, { name: '同名组织', divisionId: t.fixture.divisions.zhaoxiang.id });
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().post('/api/organisations', { name: 'x' })).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/organisations')).statusCode).toBe(401);
  });
});

describe('GET /api/organisations', () => {
  let village: { id: number };
  beforeAll(async () => {
    village = await createOrg(qingpuAdmin, { divisionId: t.fixture.divisions.huaxinVillage.id, name: '华新村村民委员会', type: 'community', contactPhone: '13900000001' });
    await createOrg(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id, name: '赵巷镇商会', type: 'chamber', foundedOn: '2010-01-01' });
    await createOrg(admin, { divisionId: t.fixture.divisions.jinshan.id, name: '金山区新联会', type: 'association_new_strata' });
  });

  it("200: a town user sees only the town's subtree, with phones masked", async () => {
    const response = await huaxinStaff.get('/api/organisations?pageSize=200');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ divisionName: string; name: string; contactPhone: string | null }>;
    expect(new Set(items.map((item) => item.divisionName))).toEqual(new Set(['华新镇', '华新村']));
    expect(items.find((item) => item.name === '华新村村民委员会')?.contactPhone).toBe('139****0001');
    expect(items.every((item) => item.contactPhone === null || item.contactPhone.includes('****'))).toBe(true);
  });

  it('200: a district admin filters on a division subtree', async () => {
    const town = await qingpuAdmin.get(`/api/organisations?divisionId=${t.fixture.divisions.huaxin.id}&pageSize=200`);
    const names = town.json().items.map((item: { name: string }) => item.name);
    expect(names).toContain('华新村村民委员会');
    expect(names).not.toContain('赵巷镇商会');
    const villageOnly = await qingpuAdmin.get(`/api/organisations?divisionId=${t.fixture.divisions.huaxinVillage.id}`);
    expect(villageOnly.json().items.map((item: { id: number }) => item.id)).toEqual([village.id]);
  });

  it("403: a town user cannot list another town's organisations through the division filter", async () => {
    const response = await huaxinStaff.get(`/api/organisations?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('200: filtering on the district above the town is intersected with the scope: the town only', async () => {
    const response = await huaxinStaff.get(`/api/organisations?divisionId=${t.fixture.divisions.qingpu.id}&pageSize=200`);
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe((await huaxinStaff.get('/api/organisations')).json().total);
    expect(response.json().items.map((item: { name: string }) => item.name)).not.toContain('赵巷镇商会');
  });

  it("200: a text search for another town's organisation finds nothing", async () => {
    const response = await huaxinStaff.get(`/api/organisations?q=${encodeURIComponent('赵巷')}`);
    expect(response.json().total).toBe(0);
  });

  it('200: filters by one or more types and by text, and pages', async () => {
    const chambers = await admin.get('/api/organisations?type=chamber');
    expect(chambers.json().items.map((item: { name: string }) => item.name).sort()).toEqual(['华新镇商会', '赵巷镇商会']);
    const two = await admin.get('/api/organisations?type=chamber,association_new_strata');
    expect(two.json().total).toBe(3);
    const paged = await admin.get('/api/organisations?type=chamber,association_new_strata&pageSize=2&page=2');
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.json().items).toHaveLength(1);
    const byText = await admin.get(`/api/organisations?q=${encodeURIComponent('村民')}`);
    expect(byText.json().items.map((item: { name: string }) => item.name)).toEqual(['华新村村民委员会']);
  });

  it('200: sorts on a whitelisted field both ways, empty dates last', async () => {
    const asc = await admin.get('/api/organisations?type=chamber,association_new_strata&sort=foundedOn&order=asc');
    expect(asc.json().items.map((item: { foundedOn: string | null }) => item.foundedOn)).toEqual(['2008-05-20', '2010-01-01', null]);
    const desc = await admin.get('/api/organisations?type=chamber,association_new_strata&sort=foundedOn&order=desc');
    expect(desc.json().items.map((item: { foundedOn: string | null }) => item.foundedOn)).toEqual(['2010-01-01', '2008-05-20', null]);
  });

  it('400: an unknown sort field, type or archived value, and an unknown division filter', async () => {
    const response = await admin.get('/api/organisations?sort=contact_phone&type=galaxy&archived=maybe');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.archived', 'query.sort', 'query.type.0']);
    const division = await admin.get('/api/organisations?divisionId=999999');
    expect(division.statusCode).toBe(400);
    expect(division.json().error.fields[0].path).toBe('query.divisionId');
  });
});

describe('GET /api/organisations/:id', () => {
  it('200: shows ancestors, what links to it and the allowed actions', async () => {
    const parent = await createOrg(huaxinStaff, { name: '上级组织', type: 'association_hometown' });
    const child = await createOrg(huaxinStaff, { name: '下级组织', parentId: parent.id });
    const grandchild = await createOrg(huaxinStaff, { name: '孙级组织', parentId: child.id });
    await t.handle.db
      .insertInto('venues')
      .values({ division_id: t.fixture.divisions.huaxin.id, name: '同乡会之家', type: 'other', level: 'town', owner_organisation_id: child.id, is_public: 0, created_at: 'x', updated_at: 'x' })
      .execute();
    const response = await huaxinStaff.get(`/api/organisations/${grandchild.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ parentName: '下级组织', ancestors: [{ name: '上级组织' }, { name: '下级组织' }] });
    expect(response.json().allowed).toEqual(['read', 'update', 'archive', 'manage_members', 'reveal_phone']);
    const middle = (await huaxinStaff.get(`/api/organisations/${child.id}`)).json();
    expect(middle.links).toMatchObject({ childOrganisations: 1, venues: 1, resources: 0, people: 0 });
    expect(middle.links.memberOrganisations).toMatchObject({ total: 0, byRole: { member: 0, council: 0 } });
    expect((await huaxinHandler.get(`/api/organisations/${child.id}`)).json().allowed).toEqual(['read']);
  });

  it("403: a town user cannot read another town's organisation by id", async () => {
    const other = await createOrg(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id });
    const response = await huaxinStaff.get(`/api/organisations/${other.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('404: an unknown id; 400: an id that is not a number', async () => {
    const response = await admin.get('/api/organisations/999999', { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('未找到组织');
    expect((await admin.get('/api/organisations/abc')).statusCode).toBe(400);
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('200 then 409: a stale version is refused; the edit is audited without the phone', async () => {
    const org = await createOrg(huaxinStaff);
    const first = await huaxinStaff.patch(`/api/organisations/${org.id}`, { address: '新地址', contactPhone: '021-59881234', version: org.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ address: '新地址', contactPhone: '021****1234', version: org.version + 1 });
    const second = await huaxinStaff.patch(`/api/organisations/${org.id}`, { address: '另一个', version: org.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    const [row] = await auditRows(t.handle, 'organisation.update');
    expect(JSON.parse(row!.detail!)).toMatchObject({ changed: ['address', 'contactPhone'] });
    expect(row!.detail).not.toContain('59881234');
  });

  it('200: a blank field clears it', async () => {
    const org = await createOrg(huaxinStaff, { address: '旧地址' });
    const response = await huaxinStaff.patch(`/api/organisations/${org.id}`, { address: '  ', version: org.version });
    expect(response.json().address).toBeNull();
  });

  it('400: a parent cannot be the organisation itself or one of its descendants', async () => {
    const top = await createOrg(huaxinStaff);
    const below = await createOrg(huaxinStaff, { parentId: top.id });
    const loop = await huaxinStaff.patch(`/api/organisations/${top.id}`, { parentId: below.id, version: top.version }, { 'accept-language': 'en' });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.fields).toEqual([{ path: 'body.parentId', message: 'The parent cannot be the organisation itself or one below it' }]);
    const self = await huaxinStaff.patch(`/api/organisations/${top.id}`, { parentId: top.id, version: top.version });
    expect(self.statusCode).toBe(400);
  });

  it("403: out of scope by id, and moving an organisation into another town", async () => {
    const other = await createOrg(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id });
    expect((await huaxinStaff.patch(`/api/organisations/${other.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    const mine = await createOrg(huaxinStaff);
    const move = await huaxinStaff.patch(`/api/organisations/${mine.id}`, { divisionId: t.fixture.divisions.zhaoxiang.id, version: mine.version });
    expect(move.statusCode).toBe(403);
    expect((await huaxinHandler.patch(`/api/organisations/${mine.id}`, { name: 'x', version: mine.version })).statusCode).toBe(403);
  });

  it('409: renaming onto a name already used in the division; 404: unknown id', async () => {
    const a = await createOrg(huaxinStaff);
    const b = await createOrg(huaxinStaff);
    const response = await huaxinStaff.patch(`/api/organisations/${b.id}`, { name: a.name, version: b.version });
    expect(response.statusCode).toBe(409);
    expect((await admin.patch('/api/organisations/999999', { name: 'x', version: 1 })).statusCode).toBe(404);
  });
});

describe('POST /api/organisations/:id/archive and /unarchive', () => {
  it('200: archived organisations leave the default list, stay readable, and come back', async () => {
    const org = await createOrg(huaxinStaff, { name: '待归档组织' });
    const archived = await huaxinStaff.post(`/api/organisations/${org.id}/archive`, { version: org.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: org.version + 1 });
    const active = await huaxinStaff.get(`/api/organisations?q=${encodeURIComponent('待归档')}`);
    expect(active.json().total).toBe(0);
    const inArchive = await huaxinStaff.get(`/api/organisations?q=${encodeURIComponent('待归档')}&archived=true`);
    expect(inArchive.json().total).toBe(1);
    expect((await huaxinStaff.get(`/api/organisations/${org.id}`)).statusCode).toBe(200);
    expect((await auditRows(t.handle, 'organisation.archive'))[0]?.entity_id).toBe(String(org.id));

    const edit = await huaxinStaff.patch(`/api/organisations/${org.id}`, { name: 'x', version: org.version + 1 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('invalid_transition');
    const asParent = await huaxinStaff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: '挂靠组织', type: 'other', parentId: org.id });
    expect(asParent.statusCode).toBe(400);
    expect(asParent.json().error.fields[0].path).toBe('body.parentId');

    const back = await huaxinStaff.post(`/api/organisations/${org.id}/unarchive`, { version: org.version + 1 });
    expect(back.statusCode).toBe(200);
    expect(back.json().archived).toBe(false);
  });

  it('409: archiving twice, or with a stale version; 403: another town; 400: no version', async () => {
    const org = await createOrg(huaxinStaff);
    expect((await huaxinStaff.post(`/api/organisations/${org.id}/archive`, { version: org.version })).statusCode).toBe(200);
    expect((await huaxinStaff.post(`/api/organisations/${org.id}/archive`, { version: org.version + 1 })).json().error.code).toBe('invalid_transition');
    expect((await huaxinStaff.post(`/api/organisations/${org.id}/unarchive`, { version: org.version })).json().error.code).toBe('version_conflict');
    const other = await createOrg(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id });
    expect((await huaxinStaff.post(`/api/organisations/${other.id}/archive`, { version: 1 })).statusCode).toBe(403);
    expect((await huaxinStaff.post(`/api/organisations/${org.id}/archive`, {})).statusCode).toBe(400);
  });
});

describe('POST /api/organisations/:id/reveal-phone', () => {
  it('200: staff of the town get the full contact phone, and the reveal is audited', async () => {
    const org = await createOrg(huaxinStaff, { contactPhone: '13987654321' });
    const response = await huaxinStaff.post(`/api/organisations/${org.id}/reveal-phone`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ phone: '13987654321' });
    const [row] = await auditRows(t.handle, 'organisation.reveal_phone');
    expect(row).toMatchObject({ entity_id: String(org.id), actor_id: t.fixture.users.huaxinStaff.id });
  });

  it('403: a handler has no right to the full number; nor another town; 404: unknown', async () => {
    const org = await createOrg(huaxinStaff, { contactPhone: '13987654321' });
    expect((await huaxinHandler.post(`/api/organisations/${org.id}/reveal-phone`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.post(`/api/organisations/${org.id}/reveal-phone`)).statusCode).toBe(403);
    expect((await admin.post('/api/organisations/999999/reveal-phone')).statusCode).toBe(404);
  });
});

describe('OpenAPI', () => {
  it('200: the organisation and people endpoints are described', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/organisations', '/api/organisations/{id}/members', '/api/memberships/{id}/end', '/api/people/{id}/reveal-phone']),
    );
  });
});
