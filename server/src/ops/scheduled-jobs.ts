import type { DatabaseHandle } from '../db/database.ts';
import { finishLease, instanceId, takeLease } from './job-lease.ts';

export interface ScheduledJob {
  name: string;
  /** How often the job runs across all instances. */
  everyMs: number;
  run(handle: DatabaseHandle, now: Date): Promise<string | null>;
}

/**
 * Run each job on a timer, but only on the instance that takes its lease (see takeLease), so several
 * server processes on one database run every job once per interval. A tick comes every
 * `tickMs` (default 15 s): a job whose holder died is picked up by another instance within
 * its interval plus one tick. The lease is a little shorter than the interval so the same instance's
 * next tick finds it free. Runs never overlap on one instance. Returns a stop function.
 *
 * @example
 * const stop = startScheduledJobs(handle, [remindersJob], (line) => console.log(line));
 */
export function startScheduledJobs(handle: DatabaseHandle, jobs: ScheduledJob[], log: (line: string) => void, tickMs = 15_000): () => void {
  const running = new Set<string>();
  const tick = async () => {
    for (const job of jobs) {
      if (running.has(job.name)) continue;
      running.add(job.name);
      try {
        const now = new Date();
        if (!(await takeLease(handle.db, job.name, instanceId, now, Math.max(1_000, job.everyMs - tickMs / 2)))) continue;
        const line = await job.run(handle, now);
        await finishLease(handle.db, job.name, instanceId, new Date());
        if (line) log(`${job.name}: ${line}`);
      } catch (error) {
        log(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running.delete(job.name);
      }
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
