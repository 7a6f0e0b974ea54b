import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';

/** Who this process is, in lease rows and logs: host pid and a random suffix (pids repeat across machines). */
export const instanceId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

/**
 * Take the lease of job `name` until `now + leaseMs` when nobody holds it (or their lease ran out).
 * One conditional UPDATE decides: on PostgreSQL it row-locks, on SQLite the write lock serialises it,
 * so of several instances asking at once exactly one gets `true`. The lease is not given back at the
 * end of a run: it also spaces the runs, so a job with a one-minute lease runs once a minute across
 * all instances. A crashed holder's lease simply runs out.
 *
 * @example
 * if (await takeLease(db, 'reminders', instanceId, new Date(), 55_000)) await runDueReminders(db, new Date());
 */
export async function takeLease(db: Db, name: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const at = now.toISOString();
  await db.insertInto('job_leases').values({ name, holder: null, until: new Date(0).toISOString(), runs: 0 }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const result = await db
    .updateTable('job_leases')
    .set((eb) => ({ holder, until: new Date(now.getTime() + leaseMs).toISOString(), last_started_at: at, runs: eb('runs', '+', 1) }))
    .where('name', '=', name)
    .where('until', '<=', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Note the end of a run (for the operator: `select * from job_leases`). */
export async function finishLease(db: Db, name: string, holder: string, now: Date): Promise<void> {
  await db.updateTable('job_leases').set({ last_finished_at: now.toISOString() }).where('name', '=', name).where('holder', '=', holder).execute();
}
