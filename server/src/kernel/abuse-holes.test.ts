import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePassword } from '../test/fixture.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

/* The smaller holes of issue 13 item 7; each of these failed before its fix. */

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await t?.close();
  await proxied?.close();
});

describe('cross-scope references (kernel/references)', () => {
  const body = (beneficiaryDivisionId: number) => ({ divisionId: t.fixture.divisions.qingpu.id, title: '青浦慈善帮扶', targetFen: 100_000, startDate: '2026-01-01', beneficiaryDivisionId });

  it('403 out_of_scope: a Qingpu administrator cannot name a Jinshan division as beneficiary; nothing written', async () => {
    const qingpu = await t.signIn('qingpu.admin');
    const response = await qingpu.post('/api/campaigns', body(t.fixture.divisions.jinshan.id));
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    const rows = await t.handle.db.selectFrom('campaigns').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  it('400 on the field for an unknown beneficiary division; 201 for one inside the subtree; 403 when an update points outside', async () => {
    const qingpu = await t.signIn('qingpu.admin');
    const unknown = await qingpu.post('/api/campaigns', body(987_654));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.beneficiaryDivisionId');
    const created = await qingpu.post('/api/campaigns', body(t.fixture.divisions.zhaoxiang.id));
    expect(created.statusCode).toBe(201);
    const moved = await qingpu.patch(`/api/campaigns/${created.json().id}`, { version: created.json().version, beneficiaryDivisionId: t.fixture.divisions.anhui.id });
    expect(moved.statusCode).toBe(403);
    expect(moved.json().error.code).toBe('out_of_scope');
  });
});

describe('sessions', () => {
  it('signing in again with a session cookie ends the old session (rotation)', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'huaxin.staff', password: fixturePassword } });
    const old = `tongxin_session=${first.cookies.find((c) => c.name === 'tongxin_session')!.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: old } })).statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { cookie: old }, payload: { username: 'huaxin.staff', password: fixturePassword } });
    expect(again.statusCode).toBe(200);
    const fresh = `tongxin_session=${again.cookies.find((c) => c.name === 'tongxin_session')!.value}`;
    expect(fresh).not.toBe(old);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: old } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: fresh } })).statusCode).toBe(200);
  });
});

describe('CSRF Origin check compares the scheme too', () => {
  const signIn = (app: TestApp, headers: Record<string, string>) =>
    app.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { host: 'tongxin.example.gov.cn', ...headers }, payload: { username: 'qingpu.staff', password: fixturePassword } });

  it('403 csrf_failed for an https page writing to the plain-http server and the reverse; 200 for the same scheme', async () => {
    expect((await signIn(t, { origin: 'http://tongxin.example.gov.cn' })).statusCode).toBe(200);
    const otherScheme = await signIn(t, { origin: 'https://tongxin.example.gov.cn' });
    expect(otherScheme.statusCode).toBe(403);
    expect(otherScheme.json().error.code).toBe('csrf_failed');
  });

  it('behind a trusted proxy the scheme is X-Forwarded-Proto: an http page cannot write to the https site', async () => {
    const plain = await signIn(proxied, { origin: 'http://tongxin.example.gov.cn', 'x-forwarded-proto': 'https' });
    expect(plain.statusCode).toBe(403);
    expect(plain.json().error.code).toBe('csrf_failed');
    expect((await signIn(proxied, { origin: 'https://tongxin.example.gov.cn', 'x-forwarded-proto': 'https' })).statusCode).toBe(200);
  });
});

describe('names are cut by code points', () => {
  it('an article title over 200 characters keeps its last emoji whole (no lone surrogate stored)', async () => {
    const staff = await t.signIn('huaxin.staff');
    const firstLine = `${'字'.repeat(199)}😀尾巴`;
    const response = await staff.post('/api/articles', { text: `${firstLine}\n\n正文第一段。华新镇商会召开会员大会。\n\n正文第二段。` });
    expect(response.statusCode).toBe(201);
    const title = response.json().title as string;
    expect(title).toBe(`${'字'.repeat(199)}😀`);
    expect(title.length).toBe(201);
  });
});
