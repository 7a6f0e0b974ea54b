import { drillDown, type Dashboard, type DrillFigure } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { computeBreakdown, computeDashboard } from './dashboard.compute.ts';
import { buildDashboardRecords } from './dashboard.test-data.ts';

let t: TestApp;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let admin: TestClient;
let ids: Awaited<ReturnType<typeof buildDashboardRecords>>;
const october = 'from=2026-10-01&to=2026-10-31';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T02:00:00.000Z');
  ids = await buildDashboardRecords(t);
  admin = await t.signIn('admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
});
afterAll(async () => t.close());

const countsOf = (list: Array<{ key: string; count: number }>) => Object.fromEntries(list.filter((c) => c.count !== 0).map((c) => [c.key, c.count]));

async function dashboard(client: TestClient, query: string): Promise<Dashboard> {
  const response = await client.get(`/api/dashboard?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
}

describe('GET /api/dashboard: figures of a town for October 2026 equal the hand-counted records', () => {
  it('stock figures: organisations, members, venues, projects, needs, leads, pairing coverage', async () => {
    const body = await dashboard(huaxinStaff, october);
    expect(body.division?.name).toBe('华新镇');
    expect(body.today).toBe('2026-11-25');
    expect(body.organisations.total).toBe(3);
    expect(countsOf(body.organisations.byType)).toEqual({ chamber: 1, enterprise: 2 });
    expect(body.organisations.members.total).toBe(2);
    expect(countsOf(body.organisations.members.byRole)).toEqual({ council: 1, member: 1 });
    expect(countsOf(body.organisations.members.byOrganisationType)).toEqual({ chamber: 2 });
    expect(body.venues.total).toBe(2);
    expect(countsOf(body.venues.byLevel)).toEqual({ town: 2 });
    expect(countsOf(body.venues.byStars)).toEqual({ '3': 1, none: 1 });
    expect(body.projects).toMatchObject({ total: 2, overdueProjects: 1, overdueMilestones: 1 });
    expect(countsOf(body.projects.byStatus)).toEqual({ active: 1, planned: 1 });
    expect(body.needs.total).toBe(2);
    expect(countsOf(body.needs.byState)).toEqual({ open: 1, claimed: 1 });
    expect(countsOf(body.investment.byStage)).toEqual({ signed: 1, talks: 1 });
    expect(body.pairings.programmes).toEqual([
      { id: ids.programme, title: '万企兴万村', kind: 'enterprise_village', deadline: '2026-12-31', paired: 1, shouldBePaired: 2, ratio: 0.5 },
    ]);
  });

  it('flow figures with the previous period and the same period last year', async () => {
    const body = await dashboard(huaxinStaff, october);
    expect(body.previousPeriod).toEqual({ from: '2026-08-31', to: '2026-09-30' });
    expect(body.lastYearPeriod).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    expect(body.activities.total).toEqual({ current: 2, previous: 1, lastYear: 1 });
    expect(body.activities.participants).toEqual({ current: 40, previous: 12, lastYear: 40 });
    expect(countsOf(body.activities.byKind)).toEqual({ training: 1, visit: 1 });
    expect(body.activities.byMonth).toEqual([{ month: '2026-10', total: 2, byKind: { training: 1, visit: 1 } }]);
    expect(body.money).toEqual({
      receivedFen: { current: 100_000, previous: 0, lastYear: 0 },
      pledgedFen: { current: 200_000, previous: 0, lastYear: 0 },
      campaigns: 1,
      targetFen: 1_000_000,
    });
    expect(body.investment.signed.current).toBe(1);
    expect(body.investment.contractFen.current).toBe(5_000_000);
    expect(body.investment.talents.current).toBe(5);
    expect(body.publicity.articles.current).toBe(2);
    expect(countsOf(body.publicity.byLevel)).toEqual({ municipal: 1, unknown: 1 });
    expect(body.cases.received.current).toBe(0);
    expect(body.cases.responseRate.current).toBeNull();
  });

  it('a month bar spans the period month by month', async () => {
    const body = await dashboard(huaxinStaff, 'from=2026-09-10&to=2026-10-31');
    expect(body.activities.byMonth.map((m) => [m.month, m.total])).toEqual([
      ['2026-09', 1],
      ['2026-10', 2],
    ]);
  });
});

describe('scope', () => {
  it('a town sees only its own figures; its district sees both towns', async () => {
    const zhaoxiang = await dashboard(zhaoxiangStaff, october);
    expect(zhaoxiang.organisations.total).toBe(1);
    expect(zhaoxiang.activities.total.current).toBe(1);
    expect(zhaoxiang.venues.total).toBe(0);
    const qingpu = await dashboard(qingpuStaff, october);
    expect(qingpu.organisations.total).toBe(4);
    expect(qingpu.activities.participants.current).toBe(47);
  });

  it('403 out_of_scope for a division outside the subtree, 400 for an unknown one or a reversed period, 401 signed out', async () => {
    const outside = await huaxinStaff.get(`/api/dashboard?divisionId=${t.fixture.divisions.qingpu.id}&${october}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('out_of_scope');
    expect((await zhaoxiangStaff.get(`/api/dashboard/breakdown?divisionId=${t.fixture.divisions.huaxin.id}&${october}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get(`/api/dashboard?divisionId=999999&${october}`)).statusCode).toBe(400);
    expect((await huaxinStaff.get('/api/dashboard?from=2026-10-31&to=2026-10-01')).statusCode).toBe(400);
    expect((await t.anonymous().get(`/api/dashboard?${october}`)).statusCode).toBe(401);
  });

  it('the whole tree for an administrator without a division: every root counted', async () => {
    const body = await dashboard(admin, october);
    expect(body.division).toBeNull();
    expect(body.organisations.total).toBe(5);
  });
});

describe('GET /api/dashboard/breakdown', () => {
  it('one row per town of the district, each with its own figures', async () => {
    const response = await qingpuStaff.get(`/api/dashboard/breakdown?${october}`);
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json().rows as Array<{ division: { id: number }; organisations: number; activities: number; receivedFen: number; overdueProjects: number }>;
    const row = (id: number) => rows.find((r) => r.division.id === id)!;
    expect(rows).toHaveLength(2);
    expect(row(t.fixture.divisions.huaxin.id)).toMatchObject({ organisations: 3, activities: 2, receivedFen: 100_000, overdueProjects: 1 });
    expect(row(t.fixture.divisions.zhaoxiang.id)).toMatchObject({ organisations: 1, activities: 1, receivedFen: 0, overdueProjects: 0 });
  });
});

describe('drill-down: the list behind a figure holds exactly the records counted', () => {
  const cases: Array<[DrillFigure, string | undefined, (d: Dashboard) => number]> = [
    ['organisations', 'enterprise', (d) => d.organisations.byType.find((c) => c.key === 'enterprise')!.count],
    ['venues.stars', '3', (d) => d.venues.byStars.find((c) => c.key === '3')!.count],
    ['projects.overdue', undefined, (d) => d.projects.overdueProjects],
    ['projects', 'active', (d) => d.projects.byStatus.find((c) => c.key === 'active')!.count],
    ['activities', 'training', (d) => d.activities.byKind.find((c) => c.key === 'training')!.count],
    ['activities', undefined, (d) => d.activities.total.current],
    ['needs', 'open', (d) => d.needs.byState.find((c) => c.key === 'open')!.count],
    ['investment.signed', undefined, (d) => d.investment.signed.current],
    ['articles', 'municipal', (d) => d.publicity.byLevel.find((c) => c.key === 'municipal')!.count],
    ['articles', undefined, (d) => d.publicity.articles.current],
  ];
  for (const [figure, key, pick] of cases) {
    it(`${figure}${key ? ` (${key})` : ''}`, async () => {
      for (const client of [qingpuStaff, huaxinStaff]) {
        const body = await dashboard(client, october);
        const target = drillDown(figure, { divisionId: body.division!.id, from: '2026-10-01', to: '2026-10-31', ...(key ? { key } : {}) });
        const list = await client.get(`/api/${target.list}?${new URLSearchParams({ ...target.query, pageSize: '200' })}`);
        expect(list.statusCode, list.body).toBe(200);
        expect(list.json().total).toBe(pick(body));
      }
    });
  }
});

describe('rollups equal the raw recomputation on the hand-built data', () => {
  it('every figure and every breakdown row, for each division', async () => {
    const divisions = await t.handle.db.selectFrom('divisions').select(['id', 'name', 'level', 'path']).execute();
    expect(divisions.length).toBeGreaterThan(1);
    for (const division of divisions) {
      const children = divisions.filter((d) => d.path !== division.path && d.path.startsWith(division.path) && d.path.split('/').length === division.path.split('/').length + 1);
      const input = { db: t.handle.db, dialect: t.handle.dialect, anchors: [division.id], children, period: { from: '2026-10-01', to: '2026-10-31' }, today: '2026-11-25' };
      expect(await computeDashboard(input, 'rollup'), division.name).toEqual(await computeDashboard(input, 'raw'));
      expect(await computeBreakdown(input, 'rollup'), division.name).toEqual(await computeBreakdown(input, 'raw'));
    }
  });
});
