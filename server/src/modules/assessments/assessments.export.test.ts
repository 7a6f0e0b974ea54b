import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';

/** A Qingpu checklist over two practice bases (华新, 赵巷); 华新's is scored 89.5 and finalised at 4★. */
const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const venue = async (name: string, divisionId: number) =>
    (
      await t.handle.db
        .insertInto('venues')
        .values({ division_id: divisionId, name, type: 'practice_base', level: 'municipal', is_public: 0, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const huaxinBase = await venue('华新同心实践基地', d.huaxin.id);
  await venue('赵巷实践基地', d.zhaoxiang.id);
  const checklist = await admin.post('/api/assessment-checklists', {
    divisionId: d.qingpu.id,
    title: '青浦区实践创新基地年度考核',
    venueType: 'practice_base',
    year: 2026,
    criteria: [
      { id: 'facilities', name: '阵地设施', maxPoints: 50 },
      { id: 'activities', name: '活动开展', maxPoints: 50 },
    ],
    starThresholds: [{ stars: 3, minTotal: 70 }, { stars: 4, minTotal: 85 }],
  });
  expect(checklist.statusCode, checklist.body).toBe(201);
  expect((await admin.post(`/api/assessment-checklists/${checklist.json().id}/assessments`, {})).json()).toEqual({ created: 2, skipped: 0 });
  const assessment = (await admin.get(`/api/assessments?venueId=${huaxinBase}`)).json().items[0];
  expect((await admin.put(`/api/assessments/${assessment.id}/sheets/mine`, { scores: { facilities: 44.5, activities: 45 } })).statusCode).toBe(200);
  const fresh = (await admin.get(`/api/assessments/${assessment.id}`)).json();
  const finalised = await admin.post(`/api/assessments/${assessment.id}/finalise`, { version: fresh.version });
  expect(finalised.statusCode, finalised.body).toBe(200);
});

describe('GET /api/assessments/export', () => {
  it("200: a town user's export holds the town's venues' assessments with total and stars; audited", async () => {
    const response = await s.huaxinStaff.get('/api/assessments/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows[0]).toEqual(['年度', '考核表', '阵地', '阵地类型', '阵地级别', '所属区划', '状态', '评分表数', '总分', '星级', '确定时间']);
    expect(rows.slice(1).map((row) => row.slice(0, 10))).toEqual([
      ['2026', '青浦区实践创新基地年度考核', '华新同心实践基地', '实践创新基地', '市级', '上海市/青浦区/华新镇', '已确定', '1', '89.5', '4'],
    ]);
    await expectTownExportAudited(s, 'assessment.export', 'assessment', 1);
  });

  it('200: the list filters apply (status, division)', async () => {
    const drafts = await sheetOf(await s.admin.get('/api/assessments/export?status=draft'));
    expect(drafts.slice(1).map((row) => [row[2], row[6], row[8] ?? ''])).toEqual([['赵巷实践基地', '考核中', '']]);
    const qingpu = await sheetOf(await s.admin.get(`/api/assessments/export?divisionId=${s.t.fixture.divisions.qingpu.id}&year=2026`));
    expect(qingpu.slice(1).map((row) => row[2])).toEqual(['华新同心实践基地', '赵巷实践基地']);
    const [audit] = await auditRows(s.t.handle, 'assessment.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 2, filter: { year: 2026, divisionId: s.t.fixture.divisions.qingpu.id } });
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/assessments/export', 'status=done');
  });
});
