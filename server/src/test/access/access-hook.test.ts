import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { accessTable } from '../../http/access-table.ts';
import { buildApp } from '../../http/app.ts';
import { admins, anyone, mergeAccessTables, pub } from '../../kernel/access.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { fixturePassword } from '../fixture.ts';

/*
 * The access hook (server/src/kernel/access.ts) enforces each route's declaration by itself: a
 * declaration stricter than the service is what the caller meets, and a route nobody declared
 * cannot even be registered.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

async function signedInGet(app: FastifyInstance, username: string, url: string) {
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: fixturePassword } });
  expect(signIn.statusCode).toBe(200);
  const cookie = signIn.cookies.find((c) => c.name === 'tongxin_session')!;
  return app.inject({ method: 'GET', url, headers: { cookie: `tongxin_session=${cookie.value}`, 'accept-language': 'en' } });
}

describe('the access hook', () => {
  it('refuses a role the declaration leaves out, though the service would have answered', async () => {
    // As declared today (any signed-in user), the organisations list answers staff.
    const open = await signedInGet(t.app, 'qingpu.staff', '/api/organisations');
    expect(open.statusCode).toBe(200);
    // Declared for administrators only, the same call by the same user is refused before the handler.
    const strict = await buildApp({ handle: t.handle, config: t.config, clock: t.clock, logger: false, accessTable: { ...accessTable, 'GET /api/organisations': admins } });
    try {
      const refused = await signedInGet(strict, 'qingpu.staff', '/api/organisations');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'forbidden' });
      const admin = await signedInGet(strict, 'qingpu.admin', '/api/organisations');
      expect(admin.statusCode).toBe(200);
      const anonymous = await strict.inject({ method: 'GET', url: '/api/organisations' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error).toMatchObject({ code: 'unauthenticated' });
    } finally {
      await strict.close();
    }
  });

  it('a declaration that makes a route public lets a caller in without a session, and vice versa', async () => {
    const declaredPublic = await buildApp({ handle: t.handle, config: t.config, clock: t.clock, logger: false, accessTable: { ...accessTable, 'GET /api/test-open': pub, 'GET /api/test-closed': anyone } });
    try {
      declaredPublic.get('/api/test-open', async () => ({ ok: true }));
      declaredPublic.get('/api/test-closed', async () => ({ ok: true }));
      expect((await declaredPublic.inject({ method: 'GET', url: '/api/test-open' })).statusCode).toBe(200);
      expect((await declaredPublic.inject({ method: 'GET', url: '/api/test-closed' })).statusCode).toBe(401);
    } finally {
      await declaredPublic.close();
    }
  });

  it('buildApp throws on a module route without a declaration, naming it', async () => {
    const { ['GET /api/organisations']: _left, ...partial } = accessTable;
    await expect(buildApp({ handle: t.handle, config: t.config, clock: t.clock, logger: false, accessTable: partial })).rejects.toThrow('route GET /api/organisations has no access declaration');
  });

  it('a route whose own config.access disagrees with its declaration is refused at registration', async () => {
    const app = await buildApp({ handle: t.handle, config: t.config, clock: t.clock, logger: false, accessTable: { ...accessTable, 'GET /api/test-mixed': anyone } });
    try {
      expect(() => app.get('/api/test-mixed', { config: { access: 'public' } }, async () => ({ ok: true }))).toThrow("says access 'public' but is declared 'signed-in'");
    } finally {
      await app.close();
    }
  });

  it('merging module tables fails loudly on a route declared twice', () => {
    expect(() => mergeAccessTables({ 'GET /api/x': anyone }, { 'GET /api/x': admins })).toThrow('access declared twice for GET /api/x');
    expect(Object.keys(mergeAccessTables({ 'GET /api/x': anyone }, { 'GET /api/y': admins }))).toEqual(['GET /api/x', 'GET /api/y']);
  });
});
