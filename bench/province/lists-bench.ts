/**
 * Issue 20, "reads that never block" and "lists at province scale", on a generated province:
 *   npm run bench:lists -w bench                      # SQLite data/province.db, read pool on
 *   READ_WORKERS=0 npm run bench:lists -w bench       # the same with every read on the main connection
 *   DATABASE_URL=postgres://… npm run bench:lists -w bench
 * 1. Light requests (a town's staff opening their list, 10 connections) while heavy ones run at the
 *    same time (the province's list with a filter the maintained counts cannot answer, 10
 *    connections): p99 of the light requests is what one heavy user costs everyone else.
 * 2. The province's list page 2 by offset and by cursor, and page 1 as the town, beside a bare
 *    Fastify route (50 connections), as ratios.
 * DURATION (default 8) seconds per run. Keep it short on a shared machine.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.ts';
import { buildApp } from '../../server/src/http/app.ts';
import { hashToken } from '../../server/src/modules/auth/auth.service.ts';
import { describe, targetFromArgs } from './target.ts';

const seconds = Number(process.env.DURATION ?? 8);
const readWorkers = process.env.READ_WORKERS === undefined ? undefined : Number(process.env.READ_WORKERS);

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon in a child process (the server under test runs in this one). */
async function autocannon(url: string, connections: number, cookie?: string): Promise<Load> {
  const bin = path.resolve(import.meta.dirname, '../../node_modules/.bin/autocannon');
  const args = ['-c', String(connections), '-d', String(seconds), '-j', ...(cookie ? ['-H', `cookie=${cookie}`] : []), url];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  await new Promise((resolve) => child.on('close', resolve));
  const json = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
  return { rps: json.requests.average, p50: json.latency.p50, p99: json.latency.p99, errors: json.non2xx + json.errors };
}

async function staffOf(handle: DatabaseHandle, level: string) {
  return handle.db
    .selectFrom('divisions as d')
    .innerJoin('users as u', 'u.division_id', 'd.id')
    .select(['d.id', 'd.name', 'u.id as staff'])
    .where('d.level', '=', level)
    .orderBy('d.id')
    .limit(1)
    .executeTakeFirstOrThrow();
}

async function session(handle: DatabaseHandle, userId: number): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const at = new Date().toISOString();
  await handle.db.insertInto('sessions').values({ id: hashToken(token), user_id: userId, csrf_token: 'bench', ip: null, user_agent: 'bench', created_at: at, last_seen_at: at, expires_at: new Date(Date.now() + 86_400_000).toISOString() }).execute();
  return `tongxin_session=${token}`;
}

async function main() {
  const target = targetFromArgs();
  const handle =
    target.engine === 'sqlite'
      ? await openDatabase({ sqliteFile: target.sqliteFile!, readWorkers })
      : await openDatabase({ databaseUrl: target.pgUrl!, pgSchema: target.pgSchema! });
  const pool = handle.readPoolStats ? `read pool ${readWorkers ?? 'default'} workers` : 'no read pool';
  console.log(`lists benchmark on ${describe(target)} (${pool}); ${os.cpus().length} × ${os.cpus()[0]?.model}; Node ${process.version}; load ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);
  const organisations = await handle.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  console.log(`${Number(organisations.n).toLocaleString('en')} organisations\n`);
  const province = await staffOf(handle, 'province');
  const town = await staffOf(handle, 'town');
  const provinceCookie = await session(handle, province.staff);
  const townCookie = await session(handle, town.staff);

  const port = 20000 + crypto.randomInt(20000);
  const app = await buildApp({ handle, config: loadConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_MINUTES: '600' }), logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: port + 1 });
  const base = `http://127.0.0.1:${port}/api/organisations`;
  const row = (label: string, r: Load, ratioTo?: Load) =>
    console.log(`| ${label} | ${Math.round(r.rps).toLocaleString('en')} | ${ratioTo ? `${((100 * r.rps) / ratioTo.rps).toFixed(1)} %` : '–'} | ${r.p50} | ${r.p99} | ${r.errors} | ${os.loadavg()[0]!.toFixed(1)} |`);

  console.log(`| requests (${seconds} s each) | req/s | of bare | p50 ms | p99 ms | errors + non-2xx | load |\n|---|---|---|---|---|---|---|`);
  const bareLoad = await autocannon(`http://127.0.0.1:${port + 1}/bare`, 50);
  row('bare Fastify route, 50 connections', bareLoad);
  const light = `${base}?pageSize=20`;
  row(`town list alone (${town.name}), 10 connections`, await autocannon(light, 10, townCookie), bareLoad);
  // The heavy kind: the province, every organisation archived or not (no maintained count), deep page.
  const heavy = `${base}?archived=all&sort=updatedAt&page=40&pageSize=50`;
  const [lightUnderLoad, heavyLoad] = await Promise.all([autocannon(light, 10, townCookie), autocannon(heavy, 10, provinceCookie)]);
  row(`town list while the province's heavy list runs, 10 connections`, lightUnderLoad, bareLoad);
  row(`province heavy list (archived=all, updatedAt, page 40), 10 connections at the same time`, heavyLoad, bareLoad);
  row('province list page 2 by offset, 50 connections', await autocannon(`${base}?page=2&pageSize=20`, 50, provinceCookie), bareLoad);
  const first = (await app.inject({ url: '/api/organisations?pageSize=20', headers: { cookie: provinceCookie } })).json() as { nextCursor: string | null; totalIsEstimate: boolean; total: number };
  row('province list page 2 by cursor, 50 connections', await autocannon(`${base}?pageSize=20&after=${first.nextCursor}`, 50, provinceCookie), bareLoad);
  row(`town list page 2 by offset, 50 connections`, await autocannon(`${base}?page=2&pageSize=20`, 50, townCookie), bareLoad);
  console.log(`\nprovince total ${first.total} (estimate: ${first.totalIsEstimate}); reads in the pool: ${handle.readPoolStats?.().reads ?? 0}`);
  await app.close();
  await bare.close();
  await handle.close();
}

await main();
