import crypto from 'node:crypto';
import { maskPhone } from '@tongxin/core';
import type { Channel } from '../outbox/channels/channel.ts';
import { currentChannels, type Channels } from '../outbox/channels/channels.ts';
import { webhookChannel } from '../outbox/channels/webhook.channel.ts';

/**
 * Where one-time vote codes go. Tongxin has no SMS gateway of its own; two senders come with it:
 *
 * - `log` (the default): writes the code to the server log (stderr) — fine for a demo or an office
 *   that reads codes out on the phone, not for a public vote at scale — and keeps the latest code
 *   per phone in memory for {@link lastVoteCode}, the test-only channel.
 * - `webhook`: POSTs the code as JSON to an installation's SMS relay through the outbox's webhook
 *   channel (`VOTE_CODE_WEBHOOK_URL`, optional bearer `VOTE_CODE_WEBHOOK_TOKEN`).
 * - `sms`: the outbox's SMS channel (`SMS_CHANNEL`: Alibaba Cloud SMS, the signed relay).
 *
 * The server picks one from the configuration at start ({@link voteCodeSenderFromConfig}); an
 * installation with its own gateway client may call {@link setVoteCodeSender} instead.
 */
export interface VoteCodeSender {
  send(phone: string, code: string): Promise<void>;
}

/** A sender could not hand the code over (the relay answered an error or did not answer). */
export class VoteCodeSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VoteCodeSendError';
  }
}

const outbox = new Map<string, string>();
const OUTBOX_LIMIT = 1_000;

/**
 * The development sender: keep the code for tests and write one line (phone masked) to `write`.
 *
 * @example
 * createLogVoteCodeSender((line) => lines.push(line)).send('13900001111', '123456')
 * // lines: ["[tongxin] vote code for 139****1111: 123456 (no SMS sender configured)\n"]
 */
export function createLogVoteCodeSender(write: (line: string) => void = (line) => process.stderr.write(line)): VoteCodeSender {
  return {
    async send(phone, code) {
      if (outbox.size >= OUTBOX_LIMIT) outbox.delete(outbox.keys().next().value!);
      outbox.set(phone, code);
      write(`[tongxin] vote code for ${maskPhone(phone)}: ${code} (no SMS sender configured)\n`);
    },
  };
}

/** The default: log to stderr (quiet under the test runner, whose output it would flood). */
export const logVoteCodeSender: VoteCodeSender = createLogVoteCodeSender((line) => {
  if (!process.env.VITEST) process.stderr.write(line);
});

export interface WebhookSenderOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>` when set. */
  token?: string | undefined;
  timeoutMs?: number;
  /** Injected in tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

/** The text of a vote-code SMS. */
export function voteCodeText(code: string): string {
  return `投票验证码 ${code}，10 分钟内有效。`;
}

/**
 * Vote codes through one of the outbox's channels (server/src/modules/outbox/channels). The code
 * must arrive while the voter waits, so it is sent at once rather than queued; a channel that does
 * not accept it is a {@link VoteCodeSendError} (the request for a code then fails).
 *
 * @example
 * channelVoteCodeSender(currentChannels().sms).send('13900001111', '123456')
 */
export function channelVoteCodeSender(channel: Channel): VoteCodeSender {
  return {
    async send(phone, code) {
      const result = await channel.send({ ref: `vote-${crypto.randomUUID()}`, to: phone, text: voteCodeText(code), template: 'vote_code', params: { code } });
      if (result.status !== 'accepted') throw new VoteCodeSendError(`vote code ${channel.name} channel: ${result.reason}`);
    },
  };
}

/**
 * A sender that hands the code to an SMS relay: the outbox's webhook channel (JSON
 * `{ id, to, text, template: "vote_code", params: { code } }`, one quick retry on a 5xx).
 *
 * @example
 * webhookVoteCodeSender({ url: 'https://sms.example.gov.cn/send', token: process.env.SMS_TOKEN })
 */
export function webhookVoteCodeSender(options: WebhookSenderOptions): VoteCodeSender {
  return channelVoteCodeSender(webhookChannel({ url: options.url, token: options.token, retries: 1, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) }));
}

export interface VoteCodeConfig {
  sender: 'log' | 'webhook' | 'sms';
  webhookUrl: string | undefined;
  webhookToken: string | undefined;
}

/** The sender the configuration names (`VOTE_CODE_SENDER`; `sms` is the outbox's SMS channel). */
export function voteCodeSenderFromConfig(config: VoteCodeConfig, deps: { fetch?: typeof fetch; channels?: Channels } = {}): VoteCodeSender {
  if (config.sender === 'webhook') {
    if (!config.webhookUrl) throw new Error('VOTE_CODE_SENDER=webhook needs VOTE_CODE_WEBHOOK_URL');
    return webhookVoteCodeSender({ url: config.webhookUrl, token: config.webhookToken, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  }
  if (config.sender === 'sms') return channelVoteCodeSender((deps.channels ?? currentChannels()).sms);
  return logVoteCodeSender;
}

let current: VoteCodeSender = logVoteCodeSender;

/**
 * Plug in a sender (an SMS gateway adapter).
 *
 * @example
 * setVoteCodeSender({ send: (phone, code) => sms.send(phone, `投票验证码 ${code}，10 分钟内有效`) });
 */
export function setVoteCodeSender(sender: VoteCodeSender): void {
  current = sender;
}

export function voteCodeSender(): VoteCodeSender {
  return current;
}

/**
 * Test-only channel: the latest code the log sender "sent" to a phone.
 *
 * @example
 * await client.post('/api/public/vote-codes', { phone: '13900001111' });
 * const code = lastVoteCode('13900001111');
 */
export function lastVoteCode(phone: string): string | undefined {
  return outbox.get(phone);
}
