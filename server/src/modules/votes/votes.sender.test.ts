import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestApp } from '../../test/harness.ts';
import {
  createLogVoteCodeSender,
  lastVoteCode,
  logVoteCodeSender,
  setVoteCodeSender,
  voteCodeSender,
  voteCodeSenderFromConfig,
  VoteCodeSendError,
  webhookVoteCodeSender,
  type VoteCodeSender,
} from './votes.sender.ts';

/** A fetch that records what it was asked and answers with `status`; nothing leaves the process. */
function recordingFetch(status = 202) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fake = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(null, { status });
  }) as typeof fetch;
  return { calls, fetch: fake };
}

afterEach(() => setVoteCodeSender(logVoteCodeSender));

describe('log sender (development)', () => {
  it('writes one line with the phone masked and the code, and keeps the code for tests', async () => {
    const lines: string[] = [];
    await createLogVoteCodeSender((line) => lines.push(line)).send('13900004321', '246810');
    expect(lines).toEqual(['[tongxin] vote code for 139****4321: 246810 (no SMS sender configured)\n']);
    expect(lines[0]).not.toContain('13900004321');
    expect(lastVoteCode('13900004321')).toBe('246810');
  });
});

describe('webhook sender', () => {
  it('POSTs the phone, code and message as JSON (the webhook channel’s body) with the bearer token to the configured URL', async () => {
    const relay = recordingFetch(202);
    await webhookVoteCodeSender({ url: 'https://sms.example.test/send', token: 's3cret', fetch: relay.fetch }).send('13900005555', '135790');
    expect(relay.calls).toHaveLength(1);
    const [call] = relay.calls;
    expect(call!.url).toBe('https://sms.example.test/send');
    expect(call!.init.method).toBe('POST');
    expect(call!.init.headers).toEqual({ 'content-type': 'application/json', 'x-tongxin-timestamp': expect.stringMatching(/^\d{10}$/), authorization: 'Bearer s3cret' });
    const body = JSON.parse(String(call!.init.body)) as Record<string, unknown>;
    expect(body).toEqual({ id: expect.stringMatching(/^vote-/), to: '13900005555', text: '投票验证码 135790，10 分钟内有效。', template: 'vote_code', params: { code: '135790' } });
  });

  it('sends no authorization header without a token', async () => {
    const relay = recordingFetch(200);
    await webhookVoteCodeSender({ url: 'http://127.0.0.1:9/relay', fetch: relay.fetch }).send('13900005556', '000001');
    expect(Object.keys(relay.calls[0]!.init.headers as Record<string, string>).sort()).toEqual(['content-type', 'x-tongxin-timestamp']);
  });

  it('fails with VoteCodeSendError when the relay answers an error or cannot be reached', async () => {
    await expect(webhookVoteCodeSender({ url: 'https://sms.example.test/send', fetch: recordingFetch(503).fetch }).send('13900005557', '111111')).rejects.toThrow(VoteCodeSendError);
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(webhookVoteCodeSender({ url: 'https://sms.example.test/send', fetch: unreachable }).send('13900005558', '222222')).rejects.toThrow(/unreachable/);
    // A permanent refusal (4xx) is not retried: one call only.
    const refusing = recordingFetch(400);
    await expect(webhookVoteCodeSender({ url: 'https://sms.example.test/send', fetch: refusing.fetch }).send('13900005559', '333333')).rejects.toThrow(/HTTP 400/);
    expect(refusing.calls).toHaveLength(1);
  });
});

describe('choosing the sender from the configuration', () => {
  it('defaults to the log sender', () => {
    const config = loadConfig({});
    expect(config.voteCodes).toEqual({ sender: 'log', webhookUrl: undefined, webhookToken: undefined });
    expect(voteCodeSenderFromConfig(config.voteCodes)).toBe(logVoteCodeSender);
  });

  it('builds a webhook sender from VOTE_CODE_SENDER=webhook and its URL and token', async () => {
    const config = loadConfig({ VOTE_CODE_SENDER: 'webhook', VOTE_CODE_WEBHOOK_URL: 'https://sms.example.test/send', VOTE_CODE_WEBHOOK_TOKEN: 'abc' });
    const relay = recordingFetch();
    await voteCodeSenderFromConfig(config.voteCodes, { fetch: relay.fetch }).send('13900006666', '999999');
    expect(relay.calls[0]!.url).toBe('https://sms.example.test/send');
    expect((relay.calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer abc');
  });

  it('refuses to start with the webhook sender but no URL, or an unknown sender, naming the variable', () => {
    expect(() => loadConfig({ VOTE_CODE_SENDER: 'webhook' })).toThrow(/VOTE_CODE_WEBHOOK_URL/);
    expect(() => loadConfig({ VOTE_CODE_SENDER: 'pigeon' })).toThrow(/VOTE_CODE_SENDER/);
    expect(() => loadConfig({ VOTE_CODE_SENDER: 'webhook', VOTE_CODE_WEBHOOK_URL: 'ftp://relay' })).toThrow(/VOTE_CODE_WEBHOOK_URL/);
  });
});

describe('the API uses the plugged-in sender', () => {
  it('202: POST /api/public/vote-codes hands a 6-digit code to the current sender, and that code verifies', async () => {
    const t = await createTestApp();
    try {
      const sent: Array<{ phone: string; code: string }> = [];
      const capturing: VoteCodeSender = { send: async (phone, code) => void sent.push({ phone, code }) };
      setVoteCodeSender(capturing);
      expect(voteCodeSender()).toBe(capturing);
      const response = await t.anonymous().post('/api/public/vote-codes', { phone: '139 0000 7781' });
      expect(response.statusCode).toBe(202);
      expect(sent).toEqual([{ phone: '13900007781', code: expect.stringMatching(/^\d{6}$/) }]);
      // The log sender was not used, so the test-only channel knows nothing of this phone.
      expect(lastVoteCode('13900007781')).toBeUndefined();
      const verified = await t.anonymous().post('/api/public/vote-codes/verify', { phone: '13900007781', code: sent[0]!.code });
      expect(verified.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
