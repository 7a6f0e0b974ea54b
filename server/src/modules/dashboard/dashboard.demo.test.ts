import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { seedDemo } from '../../seed/demo/index.ts';
import { demoDataLoadedAt } from '../meta/meta.repo.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import { computeBreakdown, computeDashboard, type ComputeInput } from './dashboard.compute.ts';

/*
 * The demo seed is a bulk load: it drops the rollup triggers, writes, re-creates them and rebuilds.
 * Afterwards the dashboard shows the published facts, and rollups equal the raw recomputation.
 */

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemo(handle.db, { at: new Date('2026-11-01T00:00:00.000Z') });
}, 600_000);
afterAll(async () => handle.close());

async function inputFor(pick: { name: string } | { id: number }): Promise<ComputeInput> {
  const query = handle.db.selectFrom('divisions as d').select(['d.id', 'd.name', 'd.level', 'd.path']);
  const division = await ('id' in pick ? query.where('d.id', '=', pick.id) : query.where('d.name', '=', pick.name)).executeTakeFirstOrThrow();
  const children = await handle.db.selectFrom('divisions').select(['id', 'name', 'level', 'path']).where('parent_id', '=', division.id).execute();
  return { db: handle.db, dialect: handle.dialect, anchors: [division.id], children, period: { from: '2026-01-01', to: '2026-11-01' }, today: '2026-11-01' };
}

describe('dashboard on the demo data', () => {
  it('the seed records in its transaction that the demo data set is loaded (the sign-in page then offers the demo account)', async () => {
    expect(await demoDataLoadedAt(handle.db)).toBe('2026-11-01T00:00:00.000Z');
  });

  it('华新镇: the chamber’s 154 member enterprises, 34 of them council members, counted as members', async () => {
    const figures = await computeDashboard(await inputFor({ name: '华新镇' }), 'rollup');
    const byRole = Object.fromEntries(figures.organisations.members.byRole.map((c) => [c.key, c.count]));
    const members = figures.organisations.members;
    // 154 firms and the chamber's 4 office-holders (people): all 158 in the one chamber of the town.
    expect([members.organisations, members.people, members.total]).toEqual([154, 4, 158]);
    expect(members.byOrganisationType.find((c) => c.key === 'chamber')!.count).toBe(158);
    expect(byRole.council).toBe(34);
  });

  it('rollups rebuilt after the seed equal the raw GROUP BY for every city and district', async () => {
    const places = await handle.db.selectFrom('divisions').select(['id', 'name']).where('level', 'in', ['province', 'city', 'district']).execute();
    for (const { id, name } of places) {
      const input = await inputFor({ id });
      expect(await computeDashboard(input, 'rollup'), name).toEqual(await computeDashboard(input, 'raw'));
      expect(await computeBreakdown(input, 'rollup'), name).toEqual(await computeBreakdown(input, 'raw'));
    }
  }, 300_000);
});
