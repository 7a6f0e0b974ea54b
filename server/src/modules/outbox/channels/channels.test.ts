import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { aliyunSmsChannel } from './aliyun-sms.channel.ts';
import type { ChannelMessage } from './channel.ts';
import { channelsFromConfig } from './channels.ts';
import { startFakeServer, type FakeRequest, type FakeServer } from './fake-server.test-support.ts';
import { lastLogged, logChannel } from './log.channel.ts';
import { webhookChannel } from './webhook.channel.ts';
import { wecomRobotChannel } from './wecom-robot.channel.ts';

const message = (to: string, over: Partial<ChannelMessage> = {}): ChannelMessage => ({
  ref: '42',
  to,
  text: '【同心】您的诉求 GT20261125-0001 已受理。回复TD退订',
  template: 'ticket_received',
  params: { ticketNo: 'GT20261125-0001' },
  ...over,
});

describe('log channel', () => {
  it('accepts, writes one line with the number masked, and keeps the message for tests', async () => {
    const lines: string[] = [];
    const result = await logChannel((line) => lines.push(line)).send(message('13900004321'));
    expect(result).toEqual({ status: 'accepted', providerId: null });
    expect(lines).toEqual(['[tongxin] sms to 139****4321 (42): 【同心】您的诉求 GT20261125-0001 已受理。回复TD退订\n']);
    expect(lastLogged('13900004321')?.template).toBe('ticket_received');
  });
});

describe('webhook channel (signed relay) against a fake relay', () => {
  const secret = 'relay-secret-0123456789';
  let relay: FakeServer;
  let answers: Array<{ status: number; headers?: Record<string, string>; body?: unknown }> = [];
  beforeAll(async () => {
    relay = await startFakeServer(() => answers.shift() ?? { status: 200, body: { id: 'relay-1' } });
  });
  afterAll(() => relay.close());

  /** The relay's own check, written from the documented scheme, not with the adapter's helper. */
  function verify(request: FakeRequest, at: Date) {
    const timestamp = String(request.headers['x-tongxin-timestamp']);
    expect(Math.abs(Number(timestamp) - at.getTime() / 1000)).toBeLessThan(300);
    const expected = crypto.createHmac('sha256', secret).update(timestamp + '.' + request.body).digest('hex');
    expect(request.headers['x-tongxin-signature']).toBe(`sha256=${expected}`);
  }

  it('POSTs the message as JSON with a timestamp and an HMAC-SHA256 signature the relay can recompute; keeps the relay id', async () => {
    const at = new Date('2026-11-25T02:00:00Z');
    const channel = webhookChannel({ url: `${relay.url}/send`, secret, now: () => at });
    const before = relay.requests.length;
    expect(await channel.send(message('13900001111'))).toEqual({ status: 'accepted', providerId: 'relay-1' });
    const request = relay.requests[before]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/send');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-tongxin-timestamp']).toBe('1795572000');
    verify(request, at);
    expect(JSON.parse(request.body)).toEqual({ id: '42', to: '13900001111', text: message('').text, template: 'ticket_received', params: { ticketNo: 'GT20261125-0001' } });
  });

  it('retries a 5xx in the same send (twice by default) and then accepts', async () => {
    const slept: number[] = [];
    answers = [{ status: 502 }, { status: 500 }, { status: 202, body: {} }];
    const before = relay.requests.length;
    const result = await webhookChannel({ url: relay.url, secret, sleep: async (ms) => void slept.push(ms) }).send(message('13900001112'));
    expect(result).toEqual({ status: 'accepted', providerId: null });
    expect(relay.requests.length - before).toBe(3);
    expect(slept).toEqual([250, 500]);
    for (const request of relay.requests.slice(before)) verify(request, new Date());
  });

  it('429 with Retry-After is handed back to the outbox as retry-after, without retrying in place', async () => {
    answers = [{ status: 429, headers: { 'retry-after': '120' } }];
    const before = relay.requests.length;
    expect(await webhookChannel({ url: relay.url, secret, sleep: async () => {} }).send(message('13900001113'))).toEqual({ status: 'retry', retryAfterMs: 120_000, reason: 'relay answered HTTP 429' });
    expect(relay.requests.length - before).toBe(1);
  });

  it('a 4xx is a permanent failure; an address nobody answers is a retry', async () => {
    answers = [{ status: 422 }];
    expect(await webhookChannel({ url: relay.url, secret }).send(message('13900001114'))).toEqual({ status: 'failed', reason: 'relay answered HTTP 422' });
    const closed = await webhookChannel({ url: 'http://127.0.0.1:9/none', secret, retries: 0 }).send(message('13900001115'));
    expect(closed.status).toBe('retry');
  });
});

/** Percent-encoding per RFC 3986 over UTF-8 bytes, as the Alibaba Cloud signature document describes it. */
function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

describe('Alibaba Cloud SMS (SendSms) against a fake dysmsapi', () => {
  const keyId = 'LTAI5tFakeKeyId';
  const keySecret = 'fakeSecret/with+symbols=';
  let api: FakeServer;
  const nonces = new Set<string>();
  beforeAll(async () => {
    api = await startFakeServer((request) => {
      const params = Object.fromEntries(request.body.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
      const { Signature: signature, ...rest } = params;
      const canonical = Object.keys(rest)
        .sort()
        .map((k) => `${rfc3986(k)}=${rfc3986(rest[k]!)}`)
        .join('&');
      const expected = crypto.createHmac('sha1', `${keySecret}&`).update(`POST&%2F&${rfc3986(canonical)}`).digest('base64');
      if (signature !== expected) return { status: 400, body: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.' } };
      for (const name of ['AccessKeyId', 'Action', 'Format', 'RegionId', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version']) {
        if (!rest[name]) return { status: 400, body: { Code: 'MissingParameter', Message: name } };
      }
      if (rest.SignatureMethod !== 'HMAC-SHA1' || rest.SignatureVersion !== '1.0' || rest.Version !== '2017-05-25' || rest.Format !== 'JSON') return { status: 400, body: { Code: 'InvalidParameter' } };
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(rest.Timestamp!)) return { status: 400, body: { Code: 'InvalidTimeStamp.Format' } };
      if (nonces.has(rest.SignatureNonce!)) return { status: 400, body: { Code: 'SignatureNonceUsed' } };
      nonces.add(rest.SignatureNonce!);
      if (rest.AccessKeyId !== keyId) return { status: 404, body: { Code: 'InvalidAccessKeyId.NotFound' } };
      if (rest.Action === 'QuerySendDetails') {
        return { status: 200, body: { Code: 'OK', Message: 'OK', TotalCount: 1, SmsSendDetailDTOs: { SmsSendDetailDTO: [{ PhoneNum: rest.PhoneNumber, SendStatus: rest.BizId === 'biz-delivered' ? 3 : 2, ErrCode: rest.BizId === 'biz-delivered' ? 'DELIVERED' : 'MK:0001', ReceiveDate: '2026-11-25 10:00:05' }] } } };
      }
      if (rest.Action !== 'SendSms' || !rest.SignName || !rest.TemplateCode || !rest.PhoneNumbers) return { status: 400, body: { Code: 'MissingParameter' } };
      if (rest.TemplateCode !== 'SMS_100') return { status: 200, body: { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '模板不合法' } };
      if (!/^1\d{10}$/.test(rest.PhoneNumbers)) return { status: 200, body: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' } };
      if (rest.PhoneNumbers === '13900009999') return { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控' } };
      if (rest.PhoneNumbers === '13900009998') return { status: 503, body: 'Service Unavailable' };
      JSON.parse(rest.TemplateParam ?? 'null');
      return { status: 200, body: { Code: 'OK', Message: 'OK', BizId: `biz-${rest.OutId}`, RequestId: 'r-1' } };
    });
  });
  afterAll(() => api.close());

  const channel = (over: Partial<Parameters<typeof aliyunSmsChannel>[0]> = {}) =>
    aliyunSmsChannel({ accessKeyId: keyId, accessKeySecret: keySecret, signName: '同心联络', templates: { '*': 'SMS_100' }, endpoint: `${api.url}/`, now: () => new Date('2026-11-25T02:00:00.123Z'), ...over });

  it('sends a signed SendSms the fake accepts and keeps the BizId; every documented parameter is there', async () => {
    const before = api.requests.length;
    expect(await channel().send(message('13900001111', { params: { ticketNo: 'GT-1', note: "a b*c~d!'()" } }))).toEqual({ status: 'accepted', providerId: 'biz-42' });
    const sent = Object.fromEntries(api.requests[before]!.body.split('&').map((p) => p.split('=').map(decodeURIComponent) as [string, string]));
    expect(api.requests[before]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent).toMatchObject({ Action: 'SendSms', PhoneNumbers: '13900001111', SignName: '同心联络', TemplateCode: 'SMS_100', OutId: '42', RegionId: 'cn-hangzhou', Timestamp: '2026-11-25T02:00:00Z' });
    expect(JSON.parse(sent.TemplateParam!)).toEqual({ ticketNo: 'GT-1', note: "a b*c~d!'()" });
    // Spaces travel as %20, never '+', and the reserved characters are encoded.
    expect(api.requests[before]!.body).not.toContain('+');
  });

  it('a wrong secret gives SignatureDoesNotMatch, a permanent failure', async () => {
    expect(await channel({ accessKeySecret: 'other' }).send(message('13900001111'))).toEqual({ status: 'failed', reason: 'SignatureDoesNotMatch: Specified signature is not matched with our calculation.' });
  });

  it('maps flow control to retry later, a bad number or template to a permanent failure, a 503 to retry', async () => {
    expect(await channel().send(message('13900009999'))).toEqual({ status: 'retry', retryAfterMs: 3_600_000, reason: 'isv.BUSINESS_LIMIT_CONTROL: 触发号码天级流控' });
    expect(await channel().send(message('1390000'))).toEqual({ status: 'failed', reason: 'isv.MOBILE_NUMBER_ILLEGAL: 非法手机号' });
    expect(await channel({ templates: { ticket_received: 'SMS_999' } }).send(message('13900001111'))).toEqual({ status: 'failed', reason: 'isv.SMS_TEMPLATE_ILLEGAL: 模板不合法' });
    expect(await channel({ templates: { other: 'SMS_100' } }).send(message('13900001111'))).toEqual({ status: 'failed', reason: 'no ALIYUN_SMS_TEMPLATES entry for ticket_received' });
    expect(await channel().send(message('13900009998'))).toEqual({ status: 'retry', retryAfterMs: null, reason: 'HTTP 503' });
  });

  it('reads the delivery report from QuerySendDetails (SendStatus 3 delivered, 2 failed)', async () => {
    const sentAt = '2026-11-24T17:00:00Z'; // 2026-11-25 01:00 in Beijing: SendDate is the Beijing day
    const before = api.requests.length;
    expect(await channel().deliveryReport!({ providerId: 'biz-delivered', to: '13900001111', sentAt })).toEqual({ state: 'delivered', at: '2026-11-25 10:00:05' });
    expect(api.requests[before]!.body).toContain('SendDate=20261125');
    expect(await channel().deliveryReport!({ providerId: 'biz-x', to: '13900001111', sentAt })).toEqual({ state: 'failed', reason: 'MK:0001' });
  });
});

describe('企业微信 group robot against a fake qyapi', () => {
  let robot: FakeServer;
  beforeAll(async () => {
    robot = await startFakeServer((request) => {
      const key = new URL(request.url, 'http://x').searchParams.get('key');
      if (request.url.split('?')[0] !== '/cgi-bin/webhook/send' || key !== 'robot-key') return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
      const body = JSON.parse(request.body) as { msgtype?: string; text?: { content?: string; mentioned_mobile_list?: string[] } };
      if (body.msgtype !== 'text') return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
      if (!body.text?.content) return { status: 200, body: { errcode: 44004, errmsg: 'empty content' } };
      if (Buffer.byteLength(body.text.content, 'utf8') > 2048) return { status: 200, body: { errcode: 45002, errmsg: 'content size out of limit' } };
      if (body.text.mentioned_mobile_list?.[0] === '13900009999') return { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } };
      return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
    });
  });
  afterAll(() => robot.close());

  it('posts a text message that @mentions the recipient by mobile; errcode 0 is accepted', async () => {
    const before = robot.requests.length;
    expect(await wecomRobotChannel({ url: `${robot.url}/cgi-bin/webhook/send?key=robot-key` }).send(message('13900001111'))).toEqual({ status: 'accepted', providerId: null });
    expect(JSON.parse(robot.requests[before]!.body)).toEqual({ msgtype: 'text', text: { content: message('').text, mentioned_mobile_list: ['13900001111'] } });
  });

  it('cuts text longer than 2048 bytes of UTF-8 instead of being refused', async () => {
    const before = robot.requests.length;
    const long = '同'.repeat(1000); // 3,000 bytes
    expect((await wecomRobotChannel({ url: `${robot.url}/cgi-bin/webhook/send?key=robot-key` }).send(message('13900001111', { text: long }))).status).toBe('accepted');
    expect(Buffer.byteLength((JSON.parse(robot.requests[before]!.body) as { text: { content: string } }).text.content, 'utf8')).toBeLessThanOrEqual(2048);
  });

  it('45009 (rate limit) is retry after a minute; a wrong key (93000) is permanent', async () => {
    expect(await wecomRobotChannel({ url: `${robot.url}/cgi-bin/webhook/send?key=robot-key` }).send(message('13900009999'))).toEqual({ status: 'retry', retryAfterMs: 60_000, reason: '45009: api freq out of limit' });
    expect(await wecomRobotChannel({ url: `${robot.url}/cgi-bin/webhook/send?key=wrong` }).send(message('13900001111'))).toEqual({ status: 'failed', reason: '93000: invalid webhook url' });
  });
});

describe('channels from the configuration', () => {
  it('defaults to the log for SMS and no WeChat channel', () => {
    const channels = channelsFromConfig(loadConfig({}).messaging);
    expect(channels.sms.name).toBe('log');
    expect(channels.wechat).toBeNull();
  });

  it('builds Alibaba Cloud SMS and the group robot from their variables', () => {
    const config = loadConfig({ SMS_CHANNEL: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'id', ALIYUN_SMS_ACCESS_KEY_SECRET: 's', ALIYUN_SMS_SIGN_NAME: '同心', ALIYUN_SMS_TEMPLATES: '*=SMS_1, vote_code=SMS_2', WECOM_ROBOT_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' });
    expect(config.messaging.sms).toEqual({ kind: 'aliyun', accessKeyId: 'id', accessKeySecret: 's', signName: '同心', templates: { '*': 'SMS_1', vote_code: 'SMS_2' }, endpoint: 'https://dysmsapi.aliyuncs.com/' });
    const channels = channelsFromConfig(config.messaging);
    expect([channels.sms.name, channels.wechat?.name]).toEqual(['aliyun-sms', 'wecom-robot']);
  });

  it('refuses to start with a missing or bad messaging variable, naming it', () => {
    expect(() => loadConfig({ SMS_CHANNEL: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'id' })).toThrow(/ALIYUN_SMS_ACCESS_KEY_SECRET: required when SMS_CHANNEL=aliyun/);
    expect(() => loadConfig({ SMS_CHANNEL: 'webhook', MESSAGE_WEBHOOK_URL: 'https://relay.example/x', MESSAGE_WEBHOOK_SECRET: 'short' })).toThrow(/MESSAGE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ SMS_CHANNEL: 'pigeon' })).toThrow(/SMS_CHANNEL/);
    expect(() => loadConfig({ ALIYUN_SMS_TEMPLATES: 'nonsense' })).toThrow(/ALIYUN_SMS_TEMPLATES/);
    expect(() => loadConfig({ SMS_DAILY_CAP: '0' })).toThrow(/SMS_DAILY_CAP/);
  });
});
