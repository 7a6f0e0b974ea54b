import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';
import { addOrganisation } from '../competitions/judging.fixture.ts';

const ids = { campaign: 0, zhaoxiangCampaign: 0 };

/** A Huaxin campaign: 恒通 pledges 1,000.50 yuan due 2026-03-31 and pays 400.25 of it; 金源 gives 10 yuan unpledged; one receipt voided. */
const s = useExportSuite(async ({ t, admin }) => {
  t.clock.set('2026-11-25T02:00:00.000Z');
  const d = t.fixture.divisions;
  const hengtong = await addOrganisation(t, '华新恒通机械有限公司', d.huaxin.id);
  const jinyuan = await addOrganisation(t, '华新金源物流有限公司', d.huaxinVillage.id);
  const created = await admin.post('/api/campaigns', { divisionId: d.huaxin.id, title: '华新镇慈善帮扶', targetFen: 1_000_000, startDate: '2026-01-01', endDate: '2026-12-31' });
  expect(created.statusCode, created.body).toBe(201);
  ids.campaign = created.json().id;
  const other = await admin.post('/api/campaigns', { divisionId: d.zhaoxiang.id, title: '赵巷帮扶', targetFen: 100, startDate: '2026-01-01', endDate: '2026-12-31' });
  ids.zhaoxiangCampaign = other.json().id;
  const pledge = await admin.post(`/api/campaigns/${ids.campaign}/pledges`, { organisationId: hengtong, amountFen: 100_050, pledgedOn: '2026-02-01', dueDate: '2026-03-31', note: '首笔' });
  expect(pledge.statusCode, pledge.body).toBe(201);
  const receipt = (body: Record<string, unknown>) => admin.post(`/api/campaigns/${ids.campaign}/receipts`, body);
  expect((await receipt({ pledgeId: pledge.json().id, amountFen: 40_025, receivedOn: '2026-03-20', reference: '转账0001' })).statusCode).toBe(201);
  expect((await receipt({ organisationId: jinyuan, amountFen: 1_000, receivedOn: '2026-05-04' })).statusCode).toBe(201);
  const wrong = await receipt({ organisationId: jinyuan, amountFen: 5, receivedOn: '2026-05-05' });
  expect((await admin.post(`/api/campaigns/${ids.campaign}/receipts/${wrong.json().id}/void`, { reason: '录入错误' })).statusCode).toBe(200);
});

describe('GET /api/campaigns/:id/pledges/export', () => {
  it('200: the pledges with received, outstanding and overdue amounts in yuan; audited on the campaign', async () => {
    const response = await s.huaxinStaff.get(`/api/campaigns/${ids.campaign}/pledges/export`);
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows).toEqual([
      ['募集活动', '认捐单位', '认捐金额（元）', '认捐日期', '约定到账日期', '已到账（元）', '未到账（元）', '逾期未到账（元）', '状态', '备注'],
      ['华新镇慈善帮扶', '华新恒通机械有限公司', '1000.5', '2026-02-01', '2026-03-31', '400.25', '600.25', '600.25', '有效', '首笔'],
    ]);
    await expectTownExportAudited(s, 'pledge.export', 'pledge', 1);
    const [audit] = await auditRows(s.t.handle, 'pledge.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ filter: { campaignId: ids.campaign, cancelled: 'false' } });
  });

  it("403: another town's campaign; 404: none; 400: a bad filter; 401: no session", async () => {
    const other = await s.huaxinStaff.get(`/api/campaigns/${ids.zhaoxiangCampaign}/pledges/export`);
    expect(other.statusCode).toBe(403);
    expect((await s.huaxinStaff.get('/api/campaigns/999999/pledges/export')).statusCode).toBe(404);
    expect((await s.huaxinStaff.get(`/api/campaigns/${ids.campaign}/pledges/export?cancelled=maybe`)).statusCode).toBe(400);
    expect((await s.t.anonymous().get(`/api/campaigns/${ids.campaign}/pledges/export`)).statusCode).toBe(401);
  });
});

describe('GET /api/campaigns/:id/receipts/export', () => {
  it('200: the receipts as listed (voided ones only when asked); audited', async () => {
    const rows = await sheetOf(await s.huaxinStaff.get(`/api/campaigns/${ids.campaign}/receipts/export`));
    expect(rows[0]).toEqual(['募集活动', '捐赠单位', '到账金额（元）', '到账日期', '对应认捐', '凭证号', '状态', '作废原因', '备注']);
    expect(rows.slice(1).map((row) => row.slice(1, 7))).toEqual([
      ['华新恒通机械有限公司', '400.25', '2026-03-20', '认捐到账', '转账0001', '有效'],
      ['华新金源物流有限公司', '10', '2026-05-04', '未认捐直接捐赠', '', '有效'],
    ]);
    await expectTownExportAudited(s, 'receipt.export', 'receipt', 2);
    const all = await sheetOf(await s.huaxinStaff.get(`/api/campaigns/${ids.campaign}/receipts/export?voided=true`));
    expect(all.slice(1).map((row) => [row[2], row[6], row[7]])).toEqual([['0.05', '已作废', '录入错误']]);
  });

  it("403: another town's campaign; 400: a bad filter; 401: no session", async () => {
    expect((await s.huaxinStaff.get(`/api/campaigns/${ids.zhaoxiangCampaign}/receipts/export`)).statusCode).toBe(403);
    expect((await s.huaxinStaff.get(`/api/campaigns/${ids.campaign}/receipts/export?voided=x`)).statusCode).toBe(400);
    expect((await s.t.anonymous().get(`/api/campaigns/${ids.campaign}/receipts/export`)).statusCode).toBe(401);
  });
});
