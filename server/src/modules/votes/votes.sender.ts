import { maskPhone } from '@tongxin/core';

/**
 * Where one-time vote codes go. Tongxin has no SMS gateway of its own; two senders come with it:
 *
 * - `log` (the default): writes the code to the server log (stderr) — fine for a demo or an office
 *   that reads codes out on the phone, not for a public vote at scale — and keeps the latest code
 *   per phone in memory for {@link lastVoteCode}, the test-only channel.
 * - `webhook`: POSTs `{ phone, code, text }` as JSON to an installation's SMS relay
 *   (`VOTE_CODE_WEBHOOK_URL`, optional bearer `VOTE_CODE_WEBHOOK_TOKEN`).
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

/**
 * A sender that hands the code to an SMS relay over HTTP. Any 2xx is success; anything else, or no
 * answer within the timeout, is a {@link VoteCodeSendError} (the request for a code then fails).
 *
 * @example
 * webhookVoteCodeSender({ url: 'https://sms.example.gov.cn/send', token: process.env.SMS_TOKEN })
 */
export function webhookVoteCodeSender(options: WebhookSenderOptions): VoteCodeSender {
  const post = options.fetch ?? fetch;
  return {
    async send(phone, code) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await post(options.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ phone, code, text: `投票验证码 ${code}，10 分钟内有效。` }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new VoteCodeSendError(`vote code relay unreachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!response.ok) throw new VoteCodeSendError(`vote code relay answered HTTP ${response.status}`);
    },
  };
}

export interface VoteCodeConfig {
  sender: 'log' | 'webhook';
  webhookUrl: string | undefined;
  webhookToken: string | undefined;
}

/** The sender the configuration names (`VOTE_CODE_SENDER`). */
export function voteCodeSenderFromConfig(config: VoteCodeConfig, deps: { fetch?: typeof fetch } = {}): VoteCodeSender {
  if (config.sender === 'webhook') {
    if (!config.webhookUrl) throw new Error('VOTE_CODE_SENDER=webhook needs VOTE_CODE_WEBHOOK_URL');
    return webhookVoteCodeSender({ url: config.webhookUrl, token: config.webhookToken, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  }
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
