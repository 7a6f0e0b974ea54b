import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { fixturePassword } from '../../test/fixture.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('POST /api/auth/sign-in', () => {
  it('200: signs in, sets an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'huaxin.staff', password: fixturePassword } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tongxin_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    const rows = await auditRows(t.handle, 'auth.sign_in');
    expect(rows[0]?.actor_id).toBe(t.fixture.users.huaxinStaff.id);
  });

  it('200: the user name is not case-sensitive', async () => {
    const response = await t.anonymous().post('/api/auth/sign-in', { username: 'HuaXin.Staff', password: fixturePassword });
    expect(response.statusCode).toBe(200);
  });

  it('401: a wrong password gets one clear message in the caller language, and is audited', async () => {
    const response = await t.anonymous().post('/api/auth/sign-in', { username: 'zhaoxiang.staff', password: 'wrong-password-1' }, { 'accept-language': 'zh-CN' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码错误' });
    const rows = await auditRows(t.handle, 'auth.sign_in_failed');
    expect(rows[0]).toMatchObject({ actor_name: 'zhaoxiang.staff', entity_id: String(t.fixture.users.zhaoxiangStaff.id) });
  });

  it('401: an unknown user gets the same message as a wrong password', async () => {
    const response = await t.anonymous().post('/api/auth/sign-in', { username: 'nobody', password: 'whatever-123' }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Wrong user name or password');
  });

  it('400: missing fields are named, in the caller language', async () => {
    const response = await t.anonymous().post('/api/auth/sign-in', { username: 'admin' }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'body.password', message: 'Required' }]);
  });

  it('400: a body that is not JSON is a bad request, not a server error', async () => {
    const response = await t.anonymous().request({ method: 'POST', url: '/api/auth/sign-in', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('429: repeated failures on one account are throttled, even with the right password, until the window passes', async () => {
    const anonymous = t.anonymous();
    const max = t.config.signIn.maxFailuresPerAccount;
    for (let i = 0; i < max; i++) {
      const response = await anonymous.post('/api/auth/sign-in', { username: 'jinshan.admin', password: `wrong-${i}-abc` });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await anonymous.post('/api/auth/sign-in', { username: 'jinshan.admin', password: fixturePassword }, { 'accept-language': 'en' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/Too many attempts; try again in \d+ seconds/);
    t.clock.advance((t.config.signIn.windowMinutes + 1) * 60_000);
    const later = await anonymous.post('/api/auth/sign-in', { username: 'jinshan.admin', password: fixturePassword });
    expect(later.statusCode).toBe(200);
  });

  it('429: one address guessing many accounts is throttled per address', async () => {
    const fromOneAddress = (username: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.9.9.9', payload: { username, password } });
    const max = t.config.signIn.maxFailuresPerIp;
    for (let i = 0; i < max; i++) expect((await fromOneAddress(`guess${i}`, 'password123x')).statusCode).toBe(401);
    expect((await fromOneAddress('qingpu.staff', fixturePassword)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await t.anonymous().post('/api/auth/sign-in', { username: 'qingpu.staff', password: fixturePassword })).statusCode).toBe(200);
  });

  it('403: a cross-site form post is refused', async () => {
    const response = await t.anonymous().post('/api/auth/sign-in', { username: 'admin', password: fixturePassword }, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('gives a new session id at every sign-in (no session fixation)', async () => {
    const a = await t.signIn('qingpu.staff');
    const b = await t.signIn('qingpu.staff');
    expect(a.cookie).not.toBe(b.cookie);
  });
});

describe('GET /api/auth/me', () => {
  it('200: tells who is signed in, their division and what the UI may offer', async () => {
    const client = await t.signIn('qingpu.admin');
    const response = await client.get('/api/auth/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: 'qingpu.admin', divisionName: '青浦区', roles: ['division_admin'], can: { manageUsers: true } });
  });

  it('401: without a session', async () => {
    const response = await t.anonymous().get('/api/auth/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('401: a session idle longer than the limit has ended', async () => {
    const client = await t.signIn('huaxin.staff');
    t.clock.advance((t.config.sessionIdleMinutes + 1) * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('survive a server restart: a new app on the same database accepts the cookie', async () => {
    const client = await t.signIn('huaxin.staff');
    const { buildApp } = await import('../../http/app.ts');
    const second = await buildApp({ handle: t.handle, config: t.config, clock: t.clock, logger: false });
    const response = await second.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: client.cookie! } });
    expect(response.statusCode).toBe(200);
    await second.close();
  });

  it('403: a write without the CSRF token is refused, with it succeeds', async () => {
    const client = await t.signIn('huaxin.staff');
    const without = await t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: { cookie: client.cookie! }, payload: { locale: 'en' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const withToken = await client.put('/api/auth/locale', { locale: 'zh-TW' });
    expect(withToken.statusCode).toBe(204);
    // The remembered language is used when the request names none.
    const me = await client.get('/api/auth/me');
    expect(me.json().locale).toBe('zh-TW');
    const error = await client.get('/api/users');
    expect(error.json().error.message).toBe('沒有執行此操作的權限');
  });

  it('204: sign-out ends the session, which then gets 401', async () => {
    const client = await t.signIn('zhaoxiang.staff');
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await auditRows(t.handle, 'auth.sign_out')).length).toBeGreaterThan(0);
  });
});
