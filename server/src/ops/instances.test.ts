import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { fixturePassword, loadFixture, type Fixture } from '../test/fixture.ts';
import { testDialect, testPgUrl } from '../test/test-db.ts';
import { call, scratchPgDatabase, sessionOn, signInOver, startServer, type ServerProcess } from './server-process.ts';

/*
 * Two real server processes on two ports, one PostgreSQL database: sessions, CSRF tokens, sign-in
 * throttles and the reminder job live in the database, so it does not matter which instance a
 * request reaches, and a due reminder is sent once.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-instances-'));
let database: Awaited<ReturnType<typeof scratchPgDatabase>>;
let handle: DatabaseHandle;
let fixture: Fixture;
let a: ServerProcess;
let b: ServerProcess;

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 90_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

describe.skipIf(testDialect !== 'postgres')('several instances on one PostgreSQL', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    database = await scratchPgDatabase(testPgUrl, 'instances');
    handle = await openDatabase({ databaseUrl: database.url });
    await migrateToLatest(handle);
    fixture = await loadFixture(handle.db);
    // A need whose wanted-by date has passed: the reminder job escalates it to the office, once.
    const at = new Date().toISOString();
    await handle.db
      .insertInto('needs')
      .values({ division_id: fixture.divisions.huaxin.id, office_division_id: fixture.divisions.huaxin.id, title: '助老服务', description: null, wanted_by: '2026-01-05', state: 'open', published_at: at, channel: 'office', ticket_no: null, claimant_organisation_id: null, claimed_at: null, fulfilled_at: null, confirmed_at: null, submitter_name: null, submitter_phone: null, created_by: null, created_at: at, updated_at: at })
      .execute();
    const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, JOB_TICK_SECONDS: '1', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '4' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('200: a session made on one instance works on the other, writes with its CSRF token too; signing out on one ends it on both', async () => {
    const onA = await signInOver(a.url, 'huaxin.staff', fixturePassword);
    const onB = sessionOn(onA, b.url);
    const me = await onB.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect((me.json as { username: string; csrfToken: string }).username).toBe('huaxin.staff');
    expect((me.json as { csrfToken: string }).csrfToken).toBe(onA.csrfToken);
    expect((await onB.request('PUT', '/api/auth/locale', { locale: 'en' })).status).toBe(204);
    expect((await onA.request('GET', '/api/auth/me')).json).toMatchObject({ locale: 'en' });
    expect((await onB.request('POST', '/api/auth/sign-out')).status).toBe(204);
    expect((await onA.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('429: the sign-in throttle counts failures made on both instances', async () => {
    const wrong = { username: 'zhaoxiang.staff', password: 'not-the-password' };
    for (const base of [a.url, b.url, a.url, b.url]) expect((await call(base, 'POST', '/api/auth/sign-in', wrong)).status).toBe(401);
    // Four failures (two per instance) reach the limit of four: even the right password waits now.
    const right = { username: 'zhaoxiang.staff', password: fixturePassword };
    expect((await call(a.url, 'POST', '/api/auth/sign-in', right)).status).toBe(429);
    expect((await call(b.url, 'POST', '/api/auth/sign-in', right)).status).toBe(429);
  });

  it('a due reminder is sent once: one instance holds the job lease per minute, one claim, one audit entry', async () => {
    const claims = () => handle.db.selectFrom('reminder_claims').selectAll().execute();
    await until('the reminder job to run', async () => (await claims()).length > 0);
    // Both instances look for due jobs every second; give each several more chances to run it again.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await claims()).map((c) => [c.entity, c.kind])).toEqual([['need', 'escalation']]);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('action', '=', 'need.escalate').execute();
    expect(audit).toHaveLength(1);
    const lease = await handle.db.selectFrom('job_leases').selectAll().where('name', '=', 'reminders').executeTakeFirstOrThrow();
    expect(lease.runs).toBe(1);
    expect(lease.until > new Date().toISOString()).toBe(true);
  });
});
