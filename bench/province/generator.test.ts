import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { claimMachine, dispatchMachine, findInvalidStep, type ClaimState, type DispatchState } from '@tongxin/core/sla/index';
import { testDialect, testPgUrl } from '../../server/src/test/test-db.ts';
import { generateProvince, type GenerateResult } from './generate.ts';
import { freshSchema, openHandle, openLoader, type Target } from './target.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-province-'));
const schemas: string[] = [];

function newTarget(): Target {
  if (testDialect === 'postgres') {
    const schema = `p_${crypto.randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    return { engine: 'postgres', pgUrl: testPgUrl, pgSchema: schema };
  }
  return { engine: 'sqlite', sqliteFile: path.join(dir, `${crypto.randomBytes(4).toString('hex')}.db`) };
}

async function generateInto(target: Target, seed: number): Promise<GenerateResult> {
  await freshSchema(target, async () => {});
  const loader = await openLoader(target, true);
  const result = await generateProvince(loader.sink, { seed, scale: 0.0005 });
  await loader.close();
  return result;
}

const tables = ['divisions', 'organisations', 'memberships', 'venues', 'projects', 'project_milestones', 'pairs', 'activities', 'cases', 'case_events', 'case_units', 'needs', 'need_events'] as const;

async function countsOf(target: Target): Promise<Record<string, number>> {
  const handle = await openHandle(target);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  await handle.close();
  return counts;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (!schemas.length) return;
  const client = new pg.Client({ connectionString: testPgUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

describe('province generator (tiny scale)', () => {
  const first = newTarget();
  let result: GenerateResult;

  it('gives the same rows for the same seed and different rows for another', async () => {
    result = await generateInto(first, 7);
    const again = newTarget();
    const repeat = await generateInto(again, 7);
    expect(result.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(repeat.checksum).toBe(result.checksum);
    const counts = await countsOf(first);
    expect(await countsOf(again)).toEqual(counts);
    // Every table the dashboard reads has rows, and the database holds what the generator wrote.
    for (const table of tables) {
      expect(counts[table], table).toBeGreaterThan(0);
      expect(counts[table], table).toBe(result.world.sink.stats.rows.get(table));
    }
    const other = newTarget();
    expect((await generateInto(other, 8)).checksum).not.toBe(result.checksum);
  }, 120_000);

  it('writes case and need histories the state machines allow, ending in the record’s state', async () => {
    const handle = await openHandle(first);
    const cases = await handle.db.selectFrom('cases').select(['id', 'state', 'version', 'closed_at', 'lead_unit_type', 'lead_unit_id', 'satisfaction', 'received_at']).orderBy('id').execute();
    const events = await handle.db.selectFrom('case_events').select(['case_id', 'action', 'from_state', 'to_state', 'at']).orderBy('id').execute();
    const units = await handle.db.selectFrom('case_units').select(['case_id', 'unit_type', 'unit_id', 'role', 'active']).orderBy('id').execute();
    const byCase = groupBy(events, (e) => e.case_id);
    const states = new Set<string>();
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const history = byCase.get(c.id) ?? [];
      expect(history[0]).toMatchObject({ action: 'register', from_state: null, to_state: 'received', at: c.received_at });
      const path = history.map((e) => e.to_state as DispatchState);
      expect(findInvalidStep(dispatchMachine, path), `case ${c.id}: ${path.join(' → ')}`).toBeNull();
      for (let i = 1; i < history.length; i++) {
        expect(history[i]!.from_state).toBe(history[i - 1]!.to_state);
        expect(history[i]!.at >= history[i - 1]!.at).toBe(true);
      }
      expect(path.at(-1)).toBe(c.state);
      // One version per service call: the follow-up and its redo line are one call.
      expect(c.version).toBe(1 + history.filter((e) => e.action !== 'register' && e.action !== 'reopen').length);
      expect(c.closed_at !== null).toBe(c.state === 'closed');
      if (c.closed_at) expect(c.closed_at).toBe(history.at(-1)!.at);
      const leads = units.filter((u) => u.case_id === c.id && u.role === 'lead');
      expect(leads.filter((u) => u.active === 1).length).toBe(leads.length ? 1 : 0);
      if (leads.length) expect([c.lead_unit_type, c.lead_unit_id]).toEqual([leads.at(-1)!.unit_type, leads.at(-1)!.unit_id]);
      else expect(c.lead_unit_type).toBeNull();
      if (path.includes('followed_up')) expect(c.satisfaction).not.toBeNull();
      states.add(c.state);
    }
    // The walk reaches the open, returned and closed ends, not only the happy path.
    expect([...states]).toEqual(expect.arrayContaining(['closed', 'in_progress', 'replied']));

    const needs = await handle.db.selectFrom('needs').select(['id', 'state', 'claimant_organisation_id', 'confirmed_at', 'published_at']).orderBy('id').execute();
    const needEvents = await handle.db.selectFrom('need_events').select(['need_id', 'action', 'to_state']).orderBy('id').execute();
    const byNeed = groupBy(needEvents, (e) => e.need_id);
    expect(needs.length).toBeGreaterThan(0);
    for (const need of needs) {
      const path = (byNeed.get(need.id) ?? []).filter((e) => e.to_state !== null).map((e) => e.to_state as ClaimState);
      expect(path[0]).toBe('open');
      expect(findInvalidStep(claimMachine, path)).toBeNull();
      expect(path.at(-1)).toBe(need.state);
      if (['claimed', 'fulfilled', 'confirmed'].includes(need.state)) expect(need.claimant_organisation_id).not.toBeNull();
      if (['open', 'expired'].includes(need.state)) expect(need.claimant_organisation_id).toBeNull();
      expect(need.confirmed_at !== null).toBe(need.state === 'confirmed');
      if (need.published_at === null) expect(need.state).toBe('open');
    }
    await handle.close();
  }, 60_000);
});
