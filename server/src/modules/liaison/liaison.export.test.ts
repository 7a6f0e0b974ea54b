import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/harness.ts';
import { expectExportRefusals, expectTownExportAudited, sheetOf, useExportSuite } from '../../test/export-checks.ts';
import { workFixture } from '../projects/work.fixture.ts';

const s = useExportSuite(async ({ t, admin }) => {
  t.clock.set('2026-11-25T02:00:00.000Z');
  const f = workFixture(t.handle.db);
  const d = t.fixture.divisions;
  const chamber = await f.organisation(d.huaxin.id, '华新镇商会', 'chamber');
  const people = [
    await f.person(d.huaxin.id, '钱会长', chamber, '13900001234'),
    await f.person(d.huaxinVillage.id, '孙村民', null, null),
    await f.person(d.zhaoxiang.id, '李代表', null, '13900005678'),
  ];
  const relate = async (personId: number, since: string, note: string | null) => {
    const response = await admin.post('/api/liaison/relationships', { personId, cadreUserId: t.fixture.users.huaxinStaff.id, since, note });
    return response;
  };
  const first = await relate(people[0]!, '2026-02-01', '季度走访');
  expect(first.statusCode, first.body).toBe(201);
  expect((await admin.post(`/api/liaison/relationships/${first.json().id}/contacts`, { kind: 'talk', date: '2026-10-10' })).statusCode).toBe(201);
  expect((await admin.post(`/api/liaison/relationships/${first.json().id}/contacts`, { kind: 'visit', date: '2026-11-02' })).statusCode).toBe(201);
  expect((await relate(people[1]!, '2026-03-01', null)).statusCode).toBe(201);
  const zx = await admin.post('/api/liaison/relationships', { personId: people[2], since: '2026-03-01' });
  expect(zx.statusCode, zx.body).toBe(201);
});

describe('GET /api/liaison/relationships/export', () => {
  it("200: a town user's export holds the town's relationships (every page), phones masked, contacts counted; audited", async () => {
    const response = await s.huaxinStaff.get('/api/liaison/relationships/export?pageSize=1');
    expect(response.statusCode).toBe(200);
    const rows = await sheetOf(response);
    expect(rows[0]).toEqual(['所属区划', '联系干部', '联系对象', '单位', '职务', '联系电话', '结对日期', '结束日期', '联系次数', '最近联系', '本季度待联系', '备注']);
    expect(rows[1]).toEqual(['上海市/青浦区/华新镇', 'huaxin.staff', '钱会长', '华新镇商会', '', '139****1234', '2026-02-01', '', '2', '2026-11-02', '否', '季度走访']);
    expect(rows[2]!.slice(0, 3)).toEqual(['上海市/青浦区/华新镇/华新村', 'huaxin.staff', '孙村民']);
    expect(rows[2]![8]).toBe('0');
    expect(rows[2]![10]).toBe('是');
    expect(rows).toHaveLength(3);
    await expectTownExportAudited(s, 'liaison_relationship.export', 'liaison_relationship', 2);
  });

  it('200: the list filters apply (q, division)', async () => {
    const rows = await sheetOf(await s.admin.get(`/api/liaison/relationships/export?q=${encodeURIComponent('李')}`));
    expect(rows.slice(1).map((row) => row[2])).toEqual(['李代表']);
    expect(rows[1]![5]).toBe('139****5678');
    const village = await sheetOf(await s.admin.get(`/api/liaison/relationships/export?divisionId=${s.t.fixture.divisions.huaxinVillage.id}`));
    expect(village.slice(1).map((row) => row[2])).toEqual(['孙村民']);
    const [audit] = await auditRows(s.t.handle, 'liaison_relationship.export');
    expect(JSON.parse(audit!.detail!)).toMatchObject({ rows: 1, filter: { divisionId: s.t.fixture.divisions.huaxinVillage.id } });
  });

  it("403: another town's division; 400: a bad filter; 401: no session", async () => {
    await expectExportRefusals(s, '/api/liaison/relationships/export', 'cadreUserId=abc');
  });
});
