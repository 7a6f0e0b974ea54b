import crypto from 'node:crypto';
import { jsonOf, unreachable, type Channel, type DeliveryReport, type SendResult } from './channel.ts';

/*
 * Alibaba Cloud SMS (阿里云短信服务, dysmsapi 2017-05-25) over its RPC API, signed as the
 * provider documents ("Signature mechanism", RPC style, SignatureVersion 1.0):
 *
 *   1. every parameter except Signature, sorted by name; name and value percent-encoded (RFC 3986:
 *      only A-Z a-z 0-9 - _ . ~ left as they are, space as %20), joined as name=value with &;
 *   2. StringToSign = METHOD & percentEncode("/") & percentEncode(canonicalised query);
 *   3. Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign)).
 *
 * The request is a form POST to the endpoint; the answer is JSON with `Code` ("OK"), `BizId`.
 */

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** 短信签名 approved in the console (【…】 at the start of every SMS). */
  signName: string;
  /** Template code per event (`ticket_received` → `SMS_123456789`); `*` serves any other event. */
  templates: Record<string, string>;
  /** `https://dysmsapi.aliyuncs.com/` unless a test points it at a fake. */
  endpoint?: string;
  regionId?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
}

/** RFC 3986 percent-encoding as the signature mechanism requires (encodeURIComponent leaves !'()* alone). */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The documented signature of a parameter set (without `Signature`) for `method`. */
export function aliyunSignature(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${aliyunPercentEncode(key)}=${aliyunPercentEncode(params[key]!)}`)
    .join('&');
  const stringToSign = `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`;
  return crypto.createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** ISO 8601 in UTC without milliseconds, as the API wants its Timestamp. */
function timestampOf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Codes that mean "not now": flow control and the provider's own trouble. Everything else is final. */
const retryAfterOfCode: Record<string, number | null> = {
  'isv.BUSINESS_LIMIT_CONTROL': 60 * 60_000,
  BUSINESS_LIMIT_CONTROL_MINUTE: 60_000,
  'isv.BUSINESS_LIMIT_HOUR': 60 * 60_000,
  'isv.BUSINESS_LIMIT_DAY': 12 * 60 * 60_000,
  BUSINESS_LIMIT_CONTROL_PHONE: 60 * 60_000,
  'Throttling.User': 60_000,
  Throttling: 60_000,
  'isp.SYSTEM_ERROR': null,
  'isp.GATEWAY_ERROR': null,
  'isp.UNKNOWN': null,
  ServiceUnavailable: null,
};

/** Beijing calendar day as yyyyMMdd (QuerySendDetails' SendDate). */
function beijingDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Alibaba Cloud SMS: `SendSms` to send, `QuerySendDetails` for the delivery report.
 *
 * @example
 * aliyunSmsChannel({ accessKeyId, accessKeySecret, signName: '同心', templates: { '*': 'SMS_1234' } })
 */
export function aliyunSmsChannel(options: AliyunSmsOptions): Channel {
  const post = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const nonce = options.nonce ?? (() => crypto.randomUUID());
  const endpoint = options.endpoint ?? 'https://dysmsapi.aliyuncs.com/';
  const call = async (action: string, own: Record<string, string>) => {
    const params: Record<string, string> = {
      AccessKeyId: options.accessKeyId,
      Action: action,
      Format: 'JSON',
      RegionId: options.regionId ?? 'cn-hangzhou',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce(),
      SignatureVersion: '1.0',
      Timestamp: timestampOf(now()),
      Version: '2017-05-25',
      ...own,
    };
    const signature = aliyunSignature('POST', params, options.accessKeySecret);
    const body = Object.entries({ Signature: signature, ...params })
      .map(([key, value]) => `${aliyunPercentEncode(key)}=${aliyunPercentEncode(value)}`)
      .join('&');
    const response = await post(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    return { status: response.status, answer: await jsonOf(response) };
  };
  return {
    name: 'aliyun-sms',
    medium: 'sms',
    async send(message): Promise<SendResult> {
      const templateCode = options.templates[message.template] ?? options.templates['*'];
      if (!templateCode) return { status: 'failed', reason: `no ALIYUN_SMS_TEMPLATES entry for ${message.template}` };
      let reply: Awaited<ReturnType<typeof call>>;
      try {
        reply = await call('SendSms', {
          PhoneNumbers: message.to,
          SignName: options.signName,
          TemplateCode: templateCode,
          TemplateParam: JSON.stringify(message.params),
          OutId: message.ref,
        });
      } catch (error) {
        return unreachable(error);
      }
      const code = typeof reply.answer?.Code === 'string' ? reply.answer.Code : null;
      if (code === 'OK') return { status: 'accepted', providerId: typeof reply.answer?.BizId === 'string' ? reply.answer.BizId : null };
      const reason = code ? `${code}: ${String(reply.answer?.Message ?? '')}` : `HTTP ${reply.status}`;
      if (code && code in retryAfterOfCode) return { status: 'retry', retryAfterMs: retryAfterOfCode[code]!, reason };
      if (!code && (reply.status >= 500 || reply.status === 429)) return { status: 'retry', retryAfterMs: null, reason };
      return { status: 'failed', reason };
    },
    async deliveryReport(sent): Promise<DeliveryReport> {
      const reply = await call('QuerySendDetails', { PhoneNumber: sent.to, BizId: sent.providerId, SendDate: beijingDay(sent.sentAt), PageSize: '10', CurrentPage: '1' });
      if (reply.answer?.Code !== 'OK') return { state: 'pending' };
      const list = (reply.answer.SmsSendDetailDTOs as { SmsSendDetailDTO?: Array<{ SendStatus?: number; ErrCode?: string; ReceiveDate?: string }> } | undefined)?.SmsSendDetailDTO ?? [];
      const detail = list[0];
      // SendStatus: 1 waiting for the operator's receipt, 2 failed, 3 delivered.
      if (detail?.SendStatus === 3) return { state: 'delivered', at: detail.ReceiveDate ?? null };
      if (detail?.SendStatus === 2) return { state: 'failed', reason: detail.ErrCode ?? 'failed' };
      return { state: 'pending' };
    },
  };
}
