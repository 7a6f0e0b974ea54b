import type { Dashboard, DashboardBreakdown } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { computeDashboard } from './dashboard.compute.ts';

/*
 * Issue 16, item 7: a stock figure at a period's end counts only the organisations that existed
 * then (founded by that day, not archived before it). Before, a 2005 period showed organisations
 * founded in 2021. 金山区 holds (written straight into the table, the triggers see them):
 *   new_orgs founded 2021-06-01 and 2021-09-01 · new_org founded 2003-04-01 · enterprise without a founding date
 *   · new_org founded 2001-01-01 archived 2010-03-01 (Shanghai day)
 */
let t: TestApp;
let jinshan: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const d = t.fixture.divisions;
  const at = '2026-01-05T00:00:00.000Z';
  const org = (name: string, type: string, founded_on: string | null, archived_at: string | null = null) => ({
    division_id: d.jinshan.id,
    name,
    type,
    founded_on,
    created_at: at,
    updated_at: at,
    archived_at,
  });
  await t.handle.db
    .insertInto('organisations')
    .values([
      org('二〇二一年两新', 'new_org', '2021-06-01'),
      org('二〇二一年秋两新', 'new_org', '2021-09-01'),
      org('二〇〇三年两新', 'new_org', '2003-04-01'),
      org('无成立日期企业', 'enterprise', null),
      // 2010-02-28T17:00Z is 2010-03-01 in Shanghai.
      org('已注销两新', 'new_org', '2001-01-01', '2010-02-28T17:00:00.000Z'),
    ])
    .execute();
  // 赵巷镇: a chamber founded 2020 with two member firms and one member person (and his old, ended membership).
  const db = t.handle.db;
  const stamp = { created_at: at, updated_at: at };
  const chamber = (await db.insertInto('organisations').values({ division_id: d.zhaoxiang.id, name: '赵巷商会', type: 'chamber', founded_on: '2020-01-01', ...stamp }).returning('id').executeTakeFirstOrThrow()).id;
  const firm = async (name: string) =>
    (await db.insertInto('organisations').values({ division_id: d.zhaoxiang.id, name, type: 'enterprise', founded_on: '2019-01-01', ...stamp }).returning('id').executeTakeFirstOrThrow()).id;
  const person = (await db.insertInto('people').values({ division_id: d.zhaoxiang.id, name: '王会员', ...stamp }).returning('id').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('memberships')
    .values([
      { organisation_id: chamber, member_organisation_id: await firm('赵巷企业甲'), role: 'council', ...stamp },
      { organisation_id: chamber, member_organisation_id: await firm('赵巷企业乙'), role: 'member', ...stamp },
      { organisation_id: chamber, member_person_id: person, role: 'member', ...stamp },
      { organisation_id: chamber, member_person_id: person, role: 'member', until: '2025-01-01', ...stamp },
    ])
    .execute();
  jinshan = await t.signIn('jinshan.admin');
  admin = await t.signIn('admin');
});
afterAll(async () => t.close());

async function organisations(client: TestClient, from: string, to: string) {
  const response = await client.get(`/api/dashboard?from=${from}&to=${to}`);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as Dashboard;
  return { total: body.organisations.total, newOrg: body.organisations.byType.find((row) => row.key === 'new_org')?.count };
}

describe('members: firms and people apart (a briefing never writes their sum as "会员N个")', () => {
  it('赵巷镇 has 3 current members: 2 member organisations and 1 member person; the briefing draft says so', async () => {
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    const response = await zhaoxiang.get('/api/dashboard?from=2026-01-01&to=2026-10-31');
    expect(response.statusCode, response.body).toBe(200);
    const members = (response.json() as Dashboard).organisations.members;
    expect({ total: members.total, organisations: members.organisations, people: members.people }).toEqual({ total: 3, organisations: 2, people: 1 });
    const draft = await zhaoxiang.post('/api/briefings', { divisionId: t.fixture.divisions.zhaoxiang.id, from: '2026-01-01', to: '2026-10-31' });
    expect(draft.statusCode, draft.body).toBe(201);
    const detail = (await zhaoxiang.get(`/api/briefings/${draft.json().id}`)).json() as { sections: Array<{ key: string; text: string }> };
    const text = detail.sections.find((section) => section.key === 'organisations')!.text;
    expect(text).toContain('各组织现有会员单位2个、个人会员1名；理事1个。');
    expect(text).not.toContain('会员3个');
  });
});

describe('stock figures count the organisations that existed at the period end', () => {
  it('a 2005 period: the 2003 and the archived-in-2010 two-new organisations and the undated one, not the two of 2021', async () => {
    expect(await organisations(jinshan, '2005-01-01', '2005-12-31')).toEqual({ total: 3, newOrg: 2 });
  });

  it('a period ending the day before the archive still counts it; the archive day no longer does', async () => {
    expect(await organisations(jinshan, '2010-01-01', '2010-02-28')).toEqual({ total: 3, newOrg: 2 });
    expect(await organisations(jinshan, '2010-01-01', '2010-03-01')).toEqual({ total: 2, newOrg: 1 });
  });

  it('a 2021 period ending before the founding day leaves the 2021 organisation out; one ending after counts it', async () => {
    expect(await organisations(jinshan, '2021-01-01', '2021-05-31')).toEqual({ total: 2, newOrg: 1 });
    expect(await organisations(jinshan, '2021-01-01', '2021-06-01')).toEqual({ total: 3, newOrg: 2 });
    expect(await organisations(jinshan, '2021-01-01', '2021-12-31')).toEqual({ total: 4, newOrg: 3 });
  });

  it('the breakdown of 上海市 gives 金山区 its 2005 figure too', async () => {
    const response = await admin.get(`/api/dashboard/breakdown?divisionId=${t.fixture.divisions.shanghai.id}&from=2005-01-01&to=2005-12-31`);
    expect(response.statusCode, response.body).toBe(200);
    const rows = (response.json() as DashboardBreakdown).rows;
    expect(rows.find((row) => row.division.id === t.fixture.divisions.jinshan.id)?.organisations).toBe(3);
  });

  it('changing a founding date moves the organisation (trigger), and the rollups equal the raw recomputation', async () => {
    await t.handle.db.updateTable('organisations').set({ founded_on: '2004-12-31' }).where('name', '=', '二〇二一年两新').execute();
    expect(await organisations(jinshan, '2005-01-01', '2005-12-31')).toEqual({ total: 4, newOrg: 3 });
    expect(await organisations(jinshan, '2004-01-01', '2004-12-30')).toEqual({ total: 3, newOrg: 2 });
    const input = {
      db: t.handle.db,
      dialect: t.handle.dialect,
      anchors: [t.fixture.divisions.jinshan.id],
      children: [],
      period: { from: '2004-01-01', to: '2004-12-30' },
      today: '2026-11-25',
    };
    const [fast, raw] = [await computeDashboard(input, 'rollup'), await computeDashboard(input, 'raw')];
    expect(fast.organisations.total).toBe(3);
    expect(raw).toEqual(fast);
  });
});
