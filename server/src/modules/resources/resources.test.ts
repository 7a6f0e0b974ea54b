import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { registryRecords, sheetRows } from '../venues/venues.test-records.ts';
import { findResourcesOffering } from './resources.repo.ts';

let t: TestApp;
let admin: TestClient;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let records: Awaited<ReturnType<typeof registryRecords>>;
let kind: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  records = await registryRecords(t);
  const kinds = (await admin.get('/api/service-kinds')).json() as Array<{ id: number; code: string }>;
  kind = Object.fromEntries(kinds.map((k) => [k.code, k.id]));
});
afterAll(async () => t.close());

const fields = (response: { json(): { error: { fields: Array<{ path: string; message: string }> } } }) =>
  Object.fromEntries(response.json().error.fields.map((field) => [field.path, field.message]));
const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();
const resource = (overrides: Record<string, unknown> = {}) => ({
  divisionId: t.fixture.divisions.huaxin.id,
  kind: 'firm',
  name: `资源${Math.random().toString(36).slice(2, 8)}`,
  ...overrides,
});

describe('POST /api/resources', () => {
  it('201: staff add a resource with its services, organisation and person; the phone comes back masked; audited', async () => {
    const response = await huaxinStaff.post(
      '/api/resources',
      resource({
        name: '华新法律服务团',
        kind: 'team',
        organisationId: records.huaxinChamber,
        personId: records.huaxinPerson,
        contactPhone: '138 1234 5678',
        serviceKindIds: [kind.policy_interpretation, kind.legal_advice],
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: '华新法律服务团',
      kind: 'team',
      divisionName: '华新镇',
      organisation: { id: records.huaxinChamber, name: '华新镇商会' },
      person: { id: records.huaxinPerson, name: '王律师' },
      contactPhone: '138****5678',
      services: [
        { code: 'legal_advice', name: '法律咨询' },
        { code: 'policy_interpretation', name: '政策解读' },
      ],
    });
    const [row] = await auditRows(t.handle, 'resource.create');
    expect(row).toMatchObject({ entity_id: String(response.json().id), division_id: t.fixture.divisions.huaxin.id });
    const stored = await t.handle.db.selectFrom('resources').select('contact_phone').where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(stored.contact_phone).toBe('13812345678');
  });

  it('400: wrong types, missing fields, unknown kind, over-long text, bad phone and repeated services are named per field', async () => {
    const response = await huaxinStaff.post(
      '/api/resources',
      { divisionId: t.fixture.divisions.huaxin.id, kind: 'wizard', contactPhone: 'call me', description: 'x'.repeat(2001), serviceKindIds: [1, 1], personId: 'p' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual({
      'body.kind': 'Not an allowed value',
      'body.name': 'Required',
      'body.contactPhone': 'Not a valid phone number',
      'body.description': 'At most 2000 characters',
      'body.serviceKindIds': 'Each item only once',
      'body.personId': 'Wrong format',
    });
  });

  it('400: an unknown service kind, organisation or person; an archived organisation', async () => {
    expect(fields(await huaxinStaff.post('/api/resources', resource({ serviceKindIds: [999999] })))).toHaveProperty('body.serviceKindIds');
    expect(fields(await huaxinStaff.post('/api/resources', resource({ organisationId: 999999 })))).toHaveProperty('body.organisationId');
    expect(fields(await huaxinStaff.post('/api/resources', resource({ personId: 999999 })))).toHaveProperty('body.personId');
    expect(fields(await huaxinStaff.post('/api/resources', resource({ organisationId: records.huaxinArchivedOrg })))).toHaveProperty('body.organisationId');
  });

  it('403: not in another town, not linking another town’s person, not for a reviewer', async () => {
    expect((await huaxinStaff.post('/api/resources', resource({ divisionId: t.fixture.divisions.zhaoxiang.id }))).json().error.code).toBe('out_of_scope');
    expect((await huaxinStaff.post('/api/resources', resource({ personId: records.zhaoxiangPerson }))).json().error.code).toBe('out_of_scope');
    expect((await records.reviewer.post('/api/resources', resource())).json().error.code).toBe('forbidden');
  });

  it('409: the same name twice in one division', async () => {
    expect((await huaxinStaff.post('/api/resources', resource({ name: '同名资源' }))).statusCode).toBe(201);
    expect((await huaxinStaff.post('/api/resources', resource({ name: '同名资源' }))).json().error.code).toBe('duplicate');
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().post('/api/resources', resource())).statusCode).toBe(401);
  });
});

describe('GET /api/resources', () => {
  beforeAll(async () => {
    await huaxinStaff.post('/api/resources', resource({ name: 'R-华新医生', kind: 'person', contactPhone: '13900001234', serviceKindIds: [kind.medical, kind.elderly_care] }));
    await huaxinStaff.post('/api/resources', resource({ name: 'R-华新村志愿队', divisionId: t.fixture.divisions.huaxinVillage.id, kind: 'team', serviceKindIds: [kind.volunteers, kind.elderly_care] }));
    await zhaoxiangStaff.post('/api/resources', resource({ name: 'R-赵巷律所', divisionId: t.fixture.divisions.zhaoxiang.id, serviceKindIds: [kind.legal_advice], description: '免费法律援助' }));
  });

  it('200: phones are masked in the list; a town user sees its subtree only', async () => {
    const response = await huaxinStaff.get('/api/resources?q=R-');
    expect(response.statusCode).toBe(200);
    expect(names(response.json().items)).toEqual(['R-华新医生', 'R-华新村志愿队']);
    expect(response.json().items.find((r: { name: string }) => r.name === 'R-华新医生').contactPhone).toBe('139****1234');
  });

  it('200: filters by service kinds (any of them), kind, division subtree and text', async () => {
    expect(names((await qingpuStaff.get(`/api/resources?q=R-&serviceKindId=${kind.elderly_care}`)).json().items)).toEqual(['R-华新医生', 'R-华新村志愿队']);
    expect(names((await qingpuStaff.get(`/api/resources?q=R-&serviceKindId=${kind.medical},${kind.legal_advice}`)).json().items)).toEqual(['R-华新医生', 'R-赵巷律所']);
    expect(names((await qingpuStaff.get(`/api/resources?q=R-&serviceKindId=${kind.medical}&serviceKindId=${kind.volunteers}`)).json().items)).toEqual(['R-华新医生', 'R-华新村志愿队']);
    expect(names((await qingpuStaff.get('/api/resources?q=R-&kind=team')).json().items)).toEqual(['R-华新村志愿队']);
    expect(names((await qingpuStaff.get(`/api/resources?q=R-&divisionId=${t.fixture.divisions.huaxinVillage.id}`)).json().items)).toEqual(['R-华新村志愿队']);
    expect(names((await qingpuStaff.get(`/api/resources?q=${encodeURIComponent('法律援助')}`)).json().items)).toEqual(['R-赵巷律所']);
    expect((await huaxinStaff.get(`/api/resources?q=R-&serviceKindId=${kind.legal_advice}`)).json().total).toBe(0);
  });

  it('403: a division filter outside the subtree; 400: a bad service kind id or kind', async () => {
    expect((await huaxinStaff.get(`/api/resources?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    const bad = await huaxinStaff.get('/api/resources?serviceKindId=abc&kind=wizard');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(['query.kind.0', 'query.serviceKindId.0']);
  });
});

describe('findResourcesOffering (what a need is matched to)', () => {
  it('finds live resources in the subtree offering any of the kinds, those offering more of them first', async () => {
    const qingpu = await findResourcesOffering(t.handle.db, t.fixture.divisions.qingpu.path, [kind.elderly_care!, kind.medical!]);
    expect(qingpu.map((r) => [r.name, r.matched])).toEqual([
      ['R-华新医生', 2],
      ['R-华新村志愿队', 1],
    ]);
    expect(qingpu[0]!.contactPhone).toBe('139****1234');
    expect(await findResourcesOffering(t.handle.db, t.fixture.divisions.zhaoxiang.path, [kind.elderly_care!])).toEqual([]);
    expect(await findResourcesOffering(t.handle.db, null, [])).toEqual([]);
  });
});

describe('GET /api/resources/:id and POST /api/resources/:id/reveal-phone', () => {
  it('200: detail masks the phone; staff may reveal it (audited), a reviewer may not (403)', async () => {
    const created = (await huaxinStaff.post('/api/resources', resource({ contactPhone: '021-59781234' }))).json();
    const detail = await huaxinStaff.get(`/api/resources/${created.id}`);
    expect(detail.json()).toMatchObject({ contactPhone: '021****1234', divisionPath: ['上海市', '青浦区', '华新镇'], allowed: ['read', 'update', 'archive', 'reveal_phone'] });
    expect((await records.reviewer.get(`/api/resources/${created.id}`)).json().allowed).toEqual(['read']);
    const reveal = await huaxinStaff.post(`/api/resources/${created.id}/reveal-phone`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json()).toEqual({ phone: '021-59781234' });
    const [row] = await auditRows(t.handle, 'resource.reveal_phone');
    expect(row).toMatchObject({ entity_id: String(created.id), actor_id: t.fixture.users.huaxinStaff.id });
    expect((await records.reviewer.post(`/api/resources/${created.id}/reveal-phone`)).statusCode).toBe(403);
  });

  it('403: another town’s resource by id and by reveal; 404 unknown', async () => {
    const other = (await zhaoxiangStaff.post('/api/resources', resource({ divisionId: t.fixture.divisions.zhaoxiang.id, contactPhone: '13700001111' }))).json();
    expect((await huaxinStaff.get(`/api/resources/${other.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.post(`/api/resources/${other.id}/reveal-phone`)).statusCode).toBe(403);
    expect((await huaxinStaff.get('/api/resources/999999')).statusCode).toBe(404);
    expect((await huaxinStaff.post('/api/resources/999999/reveal-phone')).statusCode).toBe(404);
  });
});

describe('PATCH, archive and unarchive /api/resources/:id', () => {
  it('200: replaces the services, clears the phone, bumps the version; 409 stale', async () => {
    const created = (await huaxinStaff.post('/api/resources', resource({ contactPhone: '13700002222', serviceKindIds: [kind.training] }))).json();
    const edited = await huaxinStaff.patch(`/api/resources/${created.id}`, { serviceKindIds: [kind.funds, kind.employment], contactPhone: '', version: created.version });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ contactPhone: null, version: 2 });
    expect(edited.json().services.map((s: { code: string }) => s.code)).toEqual(['funds', 'employment']);
    expect(JSON.parse((await auditRows(t.handle, 'resource.update'))[0]!.detail!).changed.sort()).toEqual(['contactPhone', 'serviceKindIds']);
    expect((await huaxinStaff.patch(`/api/resources/${created.id}`, { name: 'x', version: created.version })).statusCode).toBe(409);
  });

  it('200: archive hides it from lists and matching; 409 editing it while archived', async () => {
    const created = (await huaxinStaff.post('/api/resources', resource({ name: 'R-将归档', serviceKindIds: [kind.psychological] }))).json();
    const archived = await huaxinStaff.post(`/api/resources/${created.id}/archive`, { version: created.version });
    expect(archived.json().archived).toBe(true);
    expect((await huaxinStaff.get('/api/resources?q=R-')).json().items.map((r: { name: string }) => r.name)).not.toContain('R-将归档');
    expect(await findResourcesOffering(t.handle.db, null, [kind.psychological!])).toEqual([]);
    expect((await huaxinStaff.patch(`/api/resources/${created.id}`, { name: 'x', version: archived.json().version })).json().error.code).toBe('invalid_transition');
    expect((await huaxinStaff.post(`/api/resources/${created.id}/unarchive`, { version: archived.json().version })).statusCode).toBe(200);
    expect((await auditRows(t.handle, 'resource.unarchive'))[0]?.entity_id).toBe(String(created.id));
  });

  it('403: another town cannot edit or archive; 404 unknown', async () => {
    const created = (await huaxinStaff.post('/api/resources', resource())).json();
    expect((await zhaoxiangStaff.patch(`/api/resources/${created.id}`, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await zhaoxiangStaff.post(`/api/resources/${created.id}/archive`, { version: 1 })).statusCode).toBe(403);
    expect((await admin.patch('/api/resources/999999', { name: 'x', version: 1 })).statusCode).toBe(404);
  });
});

describe('GET /api/resources/export', () => {
  it('200: the filtered resources of the subtree with their services; phones masked; audited', async () => {
    const response = await huaxinStaff.get(`/api/resources/export?q=R-&serviceKindId=${kind.medical}`);
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = await sheetRows(response.rawPayload);
    expect(header).toEqual(['所属区划', '名称', '类别', '提供服务', '所属组织', '联系人', '联系电话', '简介']);
    expect(rows).toEqual([['上海市/青浦区/华新镇', 'R-华新医生', '个人', '医疗健康、养老服务', undefined, undefined, '139****1234']]);
    expect(response.rawPayload.includes(Buffer.from('13900001234'))).toBe(false);
    const [row] = await auditRows(t.handle, 'resource.export');
    expect(JSON.parse(row!.detail!)).toMatchObject({ rows: 1 });
  });

  it('403: another town’s division filter; 401 without a session', async () => {
    expect((await huaxinStaff.get(`/api/resources/export?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/resources/export')).statusCode).toBe(401);
  });
});
