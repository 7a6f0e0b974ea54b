import crypto from 'node:crypto';
import { jsonOf, retryAfterMs, unreachable, type Channel, type SendResult } from './channel.ts';

export interface WebhookChannelOptions {
  url: string;
  /** HMAC-SHA256 key: the relay recomputes the signature to know the message is ours and fresh. */
  secret?: string | undefined;
  /** Sent as `Authorization: Bearer <token>` when set (relays that check a token instead). */
  token?: string | undefined;
  /** Extra tries inside one send for a 5xx or no answer (the outbox retries later beyond these). */
  retries?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The relay's signature: hex HMAC-SHA256 over `<timestamp>.<body>`, keyed with the shared secret,
 * sent as `x-tongxin-signature: sha256=<hex>` beside `x-tongxin-timestamp: <unix seconds>`. A relay
 * rejects a timestamp more than five minutes old, so a captured request cannot be replayed later.
 *
 * @example
 * webhookSignature('s3cret', '1795572000', '{"to":"13900001111"}') // "sha256=…64 hex…"
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A relay channel: POSTs `{ id, to, text, template, params }` as JSON. 2xx is accepted (the
 * relay's `id` in the answer, when it gives one, is kept); 429 and 503 wait for `Retry-After`;
 * other 5xx and no answer are tried again `retries` times (0.25 s, 0.5 s…) before the outbox's own
 * back-off; any other 4xx is a permanent failure.
 *
 * @example
 * webhookChannel({ url: 'https://sms-relay.example.gov.cn/send', secret: process.env.MESSAGE_WEBHOOK_SECRET })
 */
export function webhookChannel(options: WebhookChannelOptions): Channel {
  const post = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const once = async (body: string): Promise<SendResult> => {
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-tongxin-timestamp': timestamp };
    if (options.secret) headers['x-tongxin-signature'] = webhookSignature(options.secret, timestamp, body);
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await post(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    } catch (error) {
      return unreachable(error);
    }
    if (response.ok) {
      const answer = await jsonOf(response);
      return { status: 'accepted', providerId: typeof answer?.id === 'string' || typeof answer?.id === 'number' ? String(answer.id) : null };
    }
    await response.body?.cancel();
    const reason = `relay answered HTTP ${response.status}`;
    if (response.status === 429 || response.status >= 500) return { status: 'retry', retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now().getTime()), reason };
    return { status: 'failed', reason };
  };
  return {
    name: 'webhook',
    medium: 'sms',
    async send(message) {
      const body = JSON.stringify({ id: message.ref, to: message.to, text: message.text, template: message.template, params: message.params });
      let result = await once(body);
      // A provider-chosen wait (Retry-After) is the outbox's business; a blip is retried here.
      for (let attempt = 0; attempt < (options.retries ?? 2) && result.status === 'retry' && result.retryAfterMs === null; attempt++) {
        await sleep(250 * 2 ** attempt);
        result = await once(body);
      }
      return result;
    },
  };
}
