import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { fixturePassword, loadFixture } from '../test/fixture.ts';
import { openTestDatabase } from '../test/test-db.ts';
import { buildApp } from './app.ts';
import { maskPhonesInText } from './logging.ts';

let handle: DatabaseHandle;
const lines: string[] = [];
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  await loadFixture(handle.db);
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  app = await buildApp({ handle, config: loadConfig({ DATA_DIR: 'data', LOG_LEVEL: 'info' }), logStream: stream });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('operations', () => {
  it('GET /api/health 200 without a session; GET /api/ready 200 when the database answers and migrations are current', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ ok: true });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ok: true, database: 'ok', pendingMigrations: [] });
  });

  it('logs are JSON lines with the request id, and hold no cookie, CSRF token, password or phone number', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'huaxin.staff', password: fixturePassword } });
    const token = signIn.cookies.find((c) => c.name === 'tongxin_session')!.value;
    const csrf = signIn.json().csrfToken as string;
    const search = await app.inject({ method: 'GET', url: '/api/people?q=13900001234&page=1', headers: { cookie: `tongxin_session=${token}`, 'x-csrf-token': csrf, authorization: 'Bearer secret-bearer' } });
    await app.inject({ method: 'POST', url: '/api/people', payload: { phone: '021-59790000', password: 'x' }, headers: { cookie: `tongxin_session=${token}`, 'x-csrf-token': csrf } });
    const requestId = search.headers['x-request-id'] as string;

    const parsed = lines.map((line) => JSON.parse(line) as { reqId?: string; req?: { url?: string } });
    const ofSearch = parsed.filter((entry) => entry.reqId === requestId);
    expect(ofSearch.length).toBeGreaterThanOrEqual(2); // "incoming request" and "request completed"
    expect(ofSearch.find((entry) => entry.req)?.req?.url).toBe('/api/people?q=139****1234&page=1');
    const all = lines.join('\n');
    for (const secret of [token, csrf, fixturePassword, '13900001234', '59790000', 'secret-bearer']) expect(all).not.toContain(secret);
  });

  it('masks mobile and landline numbers in free text', () => {
    expect(maskPhonesInText('call 13812345678 or 021-59790000, not 2026112512345678901')).toBe('call 138****5678 or 021-****0000, not 2026112512345678901');
  });

  it('a bad setting stops the start with one line per variable', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SESSION_IDLE_MINUTES: '1', DATABASE_URL: 'mysql://x', SIGN_IN_LOCK_AFTER_FAILURES: '1' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:/);
    for (const name of ['PORT', 'LOG_LEVEL', 'SESSION_IDLE_MINUTES', 'DATABASE_URL', 'SIGN_IN_LOCK_AFTER_FAILURES']) expect(message).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
  });

  it('GET /api/ready 503 naming the migration when one is not applied', async () => {
    const [last] = await handle.db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never, 'desc').limit(1).execute() as Array<{ name: string }>;
    await handle.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', last!.name as never).execute();
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().pendingMigrations).toEqual([last!.name]);
  });
});
