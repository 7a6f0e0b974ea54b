import { describe, expect, it } from 'vitest';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';

const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const register = async (divisionId: number, title: string, category: string, receivedAt: string) => {
    const response = await admin.post('/api/cases', { divisionId, category, channel: 'hotline', title, content: '内容', submitterName: '张三', submitterPhone: '13812345678', receivedAt });
    expect(response.statusCode, response.body).toBe(201);
  };
  await register(d.huaxin.id, '华新求助', 'help', '2026-11-20T02:00:00.000Z');
  await register(d.huaxinVillage.id, '华新村咨询', 'question', '2026-11-21T02:00:00.000Z');
  await register(d.zhaoxiang.id, '赵巷求助', 'help', '2026-11-22T02:00:00.000Z');
});

describe('GET /api/cases/export', () => {
  it("200: a town user's export holds the town's cases only, the submitter's phone masked; audited", async () => {
    const response = await s.huaxinStaff.get('/api/cases/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    const header = rows[0]!;
    expect(header.slice(0, 2)).toEqual(['受理编号', '标题']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新求助', '华新村咨询']);
    const first = rows[1]!;
    expect(first[header.indexOf('联系电话')]).toBe('138****5678');
    expect(first[header.indexOf('受理时间')]).toBe('2026-11-20 10:00');
    expect(first[header.indexOf('所属区划')]).toBe('上海市/青浦区/华新镇');
    expect(response.rawPayload.toString('latin1')).not.toContain('13812345678');
    await expectTownExportAudited(s, 'case.export', 'case', 2);
  });

  it('200: the list filters apply (category, period, division)', async () => {
    const rows = await sheetOf(await s.admin.get(`/api/cases/export?category=help&from=2026-11-20&to=2026-11-21&divisionId=${s.t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新求助']);
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/cases/export', 'category=gossip');
  });
});
