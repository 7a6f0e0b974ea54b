import { describe, expect, it } from 'vitest';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';

// today: 2026-11-25 (Shanghai), the test app's clock
const s = useExportSuite(async ({ t, admin }) => {
  const d = t.fixture.divisions;
  const project = async (divisionId: number, title: string, milestones: Array<{ title: string; dueDate: string }>) => {
    const response = await admin.post('/api/projects', { divisionId, title, milestones });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number; milestones: Array<{ id: number; version: number }> };
  };
  const first = await project(d.huaxin.id, '商会助企服务', [
    { title: '调研走访', dueDate: '2026-11-01' },
    { title: '形成报告', dueDate: '2026-12-31' },
  ]);
  const m = first.milestones[1]!;
  await admin.patch(`/api/projects/${first.id}/milestones/${m.id}`, { completed: true, evidence: '报告', version: m.version });
  await project(d.huaxinVillage.id, '村企结对', [{ title: '签约', dueDate: '2026-12-01' }]);
  await project(d.zhaoxiang.id, '赵巷项目', []);
});

describe('GET /api/projects/export', () => {
  it("200: a town user's export holds the town's projects with their milestones (one line each, overdue counted); audited", async () => {
    const response = await s.huaxinStaff.get('/api/projects/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['所属区划', '名称', '状态']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['商会助企服务', '村企结对']);
    const first = rows[1]!;
    const cell = (name: string) => first[header.indexOf(name)];
    expect(cell('状态')).toBe('计划中');
    expect([cell('节点数'), cell('已完成节点'), cell('逾期节点')]).toEqual(['2', '1', '1']);
    expect(cell('节点')).toBe('调研走访（2026-11-01，未完成）\n形成报告（2026-12-31，已完成）');
    await expectTownExportAudited(s, 'project.export', 'project', 2);
  });

  it('200: the list filters apply (overdue, division)', async () => {
    const rows = await sheetOf(await s.admin.get(`/api/projects/export?overdue=true&divisionId=${s.t.fixture.divisions.qingpu.id}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['商会助企服务']);
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/projects/export', 'status=finished');
  });
});
