import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { fixturePassword } from '../../test/fixture.ts';
import { isCommonPassword } from './breached-passwords.ts';

let t: TestApp;
beforeAll(async () => {
  // The per-window throttle is set high so that only the lockout is at work here.
  t = await createTestApp({ env: { SIGN_IN_LOCK_AFTER_FAILURES: '3', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '100', SIGN_IN_MAX_FAILURES_PER_IP: '1000' } });
});
afterAll(async () => t.close());

const signIn = (username: string, password: string, cookie?: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { username, password }, ...(cookie ? { headers: { cookie } } : {}) });

describe('common (breached) passwords', () => {
  it('recognises listed passwords and listed words with digits or symbols around them', () => {
    for (const password of ['Qwerty123456', 'password2026!', '2026woaini', 'Woaini5201314', 'P@ssw0rd123', '1q2w3e4r5t']) expect(isCommonPassword(password), password).toBe(true);
    for (const password of [fixturePassword, 'Welcome2026x', 'BrandNew2026', 'huang-shan-9-river']) expect(isCommonPassword(password), password).toBe(false);
  });

  it('refuses a common password when creating a user or resetting one — 400 on body.password, nothing written', async () => {
    const admin = await t.signIn('admin');
    const users = await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const created = await admin.post('/api/users', { username: 'common.pw', displayName: '常见', divisionId: t.fixture.divisions.huaxin.id, roles: ['staff'], password: 'Password2026!' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields).toEqual([{ path: 'body.password', message: expect.stringContaining('常见') }]);
    const after = await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(users.n));

    const reset = await admin.post(`/api/users/${t.fixture.users.huaxinStaff.id}/password`, { password: 'qwertyuiop123' }, { 'accept-language': 'en' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.fields[0]).toEqual({ path: 'body.password', message: expect.stringContaining('common') });
  });
});

describe('account lockout', () => {
  it('locks an account after repeated failures within a day from addresses it never signed in from; the right password from there then gets 403 account_locked', async () => {
    const username = 'zhaoxiang.staff';
    expect((await signIn(username, 'wrong-password-1')).statusCode).toBe(401);
    // A failure more than a day old no longer counts.
    t.clock.advance(25 * 60 * 60_000);
    expect((await signIn(username, 'wrong-password-2')).statusCode).toBe(401);
    expect((await signIn(username, 'wrong-password-3')).statusCode).toBe(401);
    expect((await signIn(username, fixturePassword)).statusCode).toBe(200);
    // 127.0.0.1 is now known to the account: failures from there never lock it.
    for (const n of [4, 5, 6]) expect((await signIn(username, `wrong-password-${n}`)).statusCode).toBe(401);
    expect((await signIn(username, fixturePassword)).statusCode).toBe(200);
    // The success cleared the count; three fresh failures from an unknown address lock it.
    for (const n of [4, 5, 6]) expect((await signIn(username, `wrong-password-${n}`, undefined, '10.66.0.1')).statusCode).toBe(401);
    const locked = await signIn(username, fixturePassword, undefined, '10.66.0.2');
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error.code).toBe('account_locked');
    // A wrong guess at a locked account reads like any other wrong guess.
    expect((await signIn(username, 'wrong-password-7', undefined, '10.66.0.2')).json().error.code).toBe('invalid_credentials');
    // The owner, from an address the account has signed in from before, is not locked out.
    expect((await signIn(username, fixturePassword)).statusCode).toBe(200);
    const audit = await auditRows(t.handle, 'auth.account_locked');
    expect(audit).toHaveLength(1);
    expect(String(audit[0]!.entity_id)).toBe(String(t.fixture.users.zhaoxiangStaff.id));
  });

  it('an administrator of the subtree unlocks it (200, audited); staff get 403, another subtree 403 out_of_scope', async () => {
    const id = t.fixture.users.zhaoxiangStaff.id;
    const qingpuAdmin = await t.signIn('qingpu.admin');
    const detail = await qingpuAdmin.get(`/api/users/${id}`);
    expect(detail.json().lockedAt).toBeTruthy();

    expect((await (await t.signIn('qingpu.staff')).post(`/api/users/${id}/unlock`)).statusCode).toBe(403);
    const other = await (await t.signIn('jinshan.admin')).post(`/api/users/${id}/unlock`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('out_of_scope');
    expect((await t.anonymous().post(`/api/users/${id}/unlock`)).statusCode).toBe(401);
    expect((await qingpuAdmin.post('/api/users/987654/unlock')).statusCode).toBe(404);

    const unlocked = await qingpuAdmin.post(`/api/users/${id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedAt).toBeNull();
    expect(await auditRows(t.handle, 'user.unlock')).toHaveLength(1);
    expect((await signIn('zhaoxiang.staff', fixturePassword)).statusCode).toBe(200);
    // Unlocking an account that is not locked is a 409.
    expect((await qingpuAdmin.post(`/api/users/${id}/unlock`)).statusCode).toBe(409);
  });

  it('a session id planted before sign-in is never adopted (new id at sign-in)', async () => {
    const planted = 'attacker-chosen-session-id';
    const response = await signIn('huaxin.staff', fixturePassword, `tongxin_session=${planted}`);
    expect(response.statusCode).toBe(200);
    const issued = response.cookies.find((c) => c.name === 'tongxin_session')!.value;
    expect(issued).not.toBe(planted);
    expect(issued.length).toBeGreaterThanOrEqual(40);
  });
});
