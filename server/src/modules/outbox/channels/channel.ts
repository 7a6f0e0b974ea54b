/*
 * One contract for everything that carries a message out of Tongxin (SMS gateways, WeChat robots,
 * relays, the log). The outbox calls `send` once per attempt and decides from the answer alone
 * whether to mark the message sent, try again later, or give up; it never knows which provider
 * it talks to. Channels never throw for a provider's refusal: they answer with a result.
 */

/** What a channel is asked to carry: one message to one address. */
export interface ChannelMessage {
  /** Our reference (the outbox row id, or a one-off id): the provider's OutId / idempotency key. */
  ref: string;
  /** The address: a mainland mobile number for SMS; for a group robot, the phone to @mention. */
  to: string;
  /** The full text in Chinese, opt-out line included where it belongs. */
  text: string;
  /**
   * The event it reports (`ticket_received`, `vote_code`…): providers that only send approved
   * templates (SMS in China) pick their template code by it and fill it with `params`.
   */
  template: string;
  params: Record<string, string>;
}

export type SendResult =
  /** The provider took it; `providerId` (Alibaba's BizId…) lets us ask for the delivery report. */
  | { status: 'accepted'; providerId: string | null }
  /** Try again later (throttled, provider busy, network): after `retryAfterMs` when the provider says. */
  | { status: 'retry'; retryAfterMs: number | null; reason: string }
  /** Never going to work (bad number, unapproved template, bad credentials): give up now. */
  | { status: 'failed'; reason: string };

/** The provider's delivery report for an accepted message, when it has one. */
export type DeliveryReport = { state: 'pending' } | { state: 'delivered'; at: string | null } | { state: 'failed'; reason: string };

export interface Channel {
  /** `log`, `webhook`, `aliyun-sms`, `wecom-robot`: shown in the delivery log. */
  readonly name: string;
  /** What the address is: a phone number (`sms`) or a WeChat robot's group (`wechat`). */
  readonly medium: 'sms' | 'wechat';
  send(message: ChannelMessage): Promise<SendResult>;
  /** Ask for the delivery report of an accepted message; absent when the provider has none. */
  deliveryReport?(sent: { providerId: string; to: string; sentAt: string }): Promise<DeliveryReport>;
}

/** `Retry-After` as milliseconds (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A fetch error or timeout, as the reason kept in the delivery log. */
export function unreachable(error: unknown): SendResult {
  return { status: 'retry', retryAfterMs: null, reason: `unreachable: ${error instanceof Error ? error.message : String(error)}` };
}

/** Read a JSON answer; null when the body is not JSON (a proxy's HTML error page). */
export async function jsonOf(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await response.json();
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
