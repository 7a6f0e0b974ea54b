import { defaultSlaPolicy } from '@tongxin/core/sla/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { buildFiguresWeek, buildRequestWorld, fieldsOf, ok, sh, type CaseOut, type RequestWorld } from './requests.test-support.ts';

/**
 * A hand-built week, 12–16 October 2026, help requests (reply within 3 working days):
 *
 * | case | unit        | received     | reply due    | replied      | in time | follow-up            |
 * | r1   | 华新村 office | Mon 09:00   | Thu 15 17:30 | Tue 13 10:00 | yes     | satisfied, solved    |
 * | r2   | 华新村 office | Mon 10:00   | Thu 15 17:30 | Mon 19 10:00 | no      | basically, solved    |
 * | r3   | 志愿服务队    | Tue 09:00   | Fri 16 17:30 | Wed 14 09:00 | yes     | not satisfied, not solved (not the unit's fault) |
 * | r4   | 志愿服务队    | Wed 09:05   | Mon 19 17:30 | —            | no (overdue at Wed 21) | — |
 * | r5   | — (answered by the office) | Thu 15 09:00 | Mon 19 17:30 | Thu 15 10:00 | yes | — |
 * | r6   | received Mon 19: outside the period |
 */
let t: TestApp;
let w: RequestWorld;
let staff: TestClient;
let r: Record<string, CaseOut>;
let go: Awaited<ReturnType<typeof buildFiguresWeek>>['go'];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
  staff = w.clients.huaxinStaff;
  ({ r, go } = await buildFiguresWeek(t, w));
});
afterAll(async () => t.close());

interface Figures {
  received: number;
  repliedOnTime: number;
  responseRate: number;
  solveRate: number;
  satisfactionRate: number;
  overdue: number;
  averageHandlingMinutes: number;
  score: number;
  ids: Record<string, number[]>;
  groups: Array<{ key: string; name: string; received: number; score: number; rank: number; ids: Record<string, number[]> }>;
  definitions: Record<string, string>;
  weights: Record<string, number>;
}
const figures = async (client: TestClient, query: string, headers?: Record<string, string>) => ok<Figures>(await client.get(`/api/cases/figures?${query}`, headers));
const id = (name: string) => r[name]!.id;

describe('GET /api/cases/figures on a hand-built week', () => {
  it('computes the office’s figures and drills down to the cases behind each', async () => {
    const f = await figures(staff, 'from=2026-10-12&to=2026-10-16', { 'accept-language': 'en' });
    expect(f.received).toBe(5);
    expect(f.ids.received!.sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5'].map(id).sort());
    expect(f.repliedOnTime).toBe(3);
    expect(f.responseRate).toBeCloseTo(0.6, 12);
    expect(f.solveRate).toBeCloseTo(2 / 3, 12);
    expect(f.satisfactionRate).toBeCloseTo(2 / 3, 12);
    expect(f.overdue).toBe(2);
    expect(f.ids.overdue!.sort()).toEqual([id('r2'), id('r4')].sort());
    // 1,500 + 10,080 + 1,440 + 60 minutes over four replies.
    expect(f.averageHandlingMinutes).toBeCloseTo(3270, 9);
    expect(f.score).toBeCloseTo(18 + 35 * (2 / 3) * 2, 9);
    expect(f.weights).toEqual({ response: 0.3, solve: 0.35, satisfaction: 0.35 });
    expect(f.definitions.responseRate).toMatch(/^On-time response rate/);
    const drill = ok<{ items: Array<{ id: number }> }>(await staff.get(`/api/cases?ids=${f.ids.overdue!.join(',')}`));
    expect(drill.items.map((c) => c.id).sort()).toEqual(f.ids.overdue!.sort());
  });

  it('ranks the units by combined score', async () => {
    const f = await figures(staff, 'from=2026-10-12&to=2026-10-16&groupBy=unit');
    expect(f.groups.map((g) => [g.name, g.received, Number(g.score.toFixed(6)), g.rank])).toEqual([
      ['华新村', 2, 85, 1],
      ['华新镇志愿服务队', 2, 15, 2],
    ]);
    expect(f.groups[1]!.ids.overdue).toEqual([id('r4')]);
  });

  it('groups by the divisions one level down', async () => {
    const f = await figures(staff, `from=2026-10-12&to=2026-10-16&groupBy=division&divisionId=${t.fixture.divisions.huaxin.id}`);
    expect(f.groups.map((g) => [g.key, g.received])).toEqual([[`division:${t.fixture.divisions.huaxinVillage.id}`, 5]]);
  });

  it('400: a period ending before it starts, a bad date; 403: another town as the filter; other towns see nothing', async () => {
    expect(fieldsOf((await staff.get('/api/cases/figures?from=2026-10-16&to=2026-10-12')).json())).toHaveProperty('query.to');
    expect((await staff.get('/api/cases/figures?from=2026-13-01&to=2026-10-12')).statusCode).toBe(400);
    expect((await w.clients.zhaoxiangStaff.get(`/api/cases/figures?from=2026-10-12&to=2026-10-16&divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect((await figures(w.clients.zhaoxiangStaff, 'from=2026-10-12&to=2026-10-16')).received).toBe(0);
  });
});

describe('request settings', () => {
  it('weights and the worth of "basically satisfied" are configurable per office and inherited below it', async () => {
    const kpiSettings = { weights: { response: 50, solve: 25, satisfaction: 25 }, basicallySatisfiedWeight: 0, precision: 2 };
    expect((await staff.put('/api/cases/settings', { divisionId: t.fixture.divisions.huaxin.id, slaPolicy: null, kpiSettings })).json().error.code).toBe('forbidden');
    const view = ok<{ own: { version: number }; effective: { fromDivisionId: number } }>(
      await w.clients.qingpuAdmin.put('/api/cases/settings', { divisionId: t.fixture.divisions.qingpu.id, slaPolicy: null, kpiSettings }),
    );
    expect(view.effective.fromDivisionId).toBe(t.fixture.divisions.qingpu.id);
    expect((await auditRows(t.handle, 'request_settings.put'))).toHaveLength(1);
    const f = await figures(staff, 'from=2026-10-12&to=2026-10-16');
    expect(f.weights).toEqual(kpiSettings.weights);
    expect(f.score).toBeCloseTo(50 * 0.6 + 25 * (2 / 3) + 25 * (1 / 3), 9);
    expect(f.groups.map((g) => Number(g.score.toFixed(6)))).toEqual([62.5, 25]);
    const inherited = ok<{ own: null; effective: { fromDivisionId: number } }>(await staff.get(`/api/cases/settings?divisionId=${t.fixture.divisions.huaxin.id}`));
    expect(inherited).toMatchObject({ own: null, effective: { fromDivisionId: t.fixture.divisions.qingpu.id } });
    const stale = await w.clients.qingpuAdmin.put('/api/cases/settings', { divisionId: t.fixture.divisions.qingpu.id, slaPolicy: null, kpiSettings, version: view.own.version + 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('time limits per office: a longer reply limit moves the due time; 400 for fractional working days; 403 outside the subtree', async () => {
    const own = ok<{ own: { version: number } }>(await w.clients.qingpuAdmin.get(`/api/cases/settings?divisionId=${t.fixture.divisions.qingpu.id}`)).own;
    const slaPolicy = { ...defaultSlaPolicy, help: { ...defaultSlaPolicy.help, reply: { unit: 'working_days', amount: 5 } } };
    const bad = await w.clients.qingpuAdmin.put('/api/cases/settings', { divisionId: t.fixture.divisions.qingpu.id, slaPolicy: { ...slaPolicy, help: { ...slaPolicy.help, reply: { unit: 'working_days', amount: 1.5 } } }, kpiSettings: null, version: own.version });
    expect(bad.statusCode).toBe(400);
    ok(await w.clients.qingpuAdmin.put('/api/cases/settings', { divisionId: t.fixture.divisions.qingpu.id, slaPolicy, kpiSettings: null, version: own.version }));
    const read = ok<CaseOut>(await staff.get(`/api/cases/${id('r4')}`));
    // Dispatched Wed 10-14: 15, 16, 19, 20, 21 → Wed 10-21 17:30.
    expect((read.clocks as Record<string, { dueAt: string }>).reply!.dueAt).toBe(sh('2026-10-21 17:30'));
    expect((await w.clients.qingpuAdmin.put('/api/cases/settings', { divisionId: t.fixture.divisions.jinshan.id, slaPolicy: null, kpiSettings: null })).statusCode).toBe(403);
  });
});
