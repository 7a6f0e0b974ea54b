import type { ScheduledJob } from '../../ops/scheduled-jobs.ts';
import { notifyBehindRules } from './coverage.service.ts';

/** Coverage rules behind near their deadline notify their office, hourly (one notice per rule per Beijing day). */
export const coverageReminderJob: ScheduledJob = {
  name: 'coverage-reminders',
  everyMs: 60 * 60_000,
  async run(handle, now) {
    const notified = await notifyBehindRules(handle.db, now);
    return notified ? `${notified} coverage rules behind: offices notified` : null;
  },
};
