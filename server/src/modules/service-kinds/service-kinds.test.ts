import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let huaxinStaff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxinStaff = await t.signIn('huaxin.staff');
});
afterAll(async () => t.close());

type Kind = { id: number; code: string; name: string; sortOrder: number; version: number; resourceCount: number };
const kinds = async (client: TestClient, query = '') => (await client.get(`/api/service-kinds${query}`)).json() as Kind[];

describe('GET /api/service-kinds', () => {
  it('200: every installation starts with the ten default kinds, in order, for anyone signed in', async () => {
    const response = await huaxinStaff.get('/api/service-kinds');
    expect(response.statusCode).toBe(200);
    expect(response.json().map((kind: Kind) => kind.name)).toEqual([
      '法律咨询', '政策解读', '医疗健康', '教育培训', '资金扶持', '志愿服务', '就业创业', '心理疏导', '养老服务', '项目申报辅导',
    ]);
    expect(response.json()[0]).toMatchObject({ code: 'legal_advice', archived: false, resourceCount: 0 });
  });

  it('200: counts the resources offering each kind within the reader’s subtree only', async () => {
    const legal = (await kinds(admin)).find((kind) => kind.code === 'legal_advice')!;
    const zhaoxiang = await admin.post('/api/resources', { divisionId: t.fixture.divisions.zhaoxiang.id, kind: 'firm', name: '赵巷律所', serviceKindIds: [legal.id] });
    expect(zhaoxiang.statusCode).toBe(201);
    await admin.post('/api/resources', { divisionId: t.fixture.divisions.huaxin.id, kind: 'person', name: '华新律师', serviceKindIds: [legal.id] });
    expect((await kinds(huaxinStaff)).find((kind) => kind.id === legal.id)!.resourceCount).toBe(1);
    expect((await kinds(qingpuAdmin)).find((kind) => kind.id === legal.id)!.resourceCount).toBe(2);
  });

  it('400: an unknown archived filter; 401 without a session', async () => {
    expect((await admin.get('/api/service-kinds?archived=maybe')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/service-kinds')).statusCode).toBe(401);
  });
});

describe('POST /api/service-kinds', () => {
  it('201: a system admin adds a kind at the end of the list, audited', async () => {
    const response = await admin.post('/api/service-kinds', { code: 'housing', name: '住房保障' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'housing', name: '住房保障', sortOrder: 110, version: 1 });
    expect((await auditRows(t.handle, 'service_kind.create'))[0]).toMatchObject({ entity_id: String(response.json().id), division_id: null });
  });

  it('403: a division admin cannot change the list the whole tree shares; nor can staff', async () => {
    expect((await qingpuAdmin.post('/api/service-kinds', { code: 'local', name: '本地服务' })).statusCode).toBe(403);
    expect((await huaxinStaff.post('/api/service-kinds', { code: 'local', name: '本地服务' })).statusCode).toBe(403);
  });

  it('400: a code that is not lower-case ASCII, a missing name, a negative order', async () => {
    const response = await admin.post('/api/service-kinds', { code: 'Legal Aid', sortOrder: -1 }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(response.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toEqual({
      'body.code': 'Lower-case letters, digits and underscores, starting with a letter',
      'body.name': 'Required',
      'body.sortOrder': 'Must be at least 0',
    });
  });

  it('409: a code or a live name already in use', async () => {
    expect((await admin.post('/api/service-kinds', { code: 'legal_advice', name: '法律援助' })).statusCode).toBe(409);
    expect((await admin.post('/api/service-kinds', { code: 'legal_aid', name: '法律咨询' })).statusCode).toBe(409);
  });
});

describe('PATCH, archive and unarchive /api/service-kinds/:id', () => {
  it('200: renames and reorders with the version; 409 on a stale version; 404 unknown', async () => {
    const created = (await admin.post('/api/service-kinds', { code: 'culture', name: '文化服务' })).json();
    const response = await admin.patch(`/api/service-kinds/${created.id}`, { name: '文化活动', sortOrder: 5, version: created.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: '文化活动', sortOrder: 5, code: 'culture', version: 2 });
    expect((await kinds(admin))[0]!.code).toBe('culture');
    expect((await admin.patch(`/api/service-kinds/${created.id}`, { name: '文化', version: 1 })).statusCode).toBe(409);
    expect((await admin.patch('/api/service-kinds/999999', { name: 'x', version: 1 })).statusCode).toBe(404);
  });

  it('400: the code cannot be changed', async () => {
    const [first] = await kinds(admin);
    const response = await admin.patch(`/api/service-kinds/${first!.id}`, { code: 'other', version: first!.version }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'body', message: 'Fields not allowed: code' }]);
  });

  it('200: an archived kind leaves the list, stays on resources, and cannot be newly chosen', async () => {
    const created = (await admin.post('/api/service-kinds', { code: 'legacy', name: '旧服务' })).json();
    const resource = (await admin.post('/api/resources', { divisionId: t.fixture.divisions.huaxin.id, kind: 'team', name: '旧服务队', serviceKindIds: [created.id] })).json();
    const archived = await admin.post(`/api/service-kinds/${created.id}/archive`, { version: created.version });
    expect(archived.json()).toMatchObject({ archived: true });
    expect((await kinds(admin)).map((kind) => kind.code)).not.toContain('legacy');
    expect((await kinds(admin, '?archived=true')).map((kind) => kind.code)).toEqual(['legacy']);
    expect((await admin.get(`/api/resources/${resource.id}`)).json().services.map((s: { code: string }) => s.code)).toEqual(['legacy']);
    const chosen = await admin.post('/api/resources', { divisionId: t.fixture.divisions.huaxin.id, kind: 'team', name: '新服务队', serviceKindIds: [created.id] });
    expect(chosen.statusCode).toBe(400);
    // A resource that already offers it may keep it while its other fields change.
    const kept = await admin.patch(`/api/resources/${resource.id}`, { serviceKindIds: [created.id], description: '仍在服务', version: resource.version });
    expect(kept.statusCode).toBe(200);
    expect((await admin.patch(`/api/service-kinds/${created.id}`, { name: 'x', version: archived.json().version })).statusCode).toBe(409);
    expect((await admin.post(`/api/service-kinds/${created.id}/unarchive`, { version: archived.json().version })).json().archived).toBe(false);
    expect((await auditRows(t.handle, 'service_kind.archive'))[0]?.entity_id).toBe(String(created.id));
  });

  it('403: only a system admin archives', async () => {
    const [first] = await kinds(admin);
    expect((await qingpuAdmin.post(`/api/service-kinds/${first!.id}/archive`, { version: first!.version })).statusCode).toBe(403);
  });
});
