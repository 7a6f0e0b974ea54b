import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase, testDialect } from '../test/test-db.ts';
import { takeLease } from './job-lease.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle.close());

describe(`job leases (${testDialect})`, () => {
  it('of many instances asking at once exactly one gets the lease; nobody until it runs out; then one again', async () => {
    const now = new Date('2026-11-25T02:00:00.000Z');
    const first = await Promise.all(Array.from({ length: 8 }, (_, i) => takeLease(handle.db, 'reminders', `instance-${i}`, now, 55_000)));
    expect(first.filter(Boolean)).toHaveLength(1);
    const later = new Date(now.getTime() + 30_000);
    expect(await takeLease(handle.db, 'reminders', 'instance-9', later, 55_000)).toBe(false);
    const after = new Date(now.getTime() + 55_000);
    const second = await Promise.all(Array.from({ length: 8 }, (_, i) => takeLease(handle.db, 'reminders', `instance-${i}`, after, 55_000)));
    expect(second.filter(Boolean)).toHaveLength(1);
    const row = await handle.db.selectFrom('job_leases').selectAll().where('name', '=', 'reminders').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ runs: 2, until: new Date(after.getTime() + 55_000).toISOString(), last_started_at: after.toISOString() });
  });

  it('leases of different jobs are independent', async () => {
    const now = new Date('2026-11-25T03:00:00.000Z');
    expect(await takeLease(handle.db, 'backup', 'a', now, 3_600_000)).toBe(true);
    expect(await takeLease(handle.db, 'other', 'a', now, 60_000)).toBe(true);
    expect(await takeLease(handle.db, 'backup', 'b', now, 3_600_000)).toBe(false);
  });
});
