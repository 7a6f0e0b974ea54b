import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { buildRequestWorld, ok, sh, type CaseOut, type RequestWorld } from '../cases/requests.test-support.ts';
import type { Channel, ChannelMessage, SendResult } from './channels/channel.ts';
import { queueForPhone, queueForUsers } from './outbox.queue.ts';
import { runOutbox, type OutboxRunOptions } from './outbox.sender.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
  // The organisation's handler has a mobile on their account (the world's users have none).
  await t.handle.db.updateTable('users').set({ phone: '13900002001' }).where('id', '=', w.users.huaxinTeam).execute();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.handle.db.deleteFrom('outbox_messages').execute();
  await t.handle.db.deleteFrom('message_opt_outs').execute();
  await t.handle.db.deleteFrom('message_preferences').execute();
});

/** A channel that records what it carried and answers what the test says (accepted by default). */
function recorder(answer: (m: ChannelMessage) => SendResult = () => ({ status: 'accepted', providerId: 'p-1' }), delayMs = 0): Channel & { sent: ChannelMessage[] } {
  const sent: ChannelMessage[] = [];
  return {
    name: 'recorder',
    medium: 'sms',
    sent,
    async send(message) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      sent.push(message);
      return answer(message);
    },
  };
}

const options = (sms: Channel, over: Partial<OutboxRunOptions> = {}): OutboxRunOptions => ({ channels: { sms, wechat: null }, holder: 'test-a', maxAttempts: 3, smsDailyCap: 10, ...over });
const rows = () => t.handle.db.selectFrom('outbox_messages').selectAll().orderBy('id').execute();
const base = { entity: 'case', entityId: 1, params: { ticketNo: 'TX1', category: '求助' } };
const queuePhones = async (phones: string[], at: string, extra: { urgent?: boolean } = {}) => {
  for (const phone of phones) await queueForPhone(t.handle.db, phone, t.fixture.divisions.huaxin.id, { event: 'ticket_received', ...base, ...extra, at });
};

let ipCounter = 0;
async function portalSubmit(body: Record<string, unknown>) {
  const ip = `10.9.0.${++ipCounter}`;
  const anon = (o: InjectOptions) => t.app.inject({ remoteAddress: ip, ...o });
  const { question, token } = ok<{ question: string; token: string }>(await anon({ method: 'GET', url: '/api/portal/challenge' }));
  const [, a, op, b] = /^(\d+) ([+-]) (\d+) = \?$/.exec(question)!;
  const challengeAnswer = op === '+' ? Number(a) + Number(b) : Number(a) - Number(b);
  const payload = { category: 'help', divisionId: t.fixture.divisions.huaxinVillage.id, title: '路灯不亮', content: '村口路灯坏了三天', challengeToken: token, challengeAnswer, ...body };
  return ok<{ ticketNo: string }>(await anon({ method: 'POST', url: '/api/portal/submissions', payload }), 201);
}

describe('portal consent: the resident is texted about their ticket only if they ticked it', () => {
  it('consent stored with the ticket; received, replied and closed each queue one SMS to that phone; no tick, no SMS', async () => {
    t.clock.set(sh('2026-11-25 10:00'));
    const yes = await portalSubmit({ phone: '139 0000 3001', notifyConsent: true });
    const no = await portalSubmit({ phone: '13900003002' });
    const yesCase = await t.handle.db.selectFrom('cases').select(['id', 'notify_consent', 'version']).where('ticket_no', '=', yes.ticketNo).executeTakeFirstOrThrow();
    const noCase = await t.handle.db.selectFrom('cases').select(['id', 'notify_consent', 'version']).where('ticket_no', '=', no.ticketNo).executeTakeFirstOrThrow();
    expect([yesCase.notify_consent, noCase.notify_consent]).toEqual([1, 0]);
    let queued = await rows();
    expect(queued.map((r) => [r.event, r.address, r.channel, r.entity_id])).toEqual([['ticket_received', '13900003001', 'sms', yesCase.id]]);
    expect(queued[0]!.text).toBe(`您的求助（编号${yes.ticketNo}）已受理，我们会尽快办理。可凭编号查询进度。回复TD退订`);

    // The office answers both directly, then closes the first.
    const replied = ok<CaseOut>(await w.clients.huaxinStaff.post(`/api/cases/${yesCase.id}/transition`, { to: 'replied', reply: '已报修，三日内修复', version: yesCase.version }));
    ok(await w.clients.huaxinStaff.post(`/api/cases/${noCase.id}/transition`, { to: 'replied', reply: '已报修', version: noCase.version }));
    queued = await rows();
    expect(queued.map((r) => r.event)).toEqual(['ticket_received', 'ticket_replied']);
    const followed = ok<CaseOut>(await w.clients.huaxinStaff.post(`/api/cases/${yesCase.id}/transition`, { to: 'followed_up', satisfaction: 'satisfied', solved: true, version: replied.version }));
    ok(await w.clients.huaxinStaff.post(`/api/cases/${yesCase.id}/transition`, { to: 'closed', note: '已修复', version: followed.version }));
    queued = await rows();
    expect(queued.map((r) => r.event)).toEqual(['ticket_received', 'ticket_replied', 'ticket_closed']);
    expect(queued.every((r) => r.address === '13900003001')).toBe(true);
  });

  it('400: notifyConsent must be a boolean', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/portal/submissions', remoteAddress: '10.9.1.1', payload: { category: 'help', divisionId: 1, title: 'x', content: 'y', phone: '13900003003', challengeToken: 'a', challengeAnswer: 1, notifyConsent: 'yes' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('body.notifyConsent');
  });
});

describe('written in the same transaction as the event', () => {
  it('a transaction that fails after queueing leaves no message', async () => {
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await queueForUsers(trx, [w.users.huaxinTeam], { event: 'case_dispatched', ...base, params: { title: '积水', ticketNo: 'TX2' }, at: sh('2026-11-25 10:00') });
        expect((await trx.selectFrom('outbox_messages').select('id').execute()).length).toBe(1);
        throw new Error('the event write failed');
      }),
    ).rejects.toThrow('the event write failed');
    expect(await rows()).toEqual([]);
  });

  it('a dispatch queues an SMS to the unit’s handler (default for case_dispatched); a stale dispatch (409) queues nothing', async () => {
    t.clock.set(sh('2026-11-25 10:00'));
    const ticket = await portalSubmit({ phone: '13900003010' });
    const c = await t.handle.db.selectFrom('cases').select(['id', 'version']).where('ticket_no', '=', ticket.ticketNo).executeTakeFirstOrThrow();
    const unit = { type: 'organisation', id: w.orgs.huaxinTeam };
    expect((await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit, version: c.version + 1 })).statusCode).toBe(409);
    expect(await rows()).toEqual([]);
    ok(await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit, version: c.version }));
    const queued = await rows();
    expect(queued.map((r) => [r.event, r.user_id, r.address, r.channel, r.division_id])).toEqual([['case_dispatched', w.users.huaxinTeam, '13900002001', 'sms', t.fixture.divisions.huaxin.id]]);
    expect(queued[0]!.text).toBe(`新派单：路灯不亮（${ticket.ticketNo}），请及时签收办理。`);
  });
});

describe('sending', () => {
  it('each message is sent once with two runners claiming at the same time', async () => {
    const at = sh('2026-11-25 10:00');
    const phones = Array.from({ length: 30 }, (_, i) => `1390001${String(i).padStart(4, '0')}`);
    await queuePhones(phones, at);
    const channel = recorder(undefined, 2);
    const [a, b] = await Promise.all([
      runOutbox(t.handle.db, new Date(at), options(channel, { holder: 'runner-a', limit: 20 })),
      runOutbox(t.handle.db, new Date(at), options(channel, { holder: 'runner-b', limit: 20 })),
    ]);
    const third = await runOutbox(t.handle.db, new Date(at), options(channel, { holder: 'runner-c' }));
    expect(a.sent + b.sent + third.sent).toBe(30);
    expect(channel.sent.length).toBe(30);
    expect(new Set(channel.sent.map((m) => m.ref)).size).toBe(30);
    const after = await rows();
    expect(after.length).toBe(30);
    expect(after.every((r) => r.state === 'sent' && r.attempts === 1 && r.provider === 'recorder' && r.provider_id === 'p-1' && r.sent_at === at)).toBe(true);
  });

  it('retries with back-off (1, 2 minutes…), gives up after the limit with the reason kept', async () => {
    const t0 = new Date(sh('2026-11-25 10:00'));
    await queuePhones(['13900004001'], t0.toISOString());
    const busy = recorder(() => ({ status: 'retry', retryAfterMs: null, reason: 'relay answered HTTP 502' }));
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect((await runOutbox(t.handle.db, t0, options(busy))).retried).toBe(1);
    expect((await rows())[0]).toMatchObject({ state: 'queued', attempts: 1, next_attempt_at: at(60_000).toISOString(), last_error: 'relay answered HTTP 502' });
    expect((await runOutbox(t.handle.db, at(59_000), options(busy))).retried).toBe(0);
    expect((await runOutbox(t.handle.db, at(60_000), options(busy))).retried).toBe(1);
    expect((await rows())[0]).toMatchObject({ attempts: 2, next_attempt_at: at(60_000 + 120_000).toISOString() });
    expect((await runOutbox(t.handle.db, at(180_000), options(busy))).failed).toBe(1);
    expect((await rows())[0]).toMatchObject({ state: 'failed', attempts: 3, last_error: 'gave up after 3 attempts: relay answered HTTP 502', finished_at: at(180_000).toISOString() });
    expect(busy.sent.length).toBe(3);
    // A provider's own wait (Retry-After, throttling) is longer than the back-off: it wins.
    await queuePhones(['13900004002'], t0.toISOString());
    await runOutbox(t.handle.db, t0, options(recorder(() => ({ status: 'retry', retryAfterMs: 3_600_000, reason: 'isv.BUSINESS_LIMIT_CONTROL' }))));
    expect((await rows())[1]).toMatchObject({ state: 'queued', next_attempt_at: at(3_600_000).toISOString() });
  });

  it('a permanent failure (bad number) is given up at once', async () => {
    const t0 = sh('2026-11-25 10:00');
    await queuePhones(['13900004003'], t0);
    expect((await runOutbox(t.handle.db, new Date(t0), options(recorder(() => ({ status: 'failed', reason: 'isv.MOBILE_NUMBER_ILLEGAL: 非法手机号' }))))).failed).toBe(1);
    expect((await rows())[0]).toMatchObject({ state: 'failed', attempts: 1, last_error: 'isv.MOBILE_NUMBER_ILLEGAL: 非法手机号' });
  });

  it('quiet hours: no SMS 22:00–08:00 Beijing time but an urgent one; the rest wait for 08:00', async () => {
    const night = sh('2026-11-25 23:30');
    await queuePhones(['13900005001'], night);
    await queuePhones(['13900005002'], night, { urgent: true });
    const channel = recorder();
    expect(await runOutbox(t.handle.db, new Date(night), options(channel))).toMatchObject({ sent: 1, deferred: 1 });
    expect(channel.sent.map((m) => m.to)).toEqual(['13900005002']);
    expect((await rows())[0]).toMatchObject({ state: 'queued', attempts: 0, next_attempt_at: sh('2026-11-26 08:00'), last_error: 'quiet hours' });
    expect((await runOutbox(t.handle.db, new Date(sh('2026-11-26 07:59')), options(channel))).sent).toBe(0);
    expect((await runOutbox(t.handle.db, new Date(sh('2026-11-26 08:00')), options(channel))).sent).toBe(1);
    // 07:59 the next day is still quiet; 21:59 is not.
    await queuePhones(['13900005003'], sh('2026-11-26 21:59'));
    expect((await runOutbox(t.handle.db, new Date(sh('2026-11-26 21:59')), options(channel))).sent).toBe(1);
  });

  it('daily cap per number: beyond it, SMS wait for the next Beijing morning', async () => {
    const at = sh('2026-11-25 10:00');
    await queuePhones(['13900006001', '13900006001', '13900006001', '13900006002'], at);
    const channel = recorder();
    expect(await runOutbox(t.handle.db, new Date(at), options(channel, { smsDailyCap: 2 }))).toMatchObject({ sent: 3, deferred: 1 });
    const capped = (await rows()).filter((r) => r.state === 'queued');
    expect(capped.map((r) => [r.address, r.next_attempt_at, r.last_error])).toEqual([['13900006001', sh('2026-11-26 08:00'), 'daily cap']]);
    expect((await runOutbox(t.handle.db, new Date(sh('2026-11-26 08:00')), options(channel, { smsDailyCap: 2 }))).sent).toBe(1);
  });

  it('no WeChat channel configured: a WeChat message fails with that reason', async () => {
    const at = sh('2026-11-25 10:00');
    await t.handle.db.insertInto('message_preferences').values({ user_id: w.users.huaxinTeam, event: 'case_overdue', channels: 'wechat', updated_at: at }).execute();
    await queueForUsers(t.handle.db, [w.users.huaxinTeam], { event: 'case_overdue', ...base, params: { title: '积水', ticketNo: 'TX3' }, at });
    expect((await runOutbox(t.handle.db, new Date(at), options(recorder()))).failed).toBe(1);
    expect((await rows())[0]).toMatchObject({ channel: 'wechat', state: 'failed', last_error: 'no wechat channel configured' });
  });
});

describe('opt-out and preferences take effect at once', () => {
  it('201: POST /api/outbox/opt-outs cancels the number’s queued SMS; nothing more is queued or sent to it', async () => {
    const at = sh('2026-11-25 10:00');
    await queuePhones(['13900007001', '13900007001', '13900007002'], at);
    const response = await w.clients.huaxinStaff.post('/api/outbox/opt-outs', { phone: '13900007001' });
    expect(ok<{ cancelled: number }>(response, 201)).toEqual({ cancelled: 2 });
    await queuePhones(['13900007001'], at);
    expect((await rows()).map((r) => [r.address, r.state, r.last_error])).toEqual([
      ['13900007001', 'cancelled', 'opted out'],
      ['13900007001', 'cancelled', 'opted out'],
      ['13900007002', 'queued', null],
    ]);
    const channel = recorder();
    expect((await runOutbox(t.handle.db, new Date(at), options(channel))).sent).toBe(1);
    expect(channel.sent.map((m) => m.to)).toEqual(['13900007002']);
  });

  it('an opt-out recorded while a message is already queued stops it at send time', async () => {
    const at = sh('2026-11-25 10:00');
    await queuePhones(['13900007003'], at);
    await t.handle.db.insertInto('message_opt_outs').values({ address: '13900007003', source: 'reply_td', created_at: at }).execute();
    expect(await runOutbox(t.handle.db, new Date(at), options(recorder()))).toMatchObject({ sent: 0, cancelled: 1 });
  });

  it('400 on a bad number, 403 for a handler', async () => {
    expect((await w.clients.huaxinStaff.post('/api/outbox/opt-outs', { phone: '12345' })).statusCode).toBe(400);
    expect((await w.clients.huaxinTeam.post('/api/outbox/opt-outs', { phone: '13900007009' })).statusCode).toBe(403);
  });

  it('200: GET/PUT /api/outbox/preferences: defaults, then SMS off for dispatches stops queued and new ones', async () => {
    const client = w.clients.huaxinTeam;
    const before = ok<{ phone: string; wechatAvailable: boolean; events: Array<{ event: string; channels: string[]; isDefault: boolean }> }>(await client.get('/api/outbox/preferences'));
    expect(before.phone).toBe('139****2001');
    expect(before.wechatAvailable).toBe(false);
    expect(before.events.find((e) => e.event === 'case_dispatched')).toEqual({ event: 'case_dispatched', channels: ['sms'], isDefault: true });
    const at = sh('2026-11-25 10:00');
    await queueForUsers(t.handle.db, [w.users.huaxinTeam], { event: 'case_dispatched', ...base, params: { title: '积水', ticketNo: 'TX4' }, at });
    const after = ok<typeof before>(await client.put('/api/outbox/preferences', { events: [{ event: 'case_dispatched', channels: [] }] }));
    expect(after.events.find((e) => e.event === 'case_dispatched')).toEqual({ event: 'case_dispatched', channels: [], isDefault: false });
    expect(await runOutbox(t.handle.db, new Date(at), options(recorder()))).toMatchObject({ sent: 0, cancelled: 1 });
    expect(await queueForUsers(t.handle.db, [w.users.huaxinTeam], { event: 'case_dispatched', ...base, params: { title: '积水', ticketNo: 'TX5' }, at })).toBe(0);
    const dup = await client.put('/api/outbox/preferences', { events: [{ event: 'case_dispatched', channels: [] }, { event: 'case_dispatched', channels: ['sms'] }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('body.events.1.event');
    expect((await t.anonymous().get('/api/outbox/preferences')).statusCode).toBe(401);
  });
});

describe('delivery log: GET /api/outbox/messages', () => {
  it('200 for office staff of the subtree, numbers masked, newest first; other districts see none; 403 for a handler; 401 anonymous', async () => {
    const at = sh('2026-11-25 10:00');
    await queuePhones(['13900008001'], at);
    await runOutbox(t.handle.db, new Date(at), options(recorder(() => ({ status: 'failed', reason: 'isv.MOBILE_NUMBER_ILLEGAL' }))));
    await queuePhones(['13900008002'], at);
    const page = ok<{ total: number; items: Array<Record<string, unknown>> }>(await w.clients.huaxinStaff.get('/api/outbox/messages'));
    expect(page.total).toBe(2);
    expect(page.items.map((m) => [m.address, m.state, m.lastError, m.divisionName])).toEqual([
      ['139****8002', 'queued', null, '华新镇'],
      ['139****8001', 'failed', 'isv.MOBILE_NUMBER_ILLEGAL', '华新镇'],
    ]);
    expect(JSON.stringify(page)).not.toContain('13900008001');
    expect(ok<{ total: number }>(await w.clients.qingpuAdmin.get('/api/outbox/messages?state=failed')).total).toBe(1);
    expect(ok<{ total: number }>(await (await t.signIn('jinshan.admin')).get('/api/outbox/messages')).total).toBe(0);
    expect((await w.clients.huaxinTeam.get('/api/outbox/messages')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/outbox/messages')).statusCode).toBe(401);
    expect((await w.clients.huaxinStaff.get('/api/outbox/messages?state=lost')).statusCode).toBe(400);
  });
});
