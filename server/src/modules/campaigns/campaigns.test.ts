import { parseFen } from '@tongxin/core/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addOrganisation } from '../competitions/judging.fixture.ts';

/**
 * A Huaxin campaign with a target of 1,920万元: D1 pledges 1,000万 in three instalments, D2 920万
 * due 2026-03-31, D3 gives 10万 unpledged. The clock stands at 2026-11-25 (Shanghai).
 */
let t: TestApp;
let huaxin: TestClient;
let campaignId: number;
const orgs = { d1: 0, d2: 0, d3: 0, outside: 0 };
const pledges = { d1: 0, d2: 0 };
const wan = (text: string) => parseFen(`${text}万`);

beforeAll(async () => {
  t = await createTestApp();
  huaxin = await t.signIn('huaxin.staff');
  orgs.d1 = await addOrganisation(t, '华新恒通机械有限公司', t.fixture.divisions.huaxin.id);
  orgs.d2 = await addOrganisation(t, '华新宏达电子有限公司', t.fixture.divisions.huaxin.id);
  orgs.d3 = await addOrganisation(t, '华新金源物流有限公司', t.fixture.divisions.huaxinVillage.id);
  orgs.outside = await addOrganisation(t, '赵巷某公司', t.fixture.divisions.zhaoxiang.id);
});
afterAll(async () => t.close());

const campaign = async () => (await huaxin.get(`/api/campaigns/${campaignId}`)).json();

describe('campaigns', () => {
  it('201: a town creates a campaign with a target in fen; audited', async () => {
    const response = await huaxin.post('/api/campaigns', {
      divisionId: t.fixture.divisions.huaxin.id,
      title: '华新镇慈善帮扶（2024—2026）',
      targetFen: wan('1920'),
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      beneficiaryName: '结对帮扶县',
    });
    expect(response.statusCode).toBe(201);
    campaignId = response.json().id;
    expect(response.json().progress).toEqual({ targetFen: 1_920_000_000, pledgedFen: 0, receivedFen: 0, outstandingFen: 0, pledgedOfTarget: 0, receivedOfTarget: 0, receivedOfPledged: null, overdueCount: 0, overdueFen: 0 });
    expect((await auditRows(t.handle, 'campaign.create'))[0]).toMatchObject({ entity_id: String(campaignId) });
  });

  it('400: a zero, fractional or text target, an end before the start, a missing title', async () => {
    const response = await huaxin.post('/api/campaigns', { divisionId: t.fixture.divisions.huaxin.id, targetFen: 1.5, startDate: '2026-12-01', endDate: '2026-01-01' });
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.targetFen', 'body.title']);
    const period = await huaxin.post('/api/campaigns', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', targetFen: 100, startDate: '2026-12-01', endDate: '2026-01-01' });
    expect(period.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.endDate']);
    expect((await huaxin.post('/api/campaigns', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', targetFen: 0, startDate: '2026-01-01' })).statusCode).toBe(400);
    expect((await huaxin.post('/api/campaigns', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', targetFen: '1920万', startDate: '2026-01-01' })).statusCode).toBe(400);
    expect((await huaxin.post('/api/campaigns', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', targetFen: 100, startDate: '2026-02-30' })).statusCode).toBe(400);
  });

  it('403: another town can neither read, list, nor record against it; 401 without a session', async () => {
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    expect((await zhaoxiang.get(`/api/campaigns/${campaignId}`)).statusCode).toBe(403);
    expect((await zhaoxiang.get('/api/campaigns')).json().total).toBe(0);
    expect((await zhaoxiang.post(`/api/campaigns/${campaignId}/pledges`, { organisationId: orgs.outside, amountFen: 100, pledgedOn: '2026-01-01' })).statusCode).toBe(403);
    expect((await zhaoxiang.get(`/api/campaigns/overdue-pledges?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/campaigns')).statusCode).toBe(401);
    expect((await (await t.signIn('qingpu.admin')).get('/api/campaigns')).json().total).toBe(1);
  });
});

describe('pledges and receipts', () => {
  it('201: a pledge in instalments that add up exactly; 400 when they do not, or with a due date as well', async () => {
    const instalments = [
      { dueDate: '2025-06-30', amountFen: wan('400') },
      { dueDate: '2026-06-30', amountFen: wan('300') },
      { dueDate: '2026-12-31', amountFen: wan('300') },
    ];
    const bad = await huaxin.post(`/api/campaigns/${campaignId}/pledges`, { organisationId: orgs.d1, amountFen: wan('999'), pledgedOn: '2025-01-10', instalments, dueDate: '2026-01-01' });
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.dueDate', 'body.instalments']);
    const response = await huaxin.post(`/api/campaigns/${campaignId}/pledges`, { organisationId: orgs.d1, amountFen: wan('1000'), pledgedOn: '2025-01-10', instalments });
    expect(response.statusCode).toBe(201);
    pledges.d1 = response.json().id;
    expect(response.json()).toMatchObject({ amountFen: 1_000_000_000, instalments, receivedFen: 0, outstandingFen: 1_000_000_000, overdueFen: wan('700') });
    const single = await huaxin.post(`/api/campaigns/${campaignId}/pledges`, { organisationId: orgs.d2, amountFen: wan('920'), pledgedOn: '2025-02-01', dueDate: '2026-03-31' });
    pledges.d2 = single.json().id;
  });

  it('400: a donor outside the subtree, an unknown donor', async () => {
    expect((await huaxin.post(`/api/campaigns/${campaignId}/pledges`, { organisationId: orgs.outside, amountFen: 100, pledgedOn: '2026-01-01' })).json().error.fields[0].path).toBe('body.organisationId');
    expect((await huaxin.post(`/api/campaigns/${campaignId}/pledges`, { organisationId: 99999, amountFen: 100, pledgedOn: '2026-01-01' })).statusCode).toBe(400);
  });

  it('201: receipts against pledges and an unpledged donation; 400 for another donor’s pledge or a future date', async () => {
    const receipt = (body: Record<string, unknown>) => huaxin.post(`/api/campaigns/${campaignId}/receipts`, body);
    expect((await receipt({ pledgeId: pledges.d1, amountFen: wan('400'), receivedOn: '2025-06-20', reference: '转账 0001' })).statusCode).toBe(201);
    const second = await receipt({ pledgeId: pledges.d1, amountFen: wan('250'), receivedOn: '2026-07-01' });
    expect(second.json()).toMatchObject({ organisationId: orgs.d1, organisationName: '华新恒通机械有限公司', amountFen: 250_000_000 });
    expect((await receipt({ organisationId: orgs.d3, amountFen: wan('10'), receivedOn: '2026-05-04' })).statusCode).toBe(201);
    expect((await receipt({ pledgeId: pledges.d1, organisationId: orgs.d2, amountFen: 1, receivedOn: '2026-07-01' })).json().error.fields[0].path).toBe('body.organisationId');
    expect((await receipt({ pledgeId: pledges.d1, amountFen: 1, receivedOn: '2026-11-26' })).json().error.fields[0].path).toBe('body.receivedOn');
    expect((await receipt({ amountFen: 1, receivedOn: '2026-11-01' })).json().error.fields[0].path).toBe('body.organisationId');
  });

  it('200: pledged vs received vs target, per donor and overdue, exact in fen', async () => {
    const detail = await campaign();
    // Pledged 1,000万 + 920万 = 1,920万 = the target; received 400万 + 250万 + 10万 = 660万.
    expect(detail.progress).toEqual({
      targetFen: 1_920_000_000,
      pledgedFen: 1_920_000_000,
      receivedFen: 660_000_000,
      outstandingFen: 1_270_000_000,
      pledgedOfTarget: 1,
      receivedOfTarget: 660 / 1920,
      receivedOfPledged: 660 / 1920,
      overdueCount: 2,
      // D1: 700万 due by 2026-06-30, 650万 received → 50万 short; D2: 920万 due 2026-03-31, nothing received.
      overdueFen: wan('970'),
    });
    expect(detail.byDonor).toEqual([
      { organisationId: orgs.d1, organisationName: '华新恒通机械有限公司', pledgedFen: wan('1000'), receivedFen: wan('650') },
      { organisationId: orgs.d2, organisationName: '华新宏达电子有限公司', pledgedFen: wan('920'), receivedFen: 0 },
      { organisationId: orgs.d3, organisationName: '华新金源物流有限公司', pledgedFen: 0, receivedFen: wan('10') },
    ].sort((a, b) => String(a.organisationId).localeCompare(String(b.organisationId))));
    const overdue = (await huaxin.get('/api/campaigns/overdue-pledges')).json();
    expect(overdue.map((o: { pledgeId: number; shortFen: number }) => [o.pledgeId, o.shortFen])).toEqual([[pledges.d2, wan('920')], [pledges.d1, wan('50')]]);
  });

  it('200: an instalment due today is not overdue yet; it is from the next day (Shanghai)', async () => {
    t.clock.set('2026-03-31T15:59:00.000Z'); // 23:59 on 31 March in Shanghai
    expect((await huaxin.get(`/api/campaigns/${campaignId}/pledges`)).json().find((p: { id: number }) => p.id === pledges.d2).overdueFen).toBe(0);
    t.clock.set('2026-03-31T16:00:00.000Z'); // 00:00 on 1 April
    expect((await huaxin.get(`/api/campaigns/${campaignId}/pledges`)).json().find((p: { id: number }) => p.id === pledges.d2).overdueFen).toBe(wan('920'));
    t.clock.set('2026-11-25T02:00:00.000Z');
  });

  it('200: voiding a receipt keeps it, with the reason, out of every figure; 409 voiding twice', async () => {
    const receipts = (await huaxin.get(`/api/campaigns/${campaignId}/receipts`)).json();
    const wrong = receipts.find((r: { amountFen: number }) => r.amountFen === wan('250'));
    const voided = await huaxin.post(`/api/campaigns/${campaignId}/receipts/${wrong.id}/void`, { reason: '重复录入' });
    expect(voided.json()).toMatchObject({ voided: true, voidReason: '重复录入' });
    expect((await campaign()).progress).toMatchObject({ receivedFen: wan('410'), overdueFen: wan('1220') });
    expect((await huaxin.post(`/api/campaigns/${campaignId}/receipts/${wrong.id}/void`, { reason: 'again' })).statusCode).toBe(409);
    expect((await huaxin.get(`/api/campaigns/${campaignId}/receipts?voided=true`)).json()).toHaveLength(1);
  });

  it('400: a pledge cannot drop below what was received, nor get instalments that do not add up; 200 otherwise', async () => {
    const pledge = (await huaxin.get(`/api/campaigns/${campaignId}/pledges`)).json().find((p: { id: number }) => p.id === pledges.d1);
    expect((await huaxin.patch(`/api/campaigns/${campaignId}/pledges/${pledges.d1}`, { amountFen: wan('300'), instalments: [{ dueDate: '2025-06-30', amountFen: wan('300') }], version: pledge.version })).json().error.fields[0].path).toBe('body.amountFen');
    expect((await huaxin.patch(`/api/campaigns/${campaignId}/pledges/${pledges.d1}`, { amountFen: wan('1100'), version: pledge.version })).json().error.fields[0].path).toBe('body.instalments');
    const ok = await huaxin.patch(`/api/campaigns/${campaignId}/pledges/${pledges.d1}`, { amountFen: wan('1100'), instalments: [{ dueDate: '2025-06-30', amountFen: wan('400') }, { dueDate: '2027-06-30', amountFen: wan('700') }], version: pledge.version });
    expect(ok.json()).toMatchObject({ amountFen: wan('1100'), overdueFen: 0, receivedFen: wan('400') });
    expect((await huaxin.patch(`/api/campaigns/${campaignId}/pledges/${pledges.d1}`, { note: 'x', version: pledge.version })).statusCode).toBe(409);
  });

  it('409: a pledge with money received cannot be cancelled; 200 for one without', async () => {
    const list = (await huaxin.get(`/api/campaigns/${campaignId}/pledges`)).json();
    const d1 = list.find((p: { id: number }) => p.id === pledges.d1);
    const d2 = list.find((p: { id: number }) => p.id === pledges.d2);
    expect((await huaxin.post(`/api/campaigns/${campaignId}/pledges/${pledges.d1}/cancel`, { version: d1.version })).statusCode).toBe(409);
    expect((await huaxin.post(`/api/campaigns/${campaignId}/pledges/${pledges.d2}/cancel`, { version: d2.version })).json().cancelled).toBe(true);
    expect((await campaign()).progress).toMatchObject({ pledgedFen: wan('1100'), overdueCount: 0 });
    expect((await huaxin.post(`/api/campaigns/${campaignId}/receipts`, { pledgeId: pledges.d2, amountFen: 1, receivedOn: '2026-11-01' })).statusCode).toBe(400);
  });
});

describe('large amounts', () => {
  it('201: 480.4亿元 (4.8×10^12 fen, beyond 32 bits) is stored and summed exactly on both engines', async () => {
    const admin = await t.signIn('admin');
    const big = (await admin.post('/api/campaigns', { divisionId: t.fixture.divisions.shanghai.id, title: '大额测试', targetFen: parseFen('480.4亿元'), startDate: '2026-01-01' })).json();
    const donor = await addOrganisation(t, '上海某集团', t.fixture.divisions.shanghai.id);
    const pledge = (await admin.post(`/api/campaigns/${big.id}/pledges`, { organisationId: donor, amountFen: 4_804_000_000_001, pledgedOn: '2026-01-01', dueDate: '2026-12-31' })).json();
    await admin.post(`/api/campaigns/${big.id}/receipts`, { pledgeId: pledge.id, amountFen: 2_402_000_000_000, receivedOn: '2026-06-01' });
    await admin.post(`/api/campaigns/${big.id}/receipts`, { pledgeId: pledge.id, amountFen: 2_402_000_000_000, receivedOn: '2026-07-01' });
    const progress = (await admin.get(`/api/campaigns/${big.id}`)).json().progress;
    expect(progress).toMatchObject({ targetFen: 4_804_000_000_000, pledgedFen: 4_804_000_000_001, receivedFen: 4_804_000_000_000, outstandingFen: 1, receivedOfTarget: 1 });
    const row = await t.handle.db.selectFrom('campaign_pledges').select('amount_fen').where('id', '=', pledge.id).executeTakeFirstOrThrow();
    expect(row.amount_fen).toBe(4_804_000_000_001);
    expect(typeof row.amount_fen).toBe('number');
  });
});
