import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let huaxinHandler: TestClient;
let huaxinChamber: { id: number; version: number };
let zhaoxiangChamber: { id: number };

async function createOrg(client: TestClient, divisionId: number, name: string) {
  const response = await client.post('/api/organisations', { divisionId, name, type: 'chamber' });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; version: number };
}

let counter = 0;
async function createPerson(client: TestClient, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await client.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: `测试人员${counter}`, phone: '13812345678', ...overrides });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; version: number; name: string };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const handler = { username: 'huaxin.handler', displayName: '处理人', divisionId: t.fixture.divisions.huaxin.id, roles: ['handler'], password: 'Handler2026pw' };
  expect((await admin.post('/api/users', handler)).statusCode).toBe(201);
  huaxinHandler = await t.signIn(handler.username, handler.password);
  huaxinChamber = await createOrg(huaxinStaff, t.fixture.divisions.huaxin.id, '华新镇商会');
  zhaoxiangChamber = await createOrg(zhaoxiangStaff, t.fixture.divisions.zhaoxiang.id, '赵巷镇商会');
});
afterAll(async () => t.close());

describe('POST /api/people', () => {
  it('201: name, phone, organisation and position; the phone comes back masked; audited without it', async () => {
    const response = await huaxinStaff.post('/api/people', {
      divisionId: t.fixture.divisions.huaxin.id,
      name: '许华新',
      phone: '138-1234-5678'.replace(/-/g, ''),
      organisationId: huaxinChamber.id,
      position: '秘书长',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: '许华新', phone: '138****5678', organisationName: '华新镇商会', position: '秘书长', roles: [], divisionName: '华新镇' });
    const [row] = await auditRows(t.handle, 'person.create');
    expect(row).toMatchObject({ entity_id: String(response.json().id), division_id: t.fixture.divisions.huaxin.id });
    expect(row!.detail).not.toContain('5678');
  });

  it('400: an ID-card number, ethnicity, religion or political field is refused, and nothing is stored', async () => {
    const before = await t.handle.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const response = await huaxinStaff.post(
      '/api/people',
      { divisionId: t.fixture.divisions.huaxin.id, name: '王五', idCard: '310101199001011234', ethnicity: '汉族', religion: '无', politicalAffiliation: '群众' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].message).toMatch(/idCard.*ethnicity.*religion.*politicalAffiliation/);
    const after = await t.handle.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const person = await createPerson(huaxinStaff);
    const patch = await huaxinStaff.patch(`/api/people/${person.id}`, { ethnicity: '汉族', version: person.version });
    expect(patch.statusCode).toBe(400);
  });

  it('has no column for an ID-card number, ethnicity, religion or political affiliation', async () => {
    const tables = await t.handle.db.introspection.getTables();
    // (On PostgreSQL the introspection also sees other test files' schemas: check every `people`.)
    const people = tables.filter((table) => table.name === 'people');
    expect(people.length).toBeGreaterThan(0);
    for (const table of people) {
      const columns = table.columns.map((column) => column.name);
      expect(columns.sort()).toEqual(['archived_at', 'created_at', 'division_id', 'id', 'name', 'organisation_id', 'phone', 'position', 'updated_at', 'version']);
      expect(columns.filter((name) => /id_?card|identity|ethnic|nation|relig|politic|party/i.test(name))).toEqual([]);
    }
  });

  it('400: a phone that is not a phone, an over-long name, a missing name, wrong types', async () => {
    const response = await huaxinStaff.post('/api/people', { divisionId: 'huaxin', name: '长'.repeat(41), phone: '1234', position: 7 }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(response.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toEqual({ 'body.divisionId': 'Wrong format', 'body.name': 'At most 40 characters', 'body.phone': 'Not a valid phone number', 'body.position': 'Wrong format' });
    const missing = await huaxinStaff.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id }, { 'accept-language': 'en' });
    expect(missing.json().error.fields).toEqual([{ path: 'body.name', message: 'Required' }]);
  });

  it("403: a town user cannot add a person to another town, nor to another town's organisation", async () => {
    const elsewhere = await huaxinStaff.post('/api/people', { divisionId: t.fixture.divisions.zhaoxiang.id, name: '越界' });
    expect(elsewhere.statusCode).toBe(403);
    const org = await huaxinStaff.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '越界', organisationId: zhaoxiangChamber.id });
    expect(org.statusCode).toBe(403);
    expect((await huaxinHandler.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '某人' })).statusCode).toBe(403);
  });

  it('400: an unknown division or organisation; 401: no session', async () => {
    expect((await admin.post('/api/people', { divisionId: 999999, name: '某人' })).json().error.fields[0].path).toBe('body.divisionId');
    expect((await admin.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '某人', organisationId: 999999 })).json().error.fields[0].path).toBe('body.organisationId');
    expect((await t.anonymous().post('/api/people', { name: '某人' })).statusCode).toBe(401);
  });
});

describe('GET /api/people', () => {
  let officer: { id: number };
  beforeAll(async () => {
    officer = await createPerson(qingpuAdmin, { divisionId: t.fixture.divisions.huaxinVillage.id, name: '华新村联络员', position: '联络员', phone: '13900000001' });
    await createPerson(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id, name: '赵巷联络员', position: '联络员' });
    const president = await createPerson(huaxinStaff, { name: '会长甲', organisationId: huaxinChamber.id });
    await huaxinStaff.post(`/api/organisations/${huaxinChamber.id}/members`, { memberPersonId: president.id, role: 'president' });
    await huaxinStaff.post(`/api/organisations/${huaxinChamber.id}/members`, { memberPersonId: officer.id, role: 'council', until: '2020-12-31' });
  });

  it('200: a town user sees only people of the town subtree, every phone masked', async () => {
    const response = await huaxinStaff.get('/api/people?pageSize=200');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{ name: string; phone: string | null; divisionName: string }>;
    expect(items.map((item) => item.name)).not.toContain('赵巷联络员');
    expect(new Set(items.map((item) => item.divisionName))).toEqual(new Set(['华新镇', '华新村']));
    expect(items.every((item) => item.phone === null || /^\d{3}\*{4}\d{4}$/.test(item.phone))).toBe(true);
    expect(response.body).not.toContain('13900000001');
  });

  it('200: roles come from current memberships; filter by role, organisation, text and division', async () => {
    const presidents = (await huaxinStaff.get('/api/people?role=president')).json();
    expect(presidents.items.map((p: { name: string; roles: string[] }) => [p.name, p.roles])).toEqual([['会长甲', ['president']]]);
    // The officer's council seat ended in 2020: no current role.
    expect((await huaxinStaff.get('/api/people?role=council')).json().total).toBe(0);
    const detail = (await huaxinStaff.get(`/api/people/${officer.id}`)).json();
    expect(detail.roles).toEqual([]);
    expect(detail.memberships).toEqual([expect.objectContaining({ organisationName: '华新镇商会', role: 'council', current: false })]);
    expect((await huaxinStaff.get(`/api/people?organisationId=${huaxinChamber.id}`)).json().items.map((p: { name: string }) => p.name).sort()).toEqual(['会长甲', '许华新']);
    expect((await huaxinStaff.get(`/api/people?q=${encodeURIComponent('联络')}`)).json().items.map((p: { name: string }) => p.name)).toEqual(['华新村联络员']);
    const village = (await qingpuAdmin.get(`/api/people?divisionId=${t.fixture.divisions.huaxinVillage.id}`)).json();
    expect(village.items.map((p: { id: number }) => p.id)).toEqual([officer.id]);
  });

  it('200: sorts by a whitelisted field and pages', async () => {
    const desc = (await admin.get('/api/people?sort=name&order=desc&pageSize=2')).json();
    expect(desc.items).toHaveLength(2);
    const names = (await admin.get('/api/people?sort=name&order=asc&pageSize=200')).json().items.map((p: { name: string }) => p.name);
    expect([...names].sort()).toEqual(names);
  });

  it("403: the division filter cannot reach another town; 400: an unknown sort field or role", async () => {
    expect((await huaxinStaff.get(`/api/people?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    const bad = await huaxinStaff.get('/api/people?sort=phone&role=king');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.role', 'query.sort']);
  });

  it("200: an organisation filter naming another town's organisation finds nothing", async () => {
    expect((await huaxinStaff.get(`/api/people?organisationId=${zhaoxiangChamber.id}`)).json().total).toBe(0);
  });
});

describe('GET /api/people/:id', () => {
  it('200: masked phone and the allowed actions; 403: another town; 404: unknown', async () => {
    const person = await createPerson(huaxinStaff);
    const response = await huaxinStaff.get(`/api/people/${person.id}`);
    expect(response.json()).toMatchObject({ phone: '138****5678', allowed: ['read', 'update', 'archive', 'reveal_phone'] });
    expect((await huaxinHandler.get(`/api/people/${person.id}`)).json().allowed).toEqual(['read']);
    expect((await zhaoxiangStaff.get(`/api/people/${person.id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/people/999999')).statusCode).toBe(404);
  });
});

describe('POST /api/people/:id/reveal-phone', () => {
  it('200: staff of the subtree see the full number, and each reveal is audited as person.reveal_phone', async () => {
    const person = await createPerson(huaxinStaff, { phone: '13911112222' });
    const response = await huaxinStaff.post(`/api/people/${person.id}/reveal-phone`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ phone: '13911112222' });
    expect((await qingpuAdmin.post(`/api/people/${person.id}/reveal-phone`)).json()).toEqual({ phone: '13911112222' });
    const rows = await auditRows(t.handle, 'person.reveal_phone');
    expect(rows.slice(0, 2).map((row) => [row.entity_id, row.actor_id])).toEqual([
      [String(person.id), t.fixture.users.qingpuAdmin.id],
      [String(person.id), t.fixture.users.huaxinStaff.id],
    ]);
  });

  it('403: a handler without the right, or staff of another town; 404: unknown; 401: no session', async () => {
    const person = await createPerson(huaxinStaff, { phone: '13911112222' });
    const handler = await huaxinHandler.post(`/api/people/${person.id}/reveal-phone`);
    expect(handler.statusCode).toBe(403);
    expect(handler.json().error.code).toBe('forbidden');
    expect((await zhaoxiangStaff.post(`/api/people/${person.id}/reveal-phone`)).json().error.code).toBe('out_of_scope');
    expect((await admin.post('/api/people/999999/reveal-phone')).statusCode).toBe(404);
    expect((await t.anonymous().post(`/api/people/${person.id}/reveal-phone`)).statusCode).toBe(401);
  });
});

describe('PATCH /api/people/:id', () => {
  it('200 then 409: edits with the current version only', async () => {
    const person = await createPerson(huaxinStaff);
    const first = await huaxinStaff.patch(`/api/people/${person.id}`, { position: '副会长', phone: '', version: person.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ position: '副会长', phone: null, version: person.version + 1 });
    expect((await huaxinStaff.patch(`/api/people/${person.id}`, { position: 'x', version: person.version })).statusCode).toBe(409);
    expect(JSON.parse((await auditRows(t.handle, 'person.update'))[0]!.detail!)).toEqual({ changed: ['phone', 'position'] });
  });

  it("403: moving a person to another town's organisation or division; another town's person", async () => {
    const person = await createPerson(huaxinStaff);
    expect((await huaxinStaff.patch(`/api/people/${person.id}`, { organisationId: zhaoxiangChamber.id, version: person.version })).statusCode).toBe(403);
    expect((await huaxinStaff.patch(`/api/people/${person.id}`, { divisionId: t.fixture.divisions.zhaoxiang.id, version: person.version })).statusCode).toBe(403);
    expect((await zhaoxiangStaff.patch(`/api/people/${person.id}`, { name: 'x', version: person.version })).statusCode).toBe(403);
  });

  it('400: a bad phone, or an archived organisation; 404: unknown', async () => {
    const person = await createPerson(huaxinStaff);
    expect((await huaxinStaff.patch(`/api/people/${person.id}`, { phone: 'abc', version: person.version })).statusCode).toBe(400);
    const gone = await createOrg(huaxinStaff, t.fixture.divisions.huaxin.id, '已归档商会');
    await huaxinStaff.post(`/api/organisations/${gone.id}/archive`, { version: gone.version });
    const archived = await huaxinStaff.patch(`/api/people/${person.id}`, { organisationId: gone.id, version: person.version });
    expect(archived.statusCode).toBe(400);
    expect(archived.json().error.fields[0].path).toBe('body.organisationId');
    expect((await admin.patch('/api/people/999999', { name: 'x', version: 1 })).statusCode).toBe(404);
  });
});

describe('POST /api/people/:id/archive and /unarchive', () => {
  it('200: an archived person leaves the default list and cannot become a member; 409: twice', async () => {
    const person = await createPerson(huaxinStaff, { name: '待归档人员' });
    const archived = await huaxinStaff.post(`/api/people/${person.id}/archive`, { version: person.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archived).toBe(true);
    expect((await huaxinStaff.get(`/api/people?q=${encodeURIComponent('待归档')}`)).json().total).toBe(0);
    expect((await huaxinStaff.get(`/api/people?q=${encodeURIComponent('待归档')}&archived=all`)).json().total).toBe(1);
    const member = await huaxinStaff.post(`/api/organisations/${huaxinChamber.id}/members`, { memberPersonId: person.id, role: 'member' });
    expect(member.statusCode).toBe(400);
    expect((await huaxinStaff.post(`/api/people/${person.id}/archive`, { version: person.version + 1 })).statusCode).toBe(409);
    expect((await auditRows(t.handle, 'person.archive'))[0]?.entity_id).toBe(String(person.id));
    const back = await huaxinStaff.post(`/api/people/${person.id}/unarchive`, { version: person.version + 1 });
    expect(back.json().archived).toBe(false);
    expect((await zhaoxiangStaff.post(`/api/people/${person.id}/archive`, { version: person.version + 2 })).statusCode).toBe(403);
  });
});
