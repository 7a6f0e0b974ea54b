import path from 'node:path';
import { z } from 'zod';
import { messagingConfigOf, messagingEnvSchema, type MessagingConfig } from './modules/outbox/outbox.config.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/.+|sqlite:.+)$/, 'must start with postgres:// or sqlite:')
    .optional(),
  DATA_DIR: z.string().min(1).default('data'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(8 * 60),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed sign-ins of one account within a day that lock it until an administrator unlocks it. */
  SIGN_IN_LOCK_AFTER_FAILURES: z.coerce.number().int().min(3).default(10),
  /** Months a closed public request keeps its submitter's phone number (0: keep for ever). */
  PHONE_RETENTION_MONTHS: z.coerce.number().int().min(0).max(240).default(24),
  PDF_FONT: z.string().min(1).optional(),
  /** SQLite read connections in worker threads for heavy reads (0: read on the main connection). */
  SQLITE_READ_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  JOB_TICK_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(24 * 30).default(0),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  VOTE_CODE_SENDER: z.enum(['log', 'webhook', 'sms']).default('log'),
  VOTE_CODE_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  VOTE_CODE_WEBHOOK_TOKEN: z.string().min(1).optional(),
}).refine((e) => e.VOTE_CODE_SENDER !== 'webhook' || e.VOTE_CODE_WEBHOOK_URL, { path: ['VOTE_CODE_WEBHOOK_URL'], message: 'required when VOTE_CODE_SENDER=webhook' });

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  dataDir: string;
  sessionIdleMinutes: number;
  sessionMaxDays: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  signIn: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowMinutes: number; lockAfterFailures: number };
  phoneRetentionMonths: number;
  /** How often each instance looks for scheduled jobs whose lease is free (server/src/ops). */
  jobTickMs: number;
  /** SQLite read pool size (db/read-pool.ts); undefined: the default for this machine. */
  sqliteReadWorkers?: number | undefined;
  /** Scheduled backups: off when `everyHours` is 0; the newest `keep` are kept in `dir`. */
  backup: { dir: string; everyHours: number; keep: number };
  /** CJK font for PDF exports (`/path/font.ttf` or `/path/fonts.ttc#PostScriptName`); default: a system font. */
  pdfFont: string | undefined;
  /** Where the built web UI is served from, when it exists. */
  webDist: string;
  /** Where public-vote codes go: the server log (`log`) or an SMS relay over HTTP (`webhook`). */
  voteCodes: { sender: 'log' | 'webhook' | 'sms'; webhookUrl: string | undefined; webhookToken: string | undefined };
  /** SMS and WeChat channels and the outbox's limits (server/src/modules/outbox/outbox.config.ts). */
  messaging: MessagingConfig;
}

/**
 * Read and check the environment once at start. A bad setting stops the start with one line per
 * problem naming the variable, rather than failing later in a request.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as shells and service files write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  const messaging = messagingEnvSchema.safeParse(present);
  if (!parsed.success || !messaging.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(messaging.error?.issues ?? [])];
    const lines = issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const sqliteFile = e.DATABASE_URL?.startsWith('sqlite:')
    ? path.resolve(e.DATABASE_URL.slice('sqlite:'.length))
    : path.join(dataDir, 'tongxin.db');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL?.startsWith('sqlite:') ? undefined : e.DATABASE_URL,
    sqliteFile,
    dataDir,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    signIn: {
      maxFailuresPerAccount: e.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: e.SIGN_IN_MAX_FAILURES_PER_IP,
      windowMinutes: e.SIGN_IN_WINDOW_MINUTES,
      lockAfterFailures: e.SIGN_IN_LOCK_AFTER_FAILURES,
    },
    phoneRetentionMonths: e.PHONE_RETENTION_MONTHS,
    jobTickMs: e.JOB_TICK_SECONDS * 1000,
    sqliteReadWorkers: e.SQLITE_READ_WORKERS,
    backup: { dir: e.BACKUP_DIR ? path.resolve(e.BACKUP_DIR) : path.join(dataDir, 'backups'), everyHours: e.BACKUP_EVERY_HOURS, keep: e.BACKUP_KEEP },
    pdfFont: e.PDF_FONT,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
    voteCodes: { sender: e.VOTE_CODE_SENDER, webhookUrl: e.VOTE_CODE_WEBHOOK_URL, webhookToken: e.VOTE_CODE_WEBHOOK_TOKEN },
    messaging: messagingConfigOf(messaging.data),
  };
}
