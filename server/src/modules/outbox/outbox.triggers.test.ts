import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { buildRequestWorld, ok, sh, type CaseOut, type RequestWorld } from '../cases/requests.test-support.ts';
import { runDueReminders } from '../inbox/reminders.ts';
import { joinAsParticipant } from '../participants/participants.test-support.ts';
import { runMessageReminders } from './outbox.reminders.ts';

/*
 * What notifies (issue 15, item 3): each trigger queues its messages in the transaction of its cause
 * (or, for calendar reminders, of its once-only claim), to the right people, once.
 */

let t: TestApp;
let w: RequestWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
  await t.handle.db.updateTable('users').set({ phone: '13900002001' }).where('id', '=', w.users.huaxinTeam).execute();
}, 120_000);
afterAll(async () => t.close());
beforeEach(async () => {
  await t.handle.db.deleteFrom('outbox_messages').execute();
});

const rows = (event?: string) => {
  let q = t.handle.db.selectFrom('outbox_messages').select(['event', 'user_id', 'address', 'channel', 'entity', 'entity_id', 'text']).orderBy('id');
  if (event) q = q.where('event', '=', event);
  return q.execute();
};

describe('case about to be overdue, and overdue', () => {
  it('warned once within the window before the reply deadline (in-app + SMS by preference); overdue clocks text the handler by default', async () => {
    t.clock.set(sh('2026-11-24 09:00'));
    let c = ok<CaseOut>(await w.clients.huaxinStaff.post('/api/cases', { divisionId: t.fixture.divisions.huaxinVillage.id, category: 'help', channel: 'hotline', title: '临期测试', content: '……' }), 201);
    c = ok<CaseOut>(await w.clients.huaxinStaff.post(`/api/cases/${c.id}/transition`, { to: 'dispatched', unit: { type: 'organisation', id: w.orgs.huaxinTeam }, version: c.version }));
    // The handler wants "about to be overdue" by SMS too (its default is in-app only).
    ok(await w.clients.huaxinTeam.put('/api/outbox/preferences', { events: [{ event: 'case_due_soon', channels: ['sms'] }] }));
    await t.handle.db.deleteFrom('outbox_messages').execute();
    const dueSoon = () => t.handle.db.selectFrom('notifications').select(['user_id', 'kind']).where('entity', '=', 'case').where('entity_id', '=', c.id).where('kind', '=', 'due_soon').execute();

    // Reply due Fri 11-27 17:30. At 15:00 there are 150 working minutes left: outside the 120-minute window.
    expect((await runDueReminders(t.handle.db, new Date(sh('2026-11-27 15:00')))).dueSoon).toBe(0);
    expect(await dueSoon()).toEqual([]);
    const [a, b] = await Promise.all([runDueReminders(t.handle.db, new Date(sh('2026-11-27 16:00'))), runDueReminders(t.handle.db, new Date(sh('2026-11-27 16:00')))]);
    expect(a.dueSoon + b.dueSoon).toBe(1);
    expect(await dueSoon()).toEqual([{ user_id: w.users.huaxinTeam, kind: 'due_soon' }]);
    expect((await rows('case_due_soon')).map((r) => [r.user_id, r.address, r.channel, r.text])).toEqual([[w.users.huaxinTeam, '13900002001', 'sms', `即将超时：临期测试（${c.ticketNo}），请抓紧办理。`]]);
    expect((await runDueReminders(t.handle.db, new Date(sh('2026-11-27 16:30')))).dueSoon).toBe(0);
    expect(await rows('case_due_soon')).toHaveLength(1);
    // The accept and contact clocks ran out long ago: each overdue clock texts the handler once (default SMS).
    expect((await rows('case_overdue')).map((r) => [r.user_id, r.entity_id])).toEqual([
      [w.users.huaxinTeam, c.id],
      [w.users.huaxinTeam, c.id],
    ]);
    t.clock.set('2026-11-25T02:00:00.000Z');
  });
});

describe('wish claimed / done to the resident who asked on the portal, only with consent', () => {
  it('claim and confirmation each queue one SMS to a consenting submitter; none without consent', async () => {
    t.clock.set(sh('2026-11-25 10:00'));
    let n = 0;
    const wish = async (phone: string, consent: boolean) => {
      const from = `10.8.0.${++n}`;
      const challenge = ok<{ question: string; token: string }>(await t.app.inject({ method: 'GET', url: '/api/portal/challenge', remoteAddress: from }));
      const [, x, op, y] = /^(\d+) ([+-]) (\d+) = \?$/.exec(challenge.question)!;
      const answer = op === '+' ? Number(x) + Number(y) : Number(x) - Number(y);
      const payload = { category: 'wish', divisionId: t.fixture.divisions.huaxinVillage.id, title: '想要一批图书', content: '村里的孩子想要课外书', phone, notifyConsent: consent, challengeToken: challenge.token, challengeAnswer: answer };
      const { ticketNo } = ok<{ ticketNo: string }>(await t.app.inject({ method: 'POST', url: '/api/portal/submissions', remoteAddress: from, payload }), 201);
      return { ticketNo, ...(await t.handle.db.selectFrom('needs').select(['id', 'version', 'state']).where('ticket_no', '=', ticketNo).executeTakeFirstOrThrow()) };
    };
    const through = async (w0: { id: number; version: number }) => {
      let v = w0.version;
      const need = ok<{ version: number; state: string; allowed: string[] }>(await w.clients.huaxinStaff.get(`/api/needs/${w0.id}`));
      if (need.allowed.includes('publish')) v = ok<{ version: number }>(await w.clients.huaxinStaff.post(`/api/needs/${w0.id}/publish`, { version: v })).version;
      v = ok<{ version: number }>(await w.clients.huaxinTeam.post(`/api/needs/${w0.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinTeam, version: v })).version;
      v = ok<{ version: number }>(await w.clients.huaxinTeam.post(`/api/needs/${w0.id}/transition`, { to: 'fulfilled', version: v })).version;
      ok(await w.clients.huaxinStaff.post(`/api/needs/${w0.id}/transition`, { to: 'confirmed', version: v }));
    };
    const yes = await wish('13900004001', true);
    const no = await wish('13900004002', false);
    await through(yes);
    await through(no);
    const sent = (await rows()).filter((r) => r.event === 'wish_claimed' || r.event === 'wish_done');
    expect(sent.map((r) => [r.event, r.address, r.entity, r.entity_id, r.user_id])).toEqual([
      ['wish_claimed', '13900004001', 'need', yes.id, null],
      ['wish_done', '13900004001', 'need', yes.id, null],
    ]);
    expect(sent[1]!.text).toBe(`您的微心愿（编号${yes.ticketNo}）已完成，感谢您的信任。回复TD退订`);
    expect((await rows()).filter((r) => r.address === '13900004002')).toEqual([]);
  });
});

describe('events: registration confirmed, the waiting list moving up, the reminder the day before', () => {
  it('a place is confirmed by SMS, a waiting registrant hears when promoted, and registrants get one reminder the day before', async () => {
    t.clock.set(sh('2026-11-25 10:00'));
    const team = ok<{ id: number }>(await w.clients.huaxinStaff.get(`/api/organisations/${w.orgs.huaxinTeam}`));
    const a = await joinAsParticipant(t, w.clients.huaxinStaff, team.id, '13900005001', 'volunteer');
    const b = await joinAsParticipant(t, w.clients.huaxinStaff, team.id, '13900005002', 'volunteer');
    const event = ok<{ id: number }>(
      await w.clients.huaxinStaff.post('/api/events', { divisionId: t.fixture.divisions.huaxin.id, capacity: 1, title: '志愿服务日', startsAt: '2026-11-28T09:00:00+08:00', endsAt: '2026-11-28T11:00:00+08:00', place: '文化活动中心' }),
      201,
    );
    await t.handle.db.deleteFrom('outbox_messages').execute();
    ok(await a.post(`/api/events/${event.id}/registrations`), 201);
    ok(await b.post(`/api/events/${event.id}/registrations`), 201);
    expect((await rows()).map((r) => [r.event, r.address, r.entity_id, r.text])).toEqual([['event_registered', '13900005001', event.id, '报名成功：志愿服务日，11-28 09:00开始，地点文化活动中心。回复TD退订']]);
    expect((await a.delete(`/api/events/${event.id}/registrations/mine`)).statusCode).toBe(204);
    expect((await rows()).map((r) => [r.event, r.address])).toEqual([
      ['event_registered', '13900005001'],
      ['event_registered', '13900005002'],
    ]);

    // 11-26 23:59 Beijing: the event is two days away — nothing. 11-27 00:01: once, to the one registered.
    expect(await runMessageReminders(t.handle.db, new Date(sh('2026-11-26 23:59')))).toEqual({ events: 0, pledges: 0 });
    const [r1, r2] = await Promise.all([runMessageReminders(t.handle.db, new Date(sh('2026-11-27 00:01'))), runMessageReminders(t.handle.db, new Date(sh('2026-11-27 00:01')))]);
    expect(r1.events + r2.events).toBe(1);
    expect((await runMessageReminders(t.handle.db, new Date(sh('2026-11-27 15:00')))).events).toBe(0);
    expect((await rows('event_reminder')).map((r) => [r.address, r.text])).toEqual([['13900005002', '活动提醒：志愿服务日将于明天11-28 09:00开始，地点文化活动中心。回复TD退订']]);
  });
});

describe('pledge instalment due', () => {
  it('the donor’s handlers are told once, within 3 days of an instalment that receipts do not cover', async () => {
    t.clock.set(sh('2026-11-25 10:00'));
    const campaign = ok<{ id: number }>(await w.clients.huaxinStaff.post('/api/campaigns', { divisionId: t.fixture.divisions.huaxin.id, title: '助学帮扶', targetFen: 10_000_000, startDate: '2026-01-01' }), 201);
    const instalments = [
      { dueDate: '2026-11-27', amountFen: 300_000 },
      { dueDate: '2026-11-28', amountFen: 200_000 },
      { dueDate: '2026-12-20', amountFen: 500_000 },
    ];
    const pledge = ok<{ id: number }>(await w.clients.huaxinStaff.post(`/api/campaigns/${campaign.id}/pledges`, { organisationId: w.orgs.huaxinTeam, amountFen: 1_000_000, pledgedOn: '2026-11-01', instalments }), 201);
    // The first instalment is paid in full already.
    ok(await w.clients.huaxinStaff.post(`/api/campaigns/${campaign.id}/receipts`, { pledgeId: pledge.id, amountFen: 300_000, receivedOn: '2026-11-20' }), 201);
    await t.handle.db.deleteFrom('outbox_messages').execute();
    const now = new Date(sh('2026-11-25 10:00'));
    const [x, y] = await Promise.all([runMessageReminders(t.handle.db, now), runMessageReminders(t.handle.db, now)]);
    expect(x.pledges + y.pledges).toBe(1);
    expect((await runMessageReminders(t.handle.db, new Date(sh('2026-11-26 10:00')))).pledges).toBe(0);
    // The organisation's handlers: its staff account and, in this world, the two volunteers who joined it above.
    const text = '认捐提醒：助学帮扶的一期认捐2000元将于2026-11-28到期。回复TD退订';
    const expected = [['13900002001', text]];
    const joined = await t.handle.db.selectFrom('users').select('phone').where('phone', 'in', ['13900005001', '13900005002']).execute();
    for (const j of joined) expected.push([j.phone!, text]);
    expect((await rows('pledge_due')).map((r) => [r.address, r.text]).sort()).toEqual(expected.sort());
    expect(new Set((await rows('pledge_due')).map((r) => `${r.entity}:${r.entity_id}`))).toEqual(new Set([`campaign_pledge:${pledge.id}`]));
  });
});
