import type { Config } from '../config.ts';
import { refreshPlannerStatistics, type DatabaseHandle } from '../db/database.ts';
import { runDueReminders } from '../modules/inbox/reminders.ts';
import { expireOverdueNeeds } from '../modules/needs/needs.expiry.ts';
import { uploadsDir } from '../modules/attachments/attachments.storage.ts';
import { createBackup, pruneBackups, type BackupTarget } from './backup.ts';
import type { ScheduledJob } from './scheduled-jobs.ts';
import { purgeClosedRequestPhones } from '../modules/privacy/phone-retention.ts';
import { releaseStaleImports } from '../modules/imports/imports.service.ts';
import { currentChannels } from '../modules/outbox/channels/channels.ts';
import { runOutbox } from '../modules/outbox/outbox.sender.ts';
import { runMessageReminders } from '../modules/outbox/outbox.reminders.ts';
import { runDeliveryReports } from '../modules/outbox/outbox.reports.ts';
import { finishSentNotices } from '../modules/notices/notices.repo.ts';
import { instanceId } from './job-lease.ts';
import { coverageReminderJob } from '../modules/coverage/coverage.job.ts';

/** What a backup copies for this configuration and open database. */
export function backupTargetOf(config: Config, handle: DatabaseHandle): BackupTarget {
  return {
    dialect: handle.dialect,
    sqliteFile: config.sqliteFile,
    databaseUrl: config.databaseUrl,
    pgSchema: handle.schema,
    uploadsDir: uploadsDir(config),
  };
}

/** Reminders, "about to be overdue" warnings and escalations (催办), once a minute across all instances. */
export function remindersJob(config: Config): ScheduledJob {
  return {
    name: 'reminders',
    everyMs: 60_000,
    async run(handle, now) {
      const run = await runDueReminders(handle.db, now, { dueSoonMinutes: config.messaging.caseDueSoonMinutes });
      return run.reminders || run.escalations || run.dueSoon ? `${run.reminders} sent, ${run.escalations} escalated, ${run.dueSoon} due soon` : null;
    },
  };
}

/** Event reminders the day before and pledge instalments coming due (each once), delivery reports asked for, notices whose messages all went marked sent: once a minute. */
export const messageRemindersJob: ScheduledJob = {
  name: 'message-reminders',
  everyMs: 60_000,
  async run(handle, now) {
    const run = await runMessageReminders(handle.db, now);
    const reports = await runDeliveryReports(handle.db, now, currentChannels());
    const finished = await finishSentNotices(handle.db, now.toISOString());
    const parts = [
      run.events || run.pledges ? `${run.events} event reminders, ${run.pledges} pledge reminders` : '',
      reports.delivered || reports.undelivered ? `${reports.delivered} delivered, ${reports.undelivered} undelivered` : '',
      finished.length ? `${finished.length} notices sent` : '',
    ].filter(Boolean);
    return parts.length ? parts.join(', ') : null;
  },
};

/** Unclaimed needs past their date (plus the grace days) expire, once a minute across all instances. */
export const needExpiryJob: ScheduledJob = {
  name: 'need-expiry',
  everyMs: 60_000,
  async run(handle, now) {
    const expired = await expireOverdueNeeds(handle.db, now);
    return expired.length ? `${expired.length} needs expired` : null;
  },
};

/** Phones of closed public requests past PHONE_RETENTION_MONTHS are erased, hourly, on one instance. */
export function phoneRetentionJob(config: Config): ScheduledJob {
  return {
    name: 'phone-retention',
    everyMs: 60 * 60_000,
    async run(handle, now) {
      const erased = await purgeClosedRequestPhones(handle.db, now, config.phoneRetentionMonths);
      return erased.length ? `${erased.length} phone numbers of closed requests erased` : null;
    },
  };
}

/** The query planner's statistics follow the data as it grows (SQLite; a no-op on PostgreSQL), hourly. */
export const plannerStatisticsJob: ScheduledJob = {
  name: 'planner-statistics',
  everyMs: 60 * 60_000,
  async run(handle) {
    await refreshPlannerStatistics(handle);
    return null;
  },
};

/** A backup every `BACKUP_EVERY_HOURS`, keeping the newest `BACKUP_KEEP`; one instance makes it. */
export function backupJob(config: Config): ScheduledJob {
  return {
    name: 'backup',
    everyMs: config.backup.everyHours * 3_600_000,
    async run(handle, now) {
      const { dir } = await createBackup(backupTargetOf(config, handle), config.backup.dir, now);
      const removed = pruneBackups(config.backup.dir, config.backup.keep);
      return `${dir}${removed.length ? ` (removed ${removed.length} older)` : ''}`;
    },
  };
}

/**
 * Import jobs nobody runs any more (a crash mid-confirm or mid-parse) go back to the user, once a
 * minute across all instances: a confirm silent for 2 minutes → `ready`, a parse silent for 10 → `failed`.
 */
export const importRecoveryJob: ScheduledJob = {
  name: 'import-recovery',
  everyMs: 60_000,
  async run(handle, now) {
    const released = await releaseStaleImports(handle.db, now);
    const parts = [
      released.confirming.length ? `${released.confirming.length} stale confirms given back` : '',
      released.parsing.length ? `${released.parsing.length} stale parses failed` : '',
    ].filter(Boolean);
    return parts.length ? parts.join(', ') : null;
  },
};

/** The outbox: due messages sent through the configured channels, every tick (claims keep each message to one sender). */
export function outboxJob(config: Config): ScheduledJob {
  return {
    name: 'outbox',
    everyMs: 15_000,
    async run(handle, now) {
      const run = await runOutbox(handle.db, now, { channels: currentChannels(), holder: instanceId, maxAttempts: config.messaging.maxAttempts, smsDailyCap: config.messaging.smsDailyCap });
      const busy = Object.entries(run).filter(([, n]) => n > 0);
      return busy.length ? busy.map(([k, n]) => `${n} ${k}`).join(', ') : null;
    },
  };
}

/** The jobs a server runs for this configuration. */
export function serverJobs(config: Config): ScheduledJob[] {
  return [remindersJob(config), messageRemindersJob, needExpiryJob, importRecoveryJob, outboxJob(config), phoneRetentionJob(config), plannerStatisticsJob, coverageReminderJob, ...(config.backup.everyHours > 0 ? [backupJob(config)] : [])];
}
