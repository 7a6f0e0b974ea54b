import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { buildApp } from './app.ts';
import { accessTable } from './access-table.ts';
import { pub } from '../kernel/access.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('HTTP platform', () => {
  it('sends security headers and no-store on the API', async () => {
    const response = await t.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('404: an unknown API path answers JSON in the caller language', async () => {
    const response = await t.anonymous().get('/api/no-such-thing', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'not_found', message: 'Record not found' });
  });

  it('serves the OpenAPI description publicly, listing every module route', async () => {
    const response = await t.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/divisions', '/api/divisions/{id}', '/api/users', '/api/audit']));
    expect(response.json().openapi).toMatch(/^3\./);
  });

  it('500: an unexpected error answers a reference number, never a stack trace', async () => {
    const app = await buildApp({ handle: t.handle, config: t.config, clock: t.clock, logger: false, accessTable: { ...accessTable, 'GET /api/test-boom': pub } });
    app.get('/api/test-boom', async () => {
      throw new Error('secret internal detail at /srv/app.ts:12');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test-boom', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret internal detail');
    expect(response.json().error.message).toContain(response.json().requestId);
    await app.close();
  });

  it('415: a write with a content type the API does not take', async () => {
    const response = await t.anonymous().request({ method: 'POST', url: '/api/auth/sign-in', payload: 'username=a', headers: { 'content-type': 'text/plain' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });
});

describe('configuration', () => {
  it('names each bad setting when it refuses to start', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*COOKIE_SECURE/);
  });
  it('reads a PostgreSQL URL and an explicit SQLite file', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/db' }).databaseUrl).toBe('postgres://u:p@localhost/db');
    const sqlite = loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' });
    expect(sqlite.databaseUrl).toBeUndefined();
    expect(sqlite.sqliteFile).toBe('/tmp/x.db');
  });
});

describe('validation messages', () => {
  it('400: a missing choice field reads "Required", an unknown one "Not an allowed value"', async () => {
    const admin = await t.signIn('admin');
    const missing = await admin.post('/api/divisions', { parentId: t.fixture.divisions.huaxin.id, name: '某村' }, { 'accept-language': 'en' });
    expect(missing.json().error.fields).toEqual([{ path: 'body.level', message: 'Required' }]);
    const unknown = await admin.post('/api/divisions', { parentId: t.fixture.divisions.huaxin.id, name: '某村', level: 'hamlet' }, { 'accept-language': 'en' });
    expect(unknown.json().error.fields).toEqual([{ path: 'body.level', message: 'Not an allowed value' }]);
  });
});
