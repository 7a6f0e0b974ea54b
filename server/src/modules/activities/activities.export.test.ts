import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';

const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const activity = async (divisionId: number, title: string, date: string, kind: string, participantCount: number) => {
    const response = await admin.post('/api/activities', { divisionId, title, date, kind, participantCount });
    expect(response.statusCode, response.body).toBe(201);
  };
  await activity(d.huaxin.id, '华新培训', '2026-10-05', 'training', 30);
  await activity(d.huaxinVillage.id, '华新村走访', '2026-10-20', 'visit', 10);
  await activity(d.huaxin.id, '华新九月活动', '2026-09-15', 'event', 5);
  await activity(d.zhaoxiang.id, '赵巷培训', '2026-10-10', 'training', 7);
});

describe('GET /api/activities/export', () => {
  it("200: a town user's export holds the town's activities only (every page), in labelled columns; audited with the filter and row count", async () => {
    const response = await s.huaxinStaff.get('/api/activities/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetOf(response);
    expect(rows[0]!.slice(0, 4)).toEqual(['所属区划', '名称', '日期', '类型']);
    // pageSize=1 on screen, yet all pages are exported.
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新培训', '华新村走访', '华新九月活动']);
    expect(rows[1]!.slice(0, 4)).toEqual(['上海市/青浦区/华新镇', '华新培训', '2026-10-05', '培训']);
    expect(rows[1]![7]).toBe('30');
    await expectTownExportAudited(s, 'activity.export', 'activity', 3);
  });

  it('200: the list filters apply (kind, period, division)', async () => {
    const qingpu = s.t.fixture.divisions.qingpu.id;
    const rows = await sheetOf(await s.admin.get(`/api/activities/export?kind=training&from=2026-10-01&to=2026-10-31&divisionId=${qingpu}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新培训', '赵巷培训']);
    const [audit] = await auditRows(s.t.handle, 'activity.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 2, filter: { kind: 'training', from: '2026-10-01', to: '2026-10-31', divisionId: qingpu } });
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/activities/export', 'kind=party');
  });
});
