import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp } from '../../test/harness.ts';
import { buildRequestWorld, fieldsOf, ok, type CaseOut, type RequestWorld } from '../cases/requests.test-support.ts';
import { portalLimits } from './portal.guard.ts';

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
});
afterAll(async () => t.close());

let ipCounter = 0;
/** Each test speaks from its own address, so the per-address limits of one test do not leak into another. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function anon(ip: string) {
  return (options: InjectOptions) => t.app.inject({ remoteAddress: ip, ...options });
}

async function solve(ip: string): Promise<{ challengeToken: string; challengeAnswer: number }> {
  const response = await anon(ip)({ method: 'GET', url: '/api/portal/challenge' });
  const { question, token } = ok<{ question: string; token: string }>(response);
  const [, a, op, b] = /^(\d+) ([+-]) (\d+) = \?$/.exec(question)!;
  return { challengeToken: token, challengeAnswer: op === '+' ? Number(a) + Number(b) : Number(a) - Number(b) };
}

let phoneCounter = 0;
const freshPhone = () => `1380000${String(++phoneCounter).padStart(4, '0')}`;

async function submit(ip: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return anon(ip)({
    method: 'POST',
    url: '/api/portal/submissions',
    headers,
    payload: { category: 'help', divisionId: t.fixture.divisions.huaxinVillage.id, title: '家门口积水', content: '下雨后门口积水严重', phone: freshPhone(), ...(await solve(ip)), ...body },
  });
}

const track = (ip: string, ticketNo: string, phoneLast4: string) => anon(ip)({ method: 'POST', url: '/api/portal/track', payload: { ticketNo, phoneLast4 } });

describe('public portal: submit', () => {
  it('201 without signing in: a help request becomes a case waiting at the village’s office, with a ticket', async () => {
    const ip = freshIp();
    const response = await submit(ip, { phone: '139 1111 2222', name: '王先生' });
    const receipt = ok<{ ticketNo: string; category: string }>(response, 201);
    expect(receipt.ticketNo).toMatch(/^TX\d{6}-[0-9A-HJKMNP-TV-Z]{8}$/);
    const row = await t.handle.db.selectFrom('cases').selectAll().where('ticket_no', '=', receipt.ticketNo).executeTakeFirstOrThrow();
    // The village has no office account, so its town's office takes it.
    expect(row).toMatchObject({ channel: 'portal', state: 'received', kind: 'help', submitter_phone: '13911112222', office_division_id: t.fixture.divisions.huaxin.id });
    const [audit] = await auditRows(t.handle, 'portal.submit');
    expect(audit).toMatchObject({ actor_id: null, actor_name: 'portal' });
    expect(audit!.detail).not.toContain('1391111');
  });

  it('the same Idempotency-Key twice (a double click) creates one request: 201 then 200 with the same ticket', async () => {
    const ip = freshIp();
    const phone = freshPhone();
    const body = { phone, ...(await solve(ip)), title: '双击测试' };
    const headers = { 'idempotency-key': 'double-click-0001' };
    const send = () => anon(ip)({ method: 'POST', url: '/api/portal/submissions', headers, payload: { category: 'question', divisionId: t.fixture.divisions.huaxin.id, content: '咨询', ...body } });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(first.json().ticketNo).toBe(second.json().ticketNo);
    const again = await send();
    expect(again.statusCode).toBe(200);
    expect(again.json().ticketNo).toBe(first.json().ticketNo);
    const rows = await t.handle.db.selectFrom('cases').select('id').where('title', '=', '双击测试').execute();
    expect(rows).toHaveLength(1);
    // The key in the body works as well as the header.
    const viaBody = await submit(freshIp(), { phone: freshPhone(), idempotencyKey: 'body-key-00000001', title: '正文键' });
    expect(viaBody.statusCode).toBe(201);
  });

  it('409: the same idempotency key with another phone is not a retry', async () => {
    const ip = freshIp();
    expect((await submit(ip, {}, { 'idempotency-key': 'key-with-two-phones' })).statusCode).toBe(201);
    const other = await submit(ip, {}, { 'idempotency-key': 'key-with-two-phones' });
    expect(other.statusCode).toBe(409);
  });

  it('400: a wrong answer to the human check, a reused or forged challenge', async () => {
    const ip = freshIp();
    const challenge = await solve(ip);
    const wrong = await submit(ip, { ...challenge, challengeAnswer: challenge.challengeAnswer + 1 });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(wrong.json()))).toEqual(['body.challengeAnswer']);
    expect((await submit(ip, challenge)).statusCode).toBe(201);
    const reused = await submit(ip, challenge);
    expect(reused.statusCode).toBe(400);
    const forged = await submit(ip, { challengeToken: `${challenge.challengeToken.split('.')[0]}.forged`, challengeAnswer: challenge.challengeAnswer });
    expect(forged.statusCode).toBe(400);
    const unused = await solve(ip);
    t.clock.advance(11 * 60_000);
    const late = await anon(ip)({
      method: 'POST',
      url: '/api/portal/submissions',
      headers: { 'accept-language': 'en' },
      payload: { category: 'help', divisionId: t.fixture.divisions.huaxin.id, title: 'x', content: 'y', phone: freshPhone(), ...unused },
    });
    expect(fieldsOf(late.json())).toEqual({ 'body.challengeAnswer': 'The check question has expired or was used; get a new one' });
    t.clock.set('2026-11-25T02:00:00.000Z');
  });

  it('400: missing fields, an unknown category, a landline, an unknown division, over-long text, a wish date in the past', async () => {
    const ip = freshIp();
    const response = await anon(ip)({ method: 'POST', url: '/api/portal/submissions', payload: { category: 'rumour', title: '长'.repeat(61), phone: '021-59881234', challengeToken: 'x', challengeAnswer: 1 } });
    expect(Object.keys(fieldsOf(response.json())).sort()).toEqual(['body.category', 'body.content', 'body.divisionId', 'body.phone', 'body.title']);
    expect(fieldsOf((await submit(ip, { divisionId: 999999 })).json())).toHaveProperty('body.divisionId');
    expect(fieldsOf((await submit(ip, { category: 'wish', wantedBy: '2020-01-01' })).json())).toHaveProperty('body.wantedBy');
  });

  it(`429: more than ${portalLimits.submitsPerIpPerHour} submissions an hour from one address, and more than ${portalLimits.submitsPerPhonePerDay} a day from one phone`, async () => {
    const ip = freshIp();
    for (let i = 0; i < portalLimits.submitsPerIpPerHour; i += 1) expect((await submit(ip)).statusCode).toBe(201);
    const limited = await submit(ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected; an hour later this one may submit again.
    expect((await submit(freshIp())).statusCode).toBe(201);
    t.clock.advance(61 * 60_000);
    expect((await submit(ip)).statusCode).toBe(201);
    t.clock.set('2026-11-25T02:00:00.000Z');

    const phone = freshPhone();
    for (let i = 0; i < portalLimits.submitsPerPhonePerDay; i += 1) expect((await submit(freshIp(), { phone })).statusCode).toBe(201);
    expect((await submit(freshIp(), { phone })).statusCode).toBe(429);
  });

  it('divisions to pick from: roots, children with hasChildren, and a name search with the path', async () => {
    const ip = freshIp();
    const roots = ok<Array<{ name: string; hasChildren: boolean }>>(await anon(ip)({ method: 'GET', url: '/api/portal/divisions' }));
    expect(roots.map((r) => r.name)).toEqual(expect.arrayContaining(['上海市', '安徽省']));
    const towns = ok<Array<{ name: string; hasChildren: boolean }>>(await anon(ip)({ method: 'GET', url: `/api/portal/divisions?parentId=${t.fixture.divisions.qingpu.id}` }));
    expect(towns.find((d) => d.name === '华新镇')?.hasChildren).toBe(true);
    const found = ok<Array<{ name: string; pathNames: string[] }>>(await anon(ip)({ method: 'GET', url: `/api/portal/divisions?q=${encodeURIComponent('华新村')}` }));
    expect(found[0]).toMatchObject({ name: '华新村', pathNames: ['上海市', '青浦区', '华新镇', '华新村'] });
  });
});

describe('public portal: track', () => {
  it('shows every public step and the final reply, never staff notes, returns, reminders, handler names or the phone', async () => {
    const ip = freshIp();
    const { ticketNo } = ok<{ ticketNo: string }>(await submit(ip, { phone: '13722223333' }), 201);
    const row = await t.handle.db.selectFrom('cases').select(['id']).where('ticket_no', '=', ticketNo).executeTakeFirstOrThrow();
    const staff = w.clients.huaxinStaff;
    const unit = w.clients.villageHandler;
    const get = async () => ok<CaseOut>(await staff.get(`/api/cases/${row.id}`));
    const go = async (client: typeof staff, body: Record<string, unknown>) => ok<CaseOut>(await client.post(`/api/cases/${row.id}/transition`, { ...body, version: (await get()).version }));
    ok(await staff.post(`/api/cases/${row.id}/notes`, { note: '内部：该户曾多次来电' }));
    await go(staff, { to: 'dispatched', unit: { type: 'division', id: t.fixture.divisions.huaxinVillage.id }, note: '请村委会处理（内部）' });
    await go(unit, { to: 'returned', note: '不属于我村（内部退单理由）' });
    await go(staff, { to: 'dispatched', unit: { type: 'division', id: t.fixture.divisions.huaxinVillage.id }, note: '已转交华新村村委会', public: true });
    await go(unit, { to: 'accepted' });
    ok(await staff.post(`/api/cases/${row.id}/remind`, { note: '内部催办' }));
    await go(unit, { to: 'in_progress' });
    await go(unit, { to: 'replied', reply: '已清理下水道，积水已排除。' });

    const result = ok<{ status: string; steps: Array<{ step: string; unitName: string | null; note: string | null }>; reply: { text: string } | null }>(await track(ip, ticketNo.toLowerCase(), '3333'));
    expect(result.status).toBe('replied');
    expect(result.steps.map((s) => s.step)).toEqual(['received', 'dispatched', 'dispatched', 'accepted', 'in_progress', 'replied']);
    expect(result.steps.map((s) => s.note)).toEqual([null, null, '已转交华新村村委会', null, null, null]);
    expect(result.steps[3]!.unitName).toBe('华新村');
    expect(result.reply?.text).toBe('已清理下水道，积水已排除。');
    const text = JSON.stringify(result);
    for (const secret of ['内部', 'village.handler', 'huaxin.staff', '13722223333', '退单', 'returned']) expect(text).not.toContain(secret);

    await go(staff, { to: 'followed_up', satisfaction: 'satisfied', solved: true });
    await go(staff, { to: 'closed' });
    expect(ok<{ status: string }>(await track(ip, ticketNo, '3333')).status).toBe('closed');
  });

  it('404 for a wrong last four digits and for an unknown ticket alike; 429 after too many misses', async () => {
    const ip = freshIp();
    const { ticketNo } = ok<{ ticketNo: string }>(await submit(ip, { phone: '13744445555' }), 201);
    const wrongDigits = await track(ip, ticketNo, '0000');
    const unknown = await track(ip, 'TX261125-00000000', '5555');
    expect([wrongDigits.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrongDigits.json().error.message).toBe(unknown.json().error.message);
    expect((await track(ip, ticketNo, '12a4')).statusCode).toBe(400);
    const guesser = freshIp();
    for (let i = 0; i < portalLimits.trackFailuresPerIpPerHour; i += 1) expect((await track(guesser, 'TX261125-00000000', '1234')).statusCode).toBe(404);
    expect((await track(guesser, ticketNo, '5555')).statusCode).toBe(429);
  });

  it('a wish waits for review, then shows its publication and the claiming organisation', async () => {
    const ip = freshIp();
    const { ticketNo } = ok<{ ticketNo: string }>(await submit(ip, { category: 'wish', title: '想要一套儿童绘本', phone: '13766667777', wantedBy: '2026-12-20' }), 201);
    expect(ok<{ status: string }>(await track(ip, ticketNo, '7777')).status).toBe('awaiting_review');
    const need = await t.handle.db.selectFrom('needs').select(['id', 'version', 'published_at']).where('ticket_no', '=', ticketNo).executeTakeFirstOrThrow();
    expect(need.published_at).toBeNull();
    const published = ok<CaseOut>(await w.clients.huaxinStaff.post(`/api/needs/${need.id}/publish`, { version: need.version }));
    ok(await w.clients.huaxinTeam.post(`/api/needs/${need.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinTeam, version: published.version }));
    const result = ok<{ status: string; category: string; steps: Array<{ step: string; unitName: string | null }> }>(await track(ip, ticketNo, '7777'));
    expect(result).toMatchObject({ status: 'claimed', category: 'wish' });
    expect(result.steps.map((s) => [s.step, s.unitName])).toEqual([
      ['received', null],
      ['published', null],
      ['claimed', '华新镇志愿服务队'],
    ]);
    expect(JSON.stringify(result)).not.toContain('huaxin.team');
  });
});
