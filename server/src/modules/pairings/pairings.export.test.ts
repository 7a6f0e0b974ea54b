import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';
import { workFixture } from '../projects/work.fixture.ts';

const ids = { huaxinProgramme: 0, zhaoxiangProgramme: 0 };

const s = useExportSuite(async ({ t, admin }) => {
  t.clock.set('2026-11-25T02:00:00.000Z');
  const f = workFixture(t.handle.db);
  const d = t.fixture.divisions;
  const branches: number[] = [];
  for (const name of ['支部甲', '支部乙', '支部丙']) branches.push(await f.organisation(d.huaxin.id, name, 'party_branch'));
  const community = await f.organisation(d.huaxin.id, '华新社区', 'community');
  await f.organisation(d.zhaoxiang.id, '赵巷支部', 'party_branch');
  const programme = async (divisionId: number, title: string) => {
    const response = await admin.post('/api/pairing-programmes', { divisionId, title, kind: 'party_branch_community', targetType: 'party_branch', partnerType: 'community', startDate: '2026-01-01', deadline: '2026-12-31' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  };
  ids.huaxinProgramme = await programme(d.huaxin.id, '华新支部结对');
  ids.zhaoxiangProgramme = await programme(d.zhaoxiang.id, '赵巷支部结对');
  for (const [i, branch] of branches.slice(0, 2).entries()) {
    const response = await admin.post(`/api/pairing-programmes/${ids.huaxinProgramme}/pairs`, { organisationId: branch, partnerOrganisationId: community, startDate: `2026-0${i + 3}-01`, note: i === 0 ? '首批' : null });
    expect(response.statusCode, response.body).toBe(201);
  }
});

describe('GET /api/pairing-programmes/export', () => {
  it("200: a town user's export holds the town's programmes with today's coverage; audited", async () => {
    const response = await s.huaxinStaff.get('/api/pairing-programmes/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows[0]).toEqual(['所属区划', '名称', '类型', '结对对象', '结对方', '开始日期', '截止日期', '已结对', '应结对', '覆盖率', '状态']);
    expect(rows.slice(1)).toEqual([['上海市/青浦区/华新镇', '华新支部结对', '党派+社区', '党派支部', '社区/村居', '2026-01-01', '2026-12-31', '2', '3', '66.67%', '正常']]);
    await expectTownExportAudited(s, 'pairing_programme.export', 'pairing_programme', 1);
  });

  it('200: the list filters apply (q, division)', async () => {
    const qingpu = s.t.fixture.divisions.qingpu.id;
    const rows = await sheetOf(await s.admin.get(`/api/pairing-programmes/export?divisionId=${qingpu}`));
    expect(rows.slice(1).map((row) => row[1])).toEqual(['华新支部结对', '赵巷支部结对']);
    expect(rows[2]!.slice(7, 10)).toEqual(['0', '1', '0%']);
    const only = await sheetOf(await s.admin.get(`/api/pairing-programmes/export?q=${encodeURIComponent('赵巷')}`));
    expect(only.slice(1).map((row) => row[1])).toEqual(['赵巷支部结对']);
    const [audit] = await auditRows(s.t.handle, 'pairing_programme.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 1, filter: { q: '赵巷' } });
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/pairing-programmes/export', 'kind=friends');
  });
});

describe('GET /api/pairing-programmes/:id/pairs/export', () => {
  it("200: a programme's pairs, every one, with activity counts; audited on the programme's division", async () => {
    const response = await s.huaxinStaff.get(`/api/pairing-programmes/${ids.huaxinProgramme}/pairs/export?pageSize=1`);
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows[0]!.slice(0, 6)).toEqual(['结对项目', '结对对象', '对象所在区划', '结对方', '结对方所在区划', '开始日期']);
    expect(rows.slice(1).map((row) => [row[1], row[3], row[5], row[7], row[8], row[10] ?? ''])).toEqual([
      ['支部甲', '华新社区', '2026-03-01', '是', '0', '首批'],
      ['支部乙', '华新社区', '2026-04-01', '是', '0', ''],
    ]);
    await expectTownExportAudited(s, 'pair.export', 'pair', 2);
    const [audit] = await auditRows(s.t.handle, 'pair.export');
    expect(audit).toMatchObject({ division_id: s.t.fixture.divisions.huaxin.id });
  });

  it("403: another town's programme; 404: no such programme; 400: a bad filter; 401: no session", async () => {
    const other = await s.huaxinStaff.get(`/api/pairing-programmes/${ids.zhaoxiangProgramme}/pairs/export`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('out_of_scope');
    expect((await s.huaxinStaff.get('/api/pairing-programmes/999999/pairs/export')).statusCode).toBe(404);
    expect((await s.huaxinStaff.get(`/api/pairing-programmes/${ids.huaxinProgramme}/pairs/export?current=maybe`)).statusCode).toBe(400);
    expect((await s.t.anonymous().get(`/api/pairing-programmes/${ids.huaxinProgramme}/pairs/export`)).statusCode).toBe(401);
  });
});
