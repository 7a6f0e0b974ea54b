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

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 8)}`,
  displayName: '王小明',
  divisionId: t.fixture.divisions.huaxin.id,
  roles: ['staff'],
  phone: '13900001111',
  password: 'Welcome2026x',
  ...overrides,
});

describe('GET /api/users', () => {
  it('200: a district admin sees the users of the district only, phones masked', async () => {
    const response = await qingpuAdmin.get('/api/users?pageSize=100');
    expect(response.statusCode).toBe(200);
    const usernames = response.json().items.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['qingpu.admin', 'qingpu.staff', 'huaxin.staff', 'zhaoxiang.staff']));
    expect(usernames).not.toContain('jinshan.admin');
    expect(usernames).not.toContain('admin');
    expect(response.json().items[0].phone).toBe('138****5678');
  });

  it('403 out_of_scope: a division filter outside the scope, as on every other list; 400 for an unknown division', async () => {
    const response = await qingpuAdmin.get(`/api/users?divisionId=${t.fixture.divisions.jinshan.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    const unknown = await qingpuAdmin.get('/api/users?divisionId=987654');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('query.divisionId');
  });

  it('200: filters by text and role', async () => {
    const response = await admin.get('/api/users?q=ADMIN&role=division_admin');
    expect(response.json().items.map((u: { username: string }) => u.username).sort()).toEqual(['jinshan.admin', 'qingpu.admin']);
  });

  it('403: staff cannot list users', async () => {
    expect((await huaxinStaff.get('/api/users')).statusCode).toBe(403);
  });
});

describe('GET /api/users/:id', () => {
  it('200: anyone reads their own record', async () => {
    const response = await huaxinStaff.get(`/api/users/${t.fixture.users.huaxinStaff.id}`);
    expect(response.statusCode).toBe(200);
  });
  it('403: out of scope; 404: unknown', async () => {
    expect((await qingpuAdmin.get(`/api/users/${t.fixture.users.jinshanAdmin.id}`)).statusCode).toBe(403);
    expect((await qingpuAdmin.get(`/api/users/${t.fixture.users.admin.id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/users/987654')).statusCode).toBe(404);
  });
});

describe('POST /api/users', () => {
  it('201: a district admin creates a user in a town of the district, audited, and the user can sign in', async () => {
    const body = newUser();
    const response = await qingpuAdmin.post('/api/users', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ username: body.username, divisionName: '华新镇', roles: ['staff'], disabled: false });
    expect(response.json()).not.toHaveProperty('passwordHash');
    const [row] = await auditRows(t.handle, 'user.create');
    expect(row).toMatchObject({ entity_id: String(response.json().id), division_id: t.fixture.divisions.huaxin.id });
    await t.signIn(body.username, body.password);
  });

  it('400: field messages for a weak password, a bad phone, a bad user name and no roles', async () => {
    const response = await admin.post('/api/users', newUser({ password: 'short', phone: '12', username: '王 五', roles: [] }), { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(response.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toMatchObject({
      'body.password': 'At least 10 characters',
      'body.phone': 'Not a valid phone number',
      'body.username': 'Letters, digits, dots, dashes and underscores only',
      'body.roles': 'Choose at least 1',
    });
  });

  it('400: a division admin cannot grant the system admin role', async () => {
    const response = await qingpuAdmin.post('/api/users', newUser({ roles: ['system_admin'] }), { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toEqual({ path: 'body.roles', message: '您不能授予“系统管理员”角色' });
  });

  it('400: only a whole-tree system admin may be without a division', async () => {
    const response = await admin.post('/api/users', newUser({ divisionId: null, roles: ['staff'] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.divisionId');
  });

  it('403: a district admin cannot create a user in another district', async () => {
    const response = await qingpuAdmin.post('/api/users', newUser({ divisionId: t.fixture.divisions.jinshan.id }));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('409: user names are unique whatever their case', async () => {
    const response = await admin.post('/api/users', newUser({ username: 'Huaxin.Staff' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('duplicate');
  });

  it('writes nothing when the request fails half-way', async () => {
    const before = await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await admin.post('/api/users', newUser({ divisionId: 31337 }));
    const after = await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('PATCH /api/users/:id', () => {
  it('200: disabling a user ends all their sessions at once', async () => {
    const body = newUser();
    const created = (await qingpuAdmin.post('/api/users', body)).json();
    const victim = await t.signIn(body.username, body.password);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const response = await qingpuAdmin.patch(`/api/users/${created.id}`, { disabled: true, version: created.version });
    expect(response.statusCode).toBe(200);
    expect(response.json().disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const signInAgain = await t.anonymous().post('/api/auth/sign-in', { username: body.username, password: body.password });
    expect(signInAgain.statusCode).toBe(403);
    expect(signInAgain.json().error.code).toBe('account_disabled');
    expect((await auditRows(t.handle, 'user.disable'))[0]?.entity_id).toBe(String(created.id));
  });

  it('400: an admin cannot disable their own account', async () => {
    const me = (await qingpuAdmin.get(`/api/users/${t.fixture.users.qingpuAdmin.id}`)).json();
    const response = await qingpuAdmin.patch(`/api/users/${me.id}`, { disabled: true, version: me.version });
    expect(response.statusCode).toBe(400);
  });

  it('409: a stale version', async () => {
    const created = (await admin.post('/api/users', newUser())).json();
    expect((await admin.patch(`/api/users/${created.id}`, { displayName: '甲', version: created.version })).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${created.id}`, { displayName: '乙', version: created.version })).statusCode).toBe(409);
  });

  it('403: a district admin cannot move a user out of the district', async () => {
    const created = (await qingpuAdmin.post('/api/users', newUser())).json();
    const response = await qingpuAdmin.patch(`/api/users/${created.id}`, { divisionId: t.fixture.divisions.jinshan.id, version: created.version });
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /api/users/:id/password', () => {
  it('204: resets the password, ends the sessions, and the new password works', async () => {
    const body = newUser();
    const created = (await admin.post('/api/users', body)).json();
    const session = await t.signIn(body.username, body.password);
    const response = await admin.post(`/api/users/${created.id}/password`, { password: 'BrandNew2026' });
    expect(response.statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    await t.signIn(body.username, 'BrandNew2026');
    expect((await auditRows(t.handle, 'user.reset_password'))[0]?.entity_id).toBe(String(created.id));
  });

  it('403: staff cannot reset passwords; 400: a weak password', async () => {
    expect((await huaxinStaff.post(`/api/users/${t.fixture.users.zhaoxiangStaff.id}/password`, { password: 'BrandNew2026' })).statusCode).toBe(403);
    expect((await admin.post(`/api/users/${t.fixture.users.zhaoxiangStaff.id}/password`, { password: 'abcdefghijk' })).statusCode).toBe(400);
  });
});
