import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { buildApp } from '../http/app.ts';
import type { Clock } from '../http/context.ts';
import { fixturePassword, loadFixture, type Fixture } from './fixture.ts';
import { openTestDatabase } from './test-db.ts';

/** A clock the test moves by hand. */
export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-11-25T02:00:00.000Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  fixture: Fixture;
  clock: TestClock;
  config: Config;
  /** Sign in through the API and get a client that sends the cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<TestClient>;
  /** A client with no session. */
  anonymous(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  cookie: string | null;
  csrfToken: string | null;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie: string | null, csrfToken: string | null, ip = '127.0.0.1'): TestClient {
  const request = (options: InjectOptions) =>
    app.inject({
      remoteAddress: ip,
      ...options,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && options.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(options.headers ?? {}),
      },
    });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown, headers?: Record<string, string>) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }), ...(headers ? { headers } : {}) });
  return {
    cookie,
    csrfToken,
    request,
    get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url, headers) => request({ method: 'DELETE', url, ...(headers ? { headers } : {}) }),
  };
}

/**
 * A real app on a real, fresh database with the small fixture loaded. One per test file
 * (`beforeAll`), closed in `afterAll`.
 */
export async function createTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const handle = await openTestDatabase();
  const fixture = await loadFixture(handle.db);
  const clock = testClock();
  const config = loadConfig({ DATA_DIR: 'data', LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({ handle, config, clock, logger: false });
  await app.ready();
  return {
    app,
    handle,
    fixture,
    clock,
    config,
    anonymous: () => client(app, null, null),
    async signIn(username, password = fixturePassword) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'tongxin_session');
      return client(app, `tongxin_session=${cookie!.value}`, (response.json() as { csrfToken: string }).csrfToken);
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** Audit rows of one action, newest first, straight from the table (not through the API under test). */
export async function auditRows(handle: DatabaseHandle, action: string) {
  return handle.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').execute();
}
