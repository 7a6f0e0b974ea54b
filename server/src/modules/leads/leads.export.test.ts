import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';

const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const lead = async (divisionId: number, firmName: string, extra: Record<string, unknown> = {}) => {
    const response = await admin.post('/api/leads', { divisionId, firmName, origin: 'domestic', ...extra });
    expect(response.statusCode, response.body).toBe(201);
  };
  await lead(d.huaxin.id, '华新签约企业', { stage: 'signed', signedOn: '2026-10-08', contractFen: 5_000_012 });
  await lead(d.huaxinVillage.id, '华新村线索');
  await lead(d.zhaoxiang.id, '赵巷签约企业', { stage: 'signed', signedOn: '2026-10-09', contractFen: 100 });
  for (const [divisionId, date, count, field] of [
    [d.huaxin.id, '2026-10-03', 5, '医疗'],
    [d.huaxinVillage.id, '2026-11-03', 2, '教育'],
    [d.zhaoxiang.id, '2026-10-04', 9, '医疗'],
  ] as const) {
    const response = await admin.post('/api/talent-intakes', { divisionId, date, count, field });
    expect(response.statusCode, response.body).toBe(201);
  }
});

describe('GET /api/leads/export', () => {
  it("200: a town user's export holds the town's leads only, amounts in yuan; audited", async () => {
    const response = await s.huaxinStaff.get('/api/leads/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    const header = rows[0]!;
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新签约企业', '华新村线索']);
    expect(rows[1]![header.indexOf('阶段')]).toBe('签约');
    expect(rows[1]![header.indexOf('合同金额（元）')]).toBe('50000.12');
    await expectTownExportAudited(s, 'lead.export', 'lead', 2);
  });

  it('200: the list filters apply (stage, signing dates, division)', async () => {
    const rows = await sheetOf(await s.admin.get(`/api/leads/export?stage=signed&signedFrom=2026-10-01&signedTo=2026-10-08&divisionId=${s.t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新签约企业']);
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/leads/export', 'origin=mars');
  });
});

describe('GET /api/talent-intakes/export', () => {
  it("200: a town user's export holds the town's intakes only; the list filters apply; audited", async () => {
    const response = await s.huaxinStaff.get('/api/talent-intakes/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows[0]!.slice(0, 4)).toEqual(['所属区划', '日期', '人数', '领域']);
    expect(rows.slice(1).map((row) => row.slice(1, 4))).toEqual([
      ['2026-10-03', '5', '医疗'],
      ['2026-11-03', '2', '教育'],
    ]);
    const [audit] = await auditRows(s.t.handle, 'talent_intake.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 2 });
    const filtered = await sheetOf(await s.admin.get(`/api/talent-intakes/export?field=医疗&from=2026-10-01&to=2026-10-31&divisionId=${s.t.fixture.divisions.qingpu.id}`));
    expect(filtered.slice(1).map((row) => row[2])).toEqual(['5', '9']);
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/talent-intakes/export', 'from=2026-13-01');
  });
});
