import { jsonOf, unreachable, type Channel, type SendResult } from './channel.ts';

/*
 * 企业微信 group robot (群机器人): POST JSON to the robot's webhook address
 * (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`; the key in the address is the only
 * credential). A text message is `{ msgtype: "text", text: { content, mentioned_mobile_list } }`;
 * content is at most 2048 bytes of UTF-8. The answer is `{ errcode, errmsg }`, 0 meaning sent.
 * The robot posts in the office's group and @mentions the recipient by mobile number, so a handler
 * is pinged on the phone without an account of ours in WeChat.
 */

export interface WecomRobotOptions {
  /** The robot's full webhook address, key included. */
  url: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** errcodes that mean "not now": 45009 is the robot's rate limit (20 messages a minute), -1 system busy. */
const retryAfterOf: Record<number, number | null> = { 45009: 60_000, [-1]: null };

/** Cut text to `max` bytes of UTF-8 without splitting a character. */
export function cutUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch + '…', 'utf8') > max) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * @example
 * wecomRobotChannel({ url: process.env.WECOM_ROBOT_URL! }).send({ ref: '9', to: '13900001111', text: '案件已逾期', template: 'case_overdue', params: {} })
 */
export function wecomRobotChannel(options: WecomRobotOptions): Channel {
  const post = options.fetch ?? fetch;
  return {
    name: 'wecom-robot',
    medium: 'wechat',
    async send(message): Promise<SendResult> {
      const body = { msgtype: 'text', text: { content: cutUtf8(message.text, 2048), mentioned_mobile_list: message.to ? [message.to] : [] } };
      let response: Response;
      try {
        response = await post(options.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      } catch (error) {
        return unreachable(error);
      }
      const answer = await jsonOf(response);
      const errcode = typeof answer?.errcode === 'number' ? answer.errcode : null;
      if (response.ok && errcode === 0) return { status: 'accepted', providerId: null };
      const reason = errcode === null ? `HTTP ${response.status}` : `${errcode}: ${String(answer?.errmsg ?? '')}`;
      if (errcode !== null && errcode in retryAfterOf) return { status: 'retry', retryAfterMs: retryAfterOf[errcode]!, reason };
      if (errcode === null && (response.status >= 500 || response.status === 429)) return { status: 'retry', retryAfterMs: null, reason };
      return { status: 'failed', reason };
    },
  };
}
