import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';
import { addEntry, addOrganisation, addUser, createCompetition, setPhase, standardSettings } from './judging.fixture.ts';

const ids = { competition: 0, zhaoxiang: 0 };

/**
 * A Huaxin competition judged by one group (experts, weight 1, one review enough): expert 甲 gives
 * 项目一 35 + 55.5 = 90.5 and 项目二 30 + 50 = 80; 项目三 gets no review.
 */
const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const settings = { ...standardSettings, groups: [{ id: 'experts', name: '专家学者', weight: 1 }], minReviews: 1, tieBreakGroupIds: ['experts'] };
  ids.competition = (await createCompetition(admin, d.huaxin.id, { settings, voteGroupId: null })).id;
  ids.zhaoxiang = (await createCompetition(admin, d.zhaoxiang.id, { settings, voteGroupId: null, title: '赵巷评审' })).id;
  const org = await addOrganisation(t, '华新甲公司', d.huaxin.id);
  const e1 = (await addEntry(admin, ids.competition, { title: '项目一', organisationId: org })).id;
  const e2 = (await addEntry(admin, ids.competition, { title: '项目二', organisationName: '某协会' })).id;
  await addEntry(admin, ids.competition, { title: '项目三', organisationName: '某社区' });
  const expert = await addUser(t, 'hx.expert', d.huaxin.id);
  const raters = await admin.post(`/api/competitions/${ids.competition}/raters`, { raters: [{ userId: expert, groupId: 'experts' }] });
  expect(raters.statusCode, raters.body).toBe(201);
  expect((await admin.post(`/api/competitions/${ids.competition}/assignments`, { mode: 'rule' })).statusCode).toBe(200);
  await setPhase(admin, ids.competition, 'review', true);
  const rater = await t.signIn('hx.expert');
  const score = (entry: number, scores: Record<string, number>) => rater.put(`/api/competitions/${ids.competition}/review/entries/${entry}`, { scores });
  expect((await score(e1, { innovation: 35, effect: 55.5 })).statusCode).toBe(200);
  expect((await score(e2, { innovation: 30, effect: 50 })).statusCode).toBe(200);
});

describe('GET /api/competitions/:id/results/export', () => {
  it('200: the ranked results table with each group’s figure and the proposed award; audited on the competition', async () => {
    const response = await s.huaxinStaff.get(`/api/competitions/${ids.competition}/results/export`);
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows[0]).toEqual(['名次', '编号', '参评项目', '申报单位', '总分', '专家学者（权重1）', '评分人次', '回避/弃评', '评分不足', '同分', '拟授奖项', '公众投票']);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[5], row[6], row[8], row[10]])).toEqual([
      ['1', '项目一', '华新甲公司', '90.5', '90.5', '1', '否', '一等奖'],
      ['2', '项目二', '某协会', '80', '80', '1', '否', '二等奖'],
      ['', '项目三', '某社区', '', '', '0', '是', ''],
    ]);
    await expectTownExportAudited(s, 'competition_result.export', 'competition_result', 3);
    const [audit] = await auditRows(s.t.handle, 'competition_result.export');
    expect(audit).toMatchObject({ division_id: s.t.fixture.divisions.huaxin.id });
  });

  it("403: another town's competition, or a reviewer without the manage right; 404: none; 401: no session", async () => {
    expect((await s.huaxinStaff.get(`/api/competitions/${ids.zhaoxiang}/results/export`)).statusCode).toBe(403);
    expect((await (await s.t.signIn('hx.expert')).get(`/api/competitions/${ids.competition}/results/export`)).statusCode).toBe(403);
    expect((await s.huaxinStaff.get('/api/competitions/999999/results/export')).statusCode).toBe(404);
    expect((await s.t.anonymous().get(`/api/competitions/${ids.competition}/results/export`)).statusCode).toBe(401);
  });
});
