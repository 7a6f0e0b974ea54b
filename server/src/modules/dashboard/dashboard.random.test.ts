import { activityKinds, membershipRoles, organisationTypes, projectStatuses, venueLevels } from '@tongxin/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { computeBreakdown, computeDashboard } from './dashboard.compute.ts';
import { rebuildRollups } from './rollups.ts';

/*
 * Property: whatever sequence of creates, edits (moving organisations and venues to another
 * division, changing kind, type, level, stars, dates), archives, restores and state changes is
 * applied, the rollup-based figures equal a plain GROUP BY over the raw tables, and the rollup
 * table equals a full rebuild. Registry and work records go through the API; the tables without a
 * simple API path here (needs, cases, leads, money, articles) are written with SQL, as an import or
 * a seeder would — the triggers see every writer.
 */

let t: TestApp;
let admin: TestClient;
const made = { orgs: [] as number[], activities: [] as number[], venues: [] as number[], projects: [] as number[], milestones: [] as Array<[number, number]> };
const dates = ['2025-10-03', '2026-01-15', '2026-09-20', '2026-10-01', '2026-10-18', '2026-10-31', '2026-11-24', '2026-11-25', '2026-12-10'];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T02:00:00.000Z');
  admin = await t.signIn('admin');
});
afterAll(async () => t.close());

const divisionIds = () => Object.values(t.fixture.divisions).map((d) => d.id);
const pick = <T>(list: T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);
const version = async (path: string) => (await admin.get(path)).json().version as number;

function expectNoServerError(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBeLessThan(500);
}

type Op = { kind: number; a: number; b: number; c: number; d: number };

async function apply(op: Op): Promise<void> {
  const db = t.handle.db;
  const division = pick(divisionIds(), op.a)!;
  const date = pick(dates, op.b)!;
  const org = pick(made.orgs, op.a);
  const at = '2026-11-25T02:00:00.000Z';
  switch (op.kind) {
    case 0: {
      const r = await admin.post('/api/organisations', { divisionId: division, name: `组织${made.orgs.length}`, type: pick([...organisationTypes], op.c) });
      expectNoServerError(r);
      if (r.statusCode === 201) made.orgs.push(r.json().id);
      return;
    }
    case 1: {
      if (org === undefined) return;
      const body = op.d % 2 === 0 ? { divisionId: pick(divisionIds(), op.c) } : { type: pick([...organisationTypes], op.c) };
      expectNoServerError(await admin.patch(`/api/organisations/${org}`, { ...body, version: await version(`/api/organisations/${org}`) }));
      return;
    }
    case 2: {
      if (org === undefined) return;
      const action = op.c % 2 === 0 ? 'archive' : 'unarchive';
      expectNoServerError(await admin.post(`/api/organisations/${org}/${action}`, { version: await version(`/api/organisations/${org}`) }));
      return;
    }
    case 3: {
      const member = pick(made.orgs, op.c);
      if (org === undefined || member === undefined || member === org) return;
      const until = op.d % 3 === 0 ? { until: pick(dates, op.d) } : {};
      expectNoServerError(await admin.post(`/api/organisations/${org}/members`, { memberOrganisationId: member, role: pick([...membershipRoles], op.b), ...until }));
      return;
    }
    case 4: {
      const r = await admin.post('/api/activities', { divisionId: division, title: `活动${op.c}`, date, kind: pick([...activityKinds], op.c), participantCount: op.d % 50 });
      expectNoServerError(r);
      if (r.statusCode === 201) made.activities.push(r.json().id);
      return;
    }
    case 5: {
      const id = pick(made.activities, op.a);
      if (id === undefined) return;
      const path = `/api/activities/${id}`;
      const body = op.d % 3 === 0 ? { kind: pick([...activityKinds], op.c) } : op.d % 3 === 1 ? { date } : { participantCount: op.c % 100 };
      expectNoServerError(await admin.patch(path, { ...body, version: await version(path) }));
      if (op.c % 4 === 0) expectNoServerError(await admin.post(`${path}/archive`, { version: await version(path) }));
      return;
    }
    case 6: {
      const r = await admin.post('/api/venues', { divisionId: division, name: `阵地${made.venues.length}`, type: 'service_station', level: pick([...venueLevels], op.c), starRating: op.d % 6 === 0 ? null : (op.d % 5) + 1 });
      expectNoServerError(r);
      if (r.statusCode === 201) made.venues.push(r.json().id);
      return;
    }
    case 7: {
      const id = pick(made.venues, op.a);
      if (id === undefined) return;
      const path = `/api/venues/${id}`;
      if (op.d % 3 === 2) {
        expectNoServerError(await admin.post(`${path}/${op.c % 2 === 0 ? 'archive' : 'unarchive'}`, { version: await version(path) }));
        return;
      }
      const body = op.d % 3 === 0 ? { divisionId: pick(divisionIds(), op.c) } : { level: pick([...venueLevels], op.c), starRating: (op.c % 5) + 1 };
      expectNoServerError(await admin.patch(path, { ...body, version: await version(path) }));
      return;
    }
    case 8: {
      const r = await admin.post('/api/projects', { divisionId: division, title: `项目${op.c}`, milestones: [{ title: '节点', dueDate: date }, { title: '节点二', dueDate: pick(dates, op.c)! }] });
      expectNoServerError(r);
      if (r.statusCode === 201) {
        const body = r.json();
        made.projects.push(body.id);
        for (const m of body.milestones ?? []) made.milestones.push([body.id, m.id]);
      }
      return;
    }
    case 9: {
      const id = pick(made.projects, op.a);
      if (id === undefined) return;
      const path = `/api/projects/${id}`;
      if (op.d % 3 === 0) expectNoServerError(await admin.post(`${path}/transitions`, { to: pick([...projectStatuses], op.c), note: '推进', version: await version(path) }));
      else if (op.d % 3 === 1) expectNoServerError(await admin.post(`${path}/archive`, { version: await version(path) }));
      else {
        const milestone = pick(made.milestones, op.c);
        if (!milestone) return;
        const detail = (await admin.get(`/api/projects/${milestone[0]}`)).json();
        const m = (detail.milestones ?? []).find((x: { id: number }) => x.id === milestone[1]);
        if (!m) return;
        expectNoServerError(await admin.patch(`/api/projects/${milestone[0]}/milestones/${milestone[1]}`, { completed: op.b % 2 === 0, evidence: '照片', version: m.version }));
      }
      return;
    }
    default: {
      // Writers other than the API: a seeder or an import.
      const stamp = { created_at: at, updated_at: at };
      if (op.c % 4 === 0) {
        await db.insertInto('needs').values({ division_id: division, office_division_id: division, title: '需求', state: pick(['open', 'claimed', 'fulfilled'], op.d)!, channel: 'staff', ...stamp }).execute();
      } else if (op.c % 4 === 1) {
        await sql`UPDATE needs SET state = ${pick(['confirmed', 'withdrawn', 'open'], op.d)!}, division_id = ${division} WHERE id = (SELECT MIN(id) FROM needs WHERE id >= ${op.b})`.execute(db);
      } else if (op.c % 4 === 2) {
        const lead = await db.insertInto('investment_leads').values({ division_id: division, firm_name: '公司', origin: 'domestic', stage: 'signed', signed_on: date, contract_fen: op.d * 1000, ...stamp }).returning('id').executeTakeFirstOrThrow();
        if (op.d % 2 === 0) await sql`UPDATE investment_leads SET stage = 'landed', signed_on = ${pick(dates, op.d)!}, division_id = ${pick(divisionIds(), op.d)!} WHERE id = ${lead.id}`.execute(db);
      } else {
        await db.insertInto('articles').values({ division_id: division, title: '报道', published_on: date, level: op.d % 2 ? 'local' : null, authors: '[]', editors: '[]', format: 'text', original_text: 'x', clean_text: 'x', removed: '{}', content_hash: String(op.b), ...stamp }).execute();
        if (op.d % 3 === 0) await sql`UPDATE articles SET archived_at = ${at} WHERE id = (SELECT MIN(id) FROM articles)`.execute(db);
      }
    }
  }
}

async function rollupRows() {
  const rows = await t.handle.db.selectFrom('dash_rollup').selectAll().where((eb) => eb.or([eb('n', '!=', 0), eb('amount', '!=', 0)])).execute();
  return rows.map((r) => `${r.ancestor_id}|${r.metric}|${r.day}|${r.dim}|${Number(r.n)}|${Number(r.amount)}`).sort();
}

async function compareEverything(today: string, period: { from: string; to: string }) {
  const divisions = await t.handle.db.selectFrom('divisions').select(['id', 'name', 'level', 'path']).execute();
  expect(divisions.length).toBeGreaterThan(1);
  for (const division of divisions) {
    const children = divisions.filter((d) => d.path.startsWith(division.path) && d.path.split('/').length === division.path.split('/').length + 1);
    const input = { db: t.handle.db, dialect: t.handle.dialect, anchors: [division.id], children, period, today };
    expect(await computeDashboard(input, 'rollup'), division.name).toEqual(await computeDashboard(input, 'raw'));
    expect(await computeBreakdown(input, 'rollup'), division.name).toEqual(await computeBreakdown(input, 'raw'));
  }
}

describe('rollups equal the raw recomputation after random writes', () => {
  it('holds for random sequences of creates, edits, moves, archives and state changes', async () => {
    const op = fc.record({ kind: fc.integer({ min: 0, max: 10 }), a: fc.nat(50), b: fc.nat(50), c: fc.nat(50), d: fc.nat(50) });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 25, maxLength: 40 }), async (ops) => {
        for (const step of ops) await apply(step);
        await compareEverything('2026-11-25', { from: '2026-10-01', to: '2026-10-31' });
        await compareEverything('2026-10-18', { from: '2025-01-01', to: '2026-12-31' });
        // Partial months at both ends (day rows) around whole months (month rows), and inside one month.
        await compareEverything('2026-11-25', { from: '2025-09-20', to: '2026-11-24' });
        await compareEverything('2026-11-25', { from: '2026-10-05', to: '2026-10-20' });
        const incremental = await rollupRows();
        await rebuildRollups(t.handle.db, { caseReplies: false });
        expect(await rollupRows()).toEqual(incremental);
      }),
      { numRuns: 4, seed: 20261125, endOnFailure: true },
    );
    // The sequence did reach every kind of record.
    expect(made.orgs.length).toBeGreaterThan(3);
    expect(made.activities.length).toBeGreaterThan(3);
  }, 300_000);
});
