import type { Dashboard } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { buildFiguresWeek, buildRequestWorld, ok, sh, type CaseOut, type RequestWorld } from '../cases/requests.test-support.ts';

/**
 * The dashboard's request figures equal the cases module's own (GET /api/cases/figures) on the
 * hand-built week of cases.figures.test.ts (12–16 October 2026; five cases received, three
 * replied in time, follow-ups satisfied / basically satisfied / not satisfied). The week is
 * driven through the API, so "replied in time" goes through the case-event trigger and the
 * recomputation of reply facts on read.
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
}, 120_000);
afterAll(async () => t.close());

const dashboard = async (client: TestClient, query: string) => ok<Dashboard>(await client.get(`/api/dashboard?${query}`));

describe('dashboard request figures', () => {
  it('equal the cases module figures for the week, and rank the division below', async () => {
    const week = 'from=2026-10-12&to=2026-10-16';
    const own = ok<{ received: number; repliedOnTime: number; responseRate: number; solveRate: number; satisfactionRate: number; assessed: number; solved: number; followedUp: number; satisfiedCount: number }>(
      await staff.get(`/api/cases/figures?${week}`),
    );
    const d = await dashboard(staff, week);
    expect(d.cases.received.current).toBe(5);
    expect(d.cases.repliedOnTime.current).toBe(3);
    expect(d.cases.received.current).toBe(own.received);
    expect(d.cases.repliedOnTime.current).toBe(own.repliedOnTime);
    expect(d.cases.assessed.current).toBe(own.assessed);
    expect(d.cases.solved.current).toBe(own.solved);
    expect(d.cases.followedUp.current).toBe(own.followedUp);
    expect(d.cases.satisfiedCount.current).toBe(own.satisfiedCount);
    expect(d.cases.responseRate.current).toBeCloseTo(own.responseRate, 12);
    expect(d.cases.solveRate.current).toBeCloseTo(own.solveRate, 12);
    expect(d.cases.satisfactionRate.current).toBeCloseTo(own.satisfactionRate, 12);
    expect(d.cases.ranking.map((row) => [row.key, row.received, row.rank])).toEqual([[`division:${t.fixture.divisions.huaxinVillage.id}`, 5, 1]]);
    // The week before: r6 is not in it, nothing is.
    expect(d.cases.received.previous).toBe(0);
  });

  it('a later reply moves the response figures on the next read (case events mark the case)', async () => {
    const before = await dashboard(staff, 'from=2026-10-12&to=2026-10-19');
    t.clock.set(sh('2026-10-22 10:00'));
    await go('r6', staff, { to: 'replied', reply: '已答复' });
    const after = await dashboard(staff, 'from=2026-10-12&to=2026-10-19');
    const own = ok<{ repliedOnTime: number }>(await staff.get('/api/cases/figures?from=2026-10-12&to=2026-10-19'));
    expect(after.cases.repliedOnTime.current).toBe(own.repliedOnTime);
    expect(after.cases.received.current).toBe(before.cases.received.current);
  });

  it('a longer time limit for the office re-marks its cases: the dashboard follows the cases figures', async () => {
    const slaPolicy = (await import('@tongxin/core/sla/index')).defaultSlaPolicy;
    const policy = { ...slaPolicy, help: { ...slaPolicy.help, reply: { unit: 'working_days', amount: 10 } } };
    ok(await w.clients.qingpuAdmin.put('/api/cases/settings', { divisionId: t.fixture.divisions.qingpu.id, slaPolicy: policy, kpiSettings: null }));
    const own = ok<{ repliedOnTime: number }>(await staff.get('/api/cases/figures?from=2026-10-12&to=2026-10-19'));
    const d = await dashboard(staff, 'from=2026-10-12&to=2026-10-19');
    expect(d.cases.repliedOnTime.current).toBe(own.repliedOnTime);
    expect(own.repliedOnTime).toBe(5);
  });
});
