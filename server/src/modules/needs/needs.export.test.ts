import { describe, expect, it } from 'vitest';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';

const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const need = async (divisionId: number, title: string, publish: boolean) => {
    const response = await admin.post('/api/needs', { divisionId, title, wantedBy: '2026-12-20', publish });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number };
  };
  const first = await need(d.huaxin.id, '华新微心愿', true);
  // A portal need carries its submitter's phone (the portal's path, written here directly).
  await t.handle.db.updateTable('needs').set({ submitter_name: '李四', submitter_phone: '13812345678' }).where('id', '=', first.id).execute();
  await need(d.huaxinVillage.id, '华新村需求', false);
  await need(d.zhaoxiang.id, '赵巷需求', true);
});

describe('GET /api/needs/export', () => {
  it("200: a town user's export holds the town's needs only, phones masked; audited", async () => {
    const response = await s.huaxinStaff.get('/api/needs/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    const header = rows[0]!;
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新微心愿', '华新村需求']);
    expect(rows[1]![header.indexOf('联系电话')]).toBe('138****5678');
    expect(rows[1]![header.indexOf('状态')]).toBe('待认领');
    expect(response.rawPayload.toString('latin1')).not.toContain('13812345678');
    await expectTownExportAudited(s, 'need.export', 'need', 2);
  });

  it('200: the list filters apply (published, division)', async () => {
    const rows = await sheetOf(await s.admin.get(`/api/needs/export?published=true&divisionId=${s.t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新微心愿', '赵巷需求']);
    const town = await sheetOf(await s.admin.get(`/api/needs/export?published=true&divisionId=${s.t.fixture.divisions.huaxin.id}`));
    expect(town.slice(1).map((row) => row[1])).toEqual(['华新微心愿']);
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/needs/export', 'published=maybe');
  });
});
