/*
 * A quick measurement of the dashboard at province scale on SQLite (not a test; `npm run bench`
 * in bench/ is the official benchmark). Builds 16 cities › 100 districts › 1,500 towns › 25,000
 * villages, 200,000 organisations, 400,000 memberships, 2,000,000 activities and 1,000,000 cases
 * with raw inserts (triggers dropped), rebuilds the rollups, then times the dashboard for the
 * province, a city and a town against the raw GROUP BY.
 *
 *   npx tsx server/src/modules/dashboard/dashboard.measure.ts [/tmp/dir]
 *   REUSE=1 npx tsx server/src/modules/dashboard/dashboard.measure.ts /tmp/dir   (data already loaded there)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { computeDashboard, type ComputeInput } from './dashboard.compute.ts';
import { createRollupTriggers, dropRollupTriggers, rebuildRollups } from './rollups.ts';

const dir = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-dash-'));
const file = path.join(dir, 'province.db');
const scale = Number(process.env.SCALE ?? 1);
const at = '2026-01-01T00:00:00.000Z';
let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};
const kinds = ['event', 'training', 'visit', 'seminar', 'talk', 'volunteer_service', 'study_session'];
const types = ['chamber', 'association_new_strata', 'party_branch', 'community', 'new_org', 'enterprise', 'volunteer_team', 'service_centre', 'other'];
const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 1065) * 86_400_000).toISOString().slice(0, 10);
const time = (label: string, work: () => void) => {
  const start = performance.now();
  work();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
};

const villages: number[] = [];
const towns: number[] = [];
const cities: number[] = [];
const reuse = process.env.REUSE === '1';
if (!reuse) fs.rmSync(file, { force: true });
const handle = await openDatabase({ sqliteFile: file });
await migrateToLatest(handle);
await dropRollupTriggers(handle.db);
const raw = new SQLite(file);
if (reuse) {
  // Loaded by an earlier run: only the division lists are needed.
  for (const row of raw.prepare(`SELECT id, level FROM divisions ORDER BY id`).all() as Array<{ id: number; level: string }>) {
    if (row.level === 'city') cities.push(row.id);
    if (row.level === 'town') towns.push(row.id);
    if (row.level === 'village') villages.push(row.id);
  }
}
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = OFF');

if (!reuse) time('divisions', () => {
  const insert = raw.prepare(`INSERT INTO divisions (parent_id, name, level, path, depth, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?)`);
  const setPath = raw.prepare(`UPDATE divisions SET path = ? WHERE id = ?`);
  const add = (parent: { id: number; path: string } | null, name: string, level: string, depth: number) => {
    const id = Number(insert.run(parent?.id ?? null, name, level, depth, at, at).lastInsertRowid);
    const p = `${parent?.path ?? '/'}${id}/`;
    setPath.run(p, id);
    return { id, path: p };
  };
  raw.transaction(() => {
    const province = add(null, '省', 'province', 0);
    for (let c = 0; c < 16; c++) {
      const city = add(province, `市${c}`, 'city', 1);
      cities.push(city.id);
      for (let d = 0; d < (c < 4 ? 7 : 6); d++) {
        const district = add(city, `区${d}`, 'district', 2);
        for (let t = 0; t < 15; t++) {
          const town = add(district, `镇${t}`, 'town', 3);
          towns.push(town.id);
          for (let v = 0; v < 16 + (t % 2); v++) villages.push(add(town, `村${v}`, 'village', 4).id);
        }
      }
    }
  })();
  console.log(`  ${cities.length} cities, ${towns.length} towns, ${villages.length} villages`);
});
const place = (): number => (rand(4) === 0 ? towns[rand(towns.length)]! : villages[rand(villages.length)]!);

if (!reuse) time(`organisations ${200_000 * scale} + memberships ${400_000 * scale}`, () => {
  const org = raw.prepare(`INSERT INTO organisations (division_id, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  const member = raw.prepare(`INSERT INTO memberships (organisation_id, member_organisation_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  raw.transaction(() => {
    for (let i = 0; i < 200_000 * scale; i++) org.run(place(), `组织${i}`, types[rand(types.length)], at, at);
    for (let i = 0; i < 400_000 * scale; i++) member.run(1 + rand(200_000 * scale), 1 + rand(200_000 * scale), rand(5) === 0 ? 'council' : 'member', at, at);
  })();
});
if (!reuse) time(`activities ${2_000_000 * scale}`, () => {
  const insert = raw.prepare(`INSERT INTO activities (division_id, title, date, kind, participant_count, created_at, updated_at) VALUES (?, '活动', ?, ?, ?, ?, ?)`);
  raw.transaction(() => {
    for (let i = 0; i < 2_000_000 * scale; i++) insert.run(place(), day(rand(100_000)), kinds[rand(7)], rand(80), at, at);
  })();
});
if (!reuse) time(`cases ${1_000_000 * scale}`, () => {
  const insert = raw.prepare(`INSERT INTO cases (ticket_no, division_id, office_division_id, kind, category, channel, title, content, state, solved, satisfaction, received_at, created_at, updated_at)
    VALUES (?, ?, ?, 'help', 'help', 'hotline', '求助', '内容', 'closed', ?, ?, ?, ?, ?)`);
  const sat = ['satisfied', 'basically_satisfied', 'not_satisfied', null];
  raw.transaction(() => {
    for (let i = 0; i < 1_000_000 * scale; i++) {
      const division = place();
      insert.run(`T${i}`, division, division, rand(3) === 0 ? null : rand(2), sat[rand(4)], `${day(rand(100_000))}T0${rand(10)}:00:00.000Z`, at, at);
    }
  })();
});
raw.close();

let start = performance.now();
await createRollupTriggers(handle.db);
await rebuildRollups(handle.db, { caseReplies: false });
console.log(`rebuildRollups: ${((performance.now() - start) / 1000).toFixed(1)} s`);
const rollupRows = await handle.db.selectFrom('dash_rollup').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
console.log(`  dash_rollup rows: ${rollupRows.n}`);

async function inputFor(id: number): Promise<ComputeInput> {
  const children = await handle.db.selectFrom('divisions').select(['id', 'name', 'level', 'path']).where('parent_id', '=', id).execute();
  return { db: handle.db, dialect: 'sqlite', anchors: [id], children, period: { from: '2026-01-01', to: '2026-10-31' }, today: '2026-11-25' };
}
const pct = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
for (const [label, id] of [['province', 1], ['city', cities[0]!], ['town', towns[0]!]] as const) {
  const input = await inputFor(id);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    start = performance.now();
    await computeDashboard(input, 'rollup');
    times.push(performance.now() - start);
  }
  start = performance.now();
  const fromRaw = await computeDashboard(input, 'raw');
  const rawMs = performance.now() - start;
  const same = JSON.stringify(fromRaw) === JSON.stringify(await computeDashboard(input, 'rollup'));
  console.log(`${label}: rollup p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms; raw GROUP BY ${rawMs.toFixed(0)} ms (×${(rawMs / pct(times, 50)).toFixed(0)}); equal: ${same}`);
}

// The price of the triggers on a write: 1,000 single-row activity inserts, each its own transaction.
start = performance.now();
for (let i = 0; i < 1000; i++) {
  await handle.db.insertInto('activities').values({ division_id: villages[i]!, title: '新活动', date: '2026-11-25', kind: 'event', created_at: at, updated_at: at }).execute();
}
console.log(`1,000 activity inserts with triggers: ${((performance.now() - start) / 1000).toFixed(2)} ms each`);
await handle.close();
if (!process.argv[2]) fs.rmSync(dir, { recursive: true, force: true });
