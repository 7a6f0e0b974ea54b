/**
 * Dashboard benchmark on a generated province (run `npm run bench:province` first):
 *   npm run bench                       # SQLite data/province.db
 *   DATABASE_URL=postgres://… npm run bench   # schema `province`
 * 1. The dashboard of the province, a city and a town through the service (`figures`, rollups),
 *    beside the same figures by plain GROUP BY over the raw tables (`computeDashboard(…, 'raw')`):
 *    p50 / p99 in ms and the ratio. ROUNDS (default 30) rollup reads, RAW_ROUNDS (default 5) raw.
 *    SKIP_DASHBOARD=1 / SKIP_HTTP=1 leave a part out; DURATION (default 10) seconds per HTTP run.
 * 2. The organisations list over HTTP (50 connections, autocannon in a child process) for a town's
 *    staff and for the province, beside a bare Fastify route served by the same process.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Actor, DashboardQuery } from '@tongxin/core';
import { defaultKpiSettings } from '@tongxin/core/sla/index';
import { loadConfig } from '../../server/src/config.ts';
import type { DatabaseHandle } from '../../server/src/db/database.ts';
import { buildApp } from '../../server/src/http/app.ts';
import type { ActorContext, Clock } from '../../server/src/http/context.ts';
import { hashToken } from '../../server/src/modules/auth/auth.service.ts';
import { computeDashboard } from '../../server/src/modules/dashboard/dashboard.compute.ts';
import { figures } from '../../server/src/modules/dashboard/dashboard.service.ts';
import { defaultNow, ymd } from './plan.ts';
import { describe, openHandle, targetFromArgs } from './target.ts';

const rounds = Number(process.env.ROUNDS ?? 30);
const rawRounds = Number(process.env.RAW_ROUNDS ?? 5);
const seconds = Number(process.env.DURATION ?? 10);
// The generator's "today", so stock figures (overdue, members) mean the same on every run.
const clock: Clock = { now: () => new Date(defaultNow) };
const period: DashboardQuery = { from: `${ymd(defaultNow).slice(0, 4)}-01-01`, to: ymd(defaultNow - 86_400_000) } as DashboardQuery;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => n.toFixed(1);

interface Place {
  label: string;
  id: number;
  name: string;
  path: string;
  staff: number;
}

async function places(handle: DatabaseHandle): Promise<Place[]> {
  const pick = async (label: string, level: string) => {
    // The city and the town with the most children: the largest of their level.
    const row = await handle.db
      .selectFrom('divisions as d')
      .innerJoin('users as u', 'u.division_id', 'd.id')
      .select(['d.id', 'd.name', 'd.path', 'u.id as staff'])
      .where('d.level', '=', level)
      .orderBy((eb) => eb.selectFrom('divisions as v').select((c) => c.fn.countAll().as('n')).whereRef('v.parent_id', '=', 'd.id'), 'desc')
      .orderBy('d.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { label, ...row };
  };
  return [await pick('province', 'province'), await pick('city', 'city'), await pick('town', 'town')];
}

function contextFor(handle: DatabaseHandle, place: Place, level: string): ActorContext {
  const actor: Actor = {
    userId: place.staff, username: `bench_${place.id}`, displayName: 'bench', divisionId: place.id, scopePath: level === 'province' ? null : place.path,
    roles: level === 'province' ? ['system_admin'] : ['division_admin', 'staff'], locale: 'zh-CN',
  };
  return { db: handle.db, dialect: handle.dialect, config: loadConfig({ LOG_LEVEL: 'silent' }), clock, actor, ip: 'bench', userAgent: null, requestId: 'bench', locale: 'zh-CN' };
}

/** Wall times and this process's CPU times (user + system) of `times` runs, each sorted. */
async function time(times: number, run: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

async function dashboards(handle: DatabaseHandle): Promise<string[]> {
  const lines = [
    '| dashboard of | rollup (service) wall p50 ms | wall p99 ms | CPU p50 ms | raw GROUP BY wall p50 ms | wall p99 ms | CPU p50 ms | raw ÷ rollup (wall p50 / CPU p50) | load |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  console.log(lines.join('\n'));
  for (const place of await places(handle)) {
    const ctx = contextFor(handle, place, place.label);
    const query = { ...period, divisionId: place.id };
    await figures(ctx, query); // warm-up: page cache, prepared statements
    const rollup = await time(rounds, () => figures(ctx, query));
    const children = await handle.db.selectFrom('divisions').select(['id', 'name', 'level', 'path']).where('parent_id', '=', place.id).orderBy('name').orderBy('id').execute();
    const input = { db: handle.db, dialect: handle.dialect, anchors: [place.id], children, period: { from: period.from, to: period.to }, today: ymd(defaultNow), kpi: defaultKpiSettings };
    const raw = await time(rawRounds, () => computeDashboard(input, 'raw'));
    const p50 = (list: number[]) => percentile(list, 50);
    // RAW_ROUNDS=0 times the rollups only (the raw GROUP BY takes minutes per division at full scale).
    const rawCells = rawRounds === 0 ? 'not run | – | – | –' : `${ms(p50(raw.wall))} | ${ms(percentile(raw.wall, 99))} | ${ms(p50(raw.cpu))} | ${(p50(raw.wall) / p50(rollup.wall)).toFixed(0)}× / ${(p50(raw.cpu) / p50(rollup.cpu)).toFixed(0)}×`;
    const line = `| ${place.label} (${place.name}, id ${place.id}) | ${ms(p50(rollup.wall))} | ${ms(percentile(rollup.wall, 99))} | ${ms(p50(rollup.cpu))} | ${rawCells} | ${os.loadavg()[0]!.toFixed(1)} |`;
    console.log(line);
    lines.push(line);
  }
  return lines;
}

/** autocannon in a child process (the servers under test run in this one, so it must not block). */
async function autocannon(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; non2xx: number }> {
  const bin = path.resolve(import.meta.dirname, '../../node_modules/.bin/autocannon');
  const args = ['-c', '50', '-d', String(seconds), '-j', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  await new Promise((resolve) => child.on('close', resolve));
  const json = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number };
  return { rps: json.requests.average, p99: json.latency.p99, non2xx: json.non2xx + json.errors };
}

async function sessionFor(handle: DatabaseHandle, userId: number): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const at = new Date().toISOString();
  await handle.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await handle.db.insertInto('sessions').values({ id: hashToken(token), user_id: userId, csrf_token: 'bench', ip: null, user_agent: 'bench', created_at: at, last_seen_at: at, expires_at: new Date(Date.now() + 86_400_000).toISOString() }).execute();
  return token;
}

async function lists(handle: DatabaseHandle): Promise<string[]> {
  const [province, , town] = await places(handle);
  const port = 20000 + crypto.randomInt(20000);
  const app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_MINUTES: '600' }), logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: port + 1 });
  const lines = ['| route (50 connections, ' + seconds + ' s) | req/s | p99 ms | errors + non-2xx | load |', '|---|---|---|---|---|'];
  console.log(lines.join('\n'));
  const row = (label: string, r: Awaited<ReturnType<typeof autocannon>>) => {
    const line = `| ${label} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p99} | ${r.non2xx} | ${os.loadavg()[0]!.toFixed(1)} |`;
    console.log(line);
    lines.push(line);
  };
  row('bare Fastify route `GET /bare`', await autocannon(`http://127.0.0.1:${port + 1}/bare`));
  for (const place of [town!, province!]) {
    const cookie = `tongxin_session=${await sessionFor(handle, place.staff)}`;
    row(`\`GET /api/organisations?page=2&pageSize=20\` as ${place.label} staff (${place.name})`, await autocannon(`http://127.0.0.1:${port}/api/organisations?page=2&pageSize=20`, { cookie }));
  }
  await app.close();
  await bare.close();
  return lines;
}

async function main() {
  const target = targetFromArgs();
  const handle = await openHandle(target);
  console.log(`dashboard benchmark on ${describe(target)}; ${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}; load ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);
  console.log(`period ${period.from} … ${period.to}; ${rounds} rollup reads, ${rawRounds} raw computations per division\n`);
  if (process.env.SKIP_DASHBOARD !== '1') await dashboards(handle);
  console.log('');
  if (process.env.SKIP_HTTP !== '1') await lists(handle);
  await handle.close();
}

await main();
