import { z } from 'zod';

/*
 * The messaging part of the environment (README, "Configuration"). Read by loadConfig with the
 * rest, so a bad value stops the start with a line naming the variable.
 */

const templatesSchema = z
  .string()
  .regex(/^\s*[\w*]+\s*=\s*[\w-]+\s*(,\s*[\w*]+\s*=\s*[\w-]+\s*)*$/, 'must be event=TEMPLATE_CODE pairs separated by commas, e.g. *=SMS_123456789')
  .transform((value) => Object.fromEntries(value.split(',').map((pair) => pair.split('=').map((s) => s.trim()) as [string, string])));

export const messagingEnvSchema = z
  .object({
    SMS_CHANNEL: z.enum(['log', 'webhook', 'aliyun']).default('log'),
    MESSAGE_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    MESSAGE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
    ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
    ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
    ALIYUN_SMS_TEMPLATES: templatesSchema.optional(),
    ALIYUN_SMS_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://dysmsapi.aliyuncs.com/'),
    WECOM_ROBOT_URL: z.url({ protocol: /^https?$/ }).optional(),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    SMS_DAILY_CAP: z.coerce.number().int().min(1).max(1000).default(10),
    SMS_CALLBACK_TOKEN: z.string().regex(/^[\w-]{16,}$/, 'must be at least 16 letters, digits, - or _').optional(),
    CASE_DUE_SOON_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  })
  .superRefine((e, ctx) => {
    const need = (name: keyof typeof e, when: string) => {
      if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: `required when ${when}` });
    };
    if (e.SMS_CHANNEL === 'webhook') {
      need('MESSAGE_WEBHOOK_URL', 'SMS_CHANNEL=webhook');
      need('MESSAGE_WEBHOOK_SECRET', 'SMS_CHANNEL=webhook');
    }
    if (e.SMS_CHANNEL === 'aliyun') {
      for (const name of ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATES'] as const) need(name, 'SMS_CHANNEL=aliyun');
    }
  });

export interface MessagingConfig {
  sms:
    | { kind: 'log' }
    | { kind: 'webhook'; url: string; secret: string }
    | { kind: 'aliyun'; accessKeyId: string; accessKeySecret: string; signName: string; templates: Record<string, string>; endpoint: string };
  /** The 企业微信 group robot's webhook address; no WeChat channel without it. */
  wecomRobotUrl: string | undefined;
  /** Attempts before a message is given up (the reason is kept). */
  maxAttempts: number;
  /** SMS per recipient number per Beijing day; the rest wait for the next day. */
  smsDailyCap: number;
  /** Minutes before a case's reply deadline when its handlers are warned ("about to be overdue"). */
  caseDueSoonMinutes: number;
  /**
   * The secret path segment of the provider callbacks (delivery reports, replies such as TD):
   * `/api/public/sms/aliyun/<token>/report` and `/up`. Unset: the callbacks answer 404.
   */
  smsCallbackToken: string | undefined;
}

/** The messaging settings of a parsed environment (`messagingEnvSchema`). */
export function messagingConfigOf(e: z.infer<typeof messagingEnvSchema>): MessagingConfig {
  const sms: MessagingConfig['sms'] =
    e.SMS_CHANNEL === 'webhook'
      ? { kind: 'webhook', url: e.MESSAGE_WEBHOOK_URL!, secret: e.MESSAGE_WEBHOOK_SECRET! }
      : e.SMS_CHANNEL === 'aliyun'
        ? { kind: 'aliyun', accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID!, accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET!, signName: e.ALIYUN_SMS_SIGN_NAME!, templates: e.ALIYUN_SMS_TEMPLATES!, endpoint: e.ALIYUN_SMS_ENDPOINT }
        : { kind: 'log' };
  return { sms, wecomRobotUrl: e.WECOM_ROBOT_URL, maxAttempts: e.OUTBOX_MAX_ATTEMPTS, smsDailyCap: e.SMS_DAILY_CAP, caseDueSoonMinutes: e.CASE_DUE_SOON_MINUTES, smsCallbackToken: e.SMS_CALLBACK_TOKEN };
}
