import type { DatabaseHandle } from '../../db/database.ts';
import { runDueReminders } from './reminders.ts';

/**
 * Run the reminder job every `intervalMs` (one minute) while the server is up. Runs never overlap
 * on one instance; across instances the job's claims keep every reminder single. Returns a stop
 * function for shutdown. The timer does not keep the process alive on its own.
 *
 * @example
 * const stop = startReminderTimer(handle, (line) => console.log(line));
 */
export function startReminderTimer(handle: DatabaseHandle, log: (line: string) => void, intervalMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runDueReminders(handle.db, new Date());
      if (run.reminders || run.escalations) log(`reminders: ${run.reminders} sent, ${run.escalations} escalated`);
    } catch (error) {
      log(`reminders failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
