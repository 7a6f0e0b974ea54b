import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

/*
 * Issue 20, "reads that never block": a heavy read must not stall other requests. These tests
 * assert the order in which things finish, never durations: the heavy read is made long enough
 * (seconds of CPU) that a health check and a small write finish first whenever they are not
 * queued behind it.
 */

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn('huaxin.staff');
});
afterAll(async () => t.close());

/** A read that takes seconds (of CPU on SQLite) and touches no table. */
function heavyRead(db: TestApp['handle']['db']) {
  const query =
    t.handle.dialect === 'postgres'
      ? // PostgreSQL's pool already reads concurrently; a sleeping query holds one connection as long.
        sql<{ n: number }>`select 4000000 as n from pg_sleep(3)`
      : sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < 4000000) select count(*) as n from c`;
  return query.execute(db).then((result) => Number(result.rows[0]!.n));
}

let counter = 0;
function smallWrite() {
  counter += 1;
  return staff.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: `读池测试${counter}`, type: 'enterprise' });
}

describe('heavy reads on readDb', () => {
  it('a heavy read in the read pool does not stall /api/health or a small write: both finish before it', async () => {
    const finished: string[] = [];
    const heavy = heavyRead(t.handle.readDb).then((n) => {
      finished.push('heavy');
      return n;
    });
    const health = t.anonymous().get('/api/health').then((response) => {
      finished.push('health');
      return response.statusCode;
    });
    const write = smallWrite().then((response) => {
      finished.push('write');
      return response.statusCode;
    });
    expect(await health).toBe(200);
    expect(await write).toBe(201);
    // The heavy read was still running when both answered.
    expect(finished).not.toContain('heavy');
    expect(await heavy).toBe(4_000_000);
    expect(finished).toEqual(expect.arrayContaining(['health', 'write']));
    expect(finished[2]).toBe('heavy');
  }, 60_000);

  it.runIf(process.env.TEST_DB !== 'postgres')('on the main SQLite connection the same read stalls them (why the pool exists)', async () => {
    const finished: string[] = [];
    const heavy = heavyRead(t.handle.db).then(() => finished.push('heavy'));
    const health = t.anonymous().get('/api/health').then(() => finished.push('health'));
    await Promise.all([heavy, health]);
    expect(finished).toEqual(['heavy', 'health']);
  }, 60_000);
});

describe.runIf(process.env.TEST_DB !== 'postgres')('the SQLite read pool', () => {
  it('serves the organisations list and sees a write committed just before it', async () => {
    const before = t.handle.readPoolStats!().reads;
    const created = await smallWrite();
    expect(created.statusCode).toBe(201);
    const name = (created.json() as { name: string }).name;
    const list = await staff.get(`/api/organisations?q=${encodeURIComponent(name)}`);
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: Array<{ name: string }>; total: number };
    expect(body.items.map((item) => item.name)).toEqual([name]);
    expect(body.total).toBe(1);
    // The page, its count and its rows were read in the pool.
    expect(t.handle.readPoolStats!().reads - before).toBeGreaterThanOrEqual(2);
  });

  it('refuses writes and transactions: they belong on the main connection', async () => {
    const insert = t.handle.readDb.insertInto('app_facts').values({ name: 'read-pool', value: 'y', updated_at: '2026-12-07T00:00:00.000Z' }).execute();
    await expect(insert).rejects.toMatchObject({ code: 'READ_POOL_NOT_A_READ' });
    await expect(t.handle.readDb.transaction().execute(async () => 1)).rejects.toThrow(/main connection/);
    expect(await t.handle.db.selectFrom('app_facts').select('name').where('name', '=', 'read-pool').execute()).toEqual([]);
  });

  it('reports a bad query as an error of that query and keeps serving', async () => {
    await expect(sql`select * from no_such_table`.execute(t.handle.readDb)).rejects.toThrow(/no such table/);
    const rows = await sql<{ one: number }>`select 1 as one`.execute(t.handle.readDb);
    expect(rows.rows).toEqual([{ one: 1 }]);
  });
});
