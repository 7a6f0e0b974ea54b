/**
 * Soak (`npm run soak`, not part of `npm test`): start the real server on a loopback port over a
 * fresh database, drive a mixed read/write load at it for a set time, and print requests, errors,
 * p50/p99 latency and the server's memory (RSS) at start and end.
 *
 *   npm run soak                                   # 10 minutes, SQLite, 8 connections
 *   npm run soak -- --minutes 2 --engine postgres --connections 4
 *
 * Bounded: at most 60 minutes and `--max-requests` (default 2,000,000); loopback only (the server
 * it starts listens on 127.0.0.1 and is stopped at the end).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { caseSteps, freshStorage, newCaseBody, prepareWorld, type Engine } from './ops-world.ts';
import { signInOver, startServer, type HttpSession } from './server-process.ts';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'sqlite' },
    connections: { type: 'string', default: '8' },
    'max-requests': { type: 'string', default: '2000000' },
    'pg-url': { type: 'string', default: process.env.TEST_PG_URL ?? 'postgres://tongxin:tongxin@127.0.0.1:5432/tongxin_test' },
  },
});
const minutes = Number(args.minutes);
const connections = Number(args.connections);
const maxRequests = Number(args['max-requests']);
const engine = args.engine as Engine;
if (!(minutes > 0 && minutes <= 60)) throw new Error('--minutes must be more than 0 and at most 60');
if (!(connections >= 1 && connections <= 64)) throw new Error('--connections must be 1–64');
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine is sqlite or postgres');

const say = (line: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The server's resident memory, read from /proc (Linux). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-soak-'));
  const storage = await freshStorage(engine, dataDir, args['pg-url']!);
  const { villageId, password } = await prepareWorld(storage);
  say(`starting the server (${engine})`);
  const server = await startServer(storage.env);
  try {
    const staff = await signInOver(server.url, 'huaxin.staff', password);
    const handler = await signInOver(server.url, 'village.handler', password);
    const qingpu = await signInOver(server.url, 'qingpu.staff', password);
    const steps = caseSteps(villageId);
    const latencies: Record<string, number[]> = { read: [], write: [] };
    const statuses = new Map<number, number>();
    let errors = 0;
    let requests = 0;
    const ids: number[] = [];
    const timed = async (kind: 'read' | 'write', session: HttpSession, method: string, url: string, body?: unknown) => {
      const started = performance.now();
      try {
        const response = await session.request(method, url, body);
        latencies[kind]!.push(performance.now() - started);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) errors += 1;
        return response;
      } catch {
        errors += 1;
        return null;
      } finally {
        requests += 1;
      }
    };
    // About one write in four: reads of lists, a record, the session, the organisations registry.
    const oneRequest = async () => {
      const roll = crypto.randomInt(100);
      if (roll < 8 || ids.length < 4) {
        const created = await timed('write', staff, 'POST', '/api/cases', newCaseBody(villageId));
        if (created?.status === 201) ids.push((created.json as { id: number }).id);
      } else if (roll < 25) {
        const id = ids[crypto.randomInt(ids.length)]!;
        const read = await timed('read', staff, 'GET', `/api/cases/${id}`);
        const c = read?.json as { state: string; version: number } | undefined;
        const step = c && steps[c.state];
        if (step) await timed('write', step.by === 'staff' ? staff : handler, 'POST', `/api/cases/${id}/transition`, { to: step.to, version: c.version, ...step.body });
      } else if (roll < 50) {
        await timed('read', staff, 'GET', `/api/cases?page=${1 + crypto.randomInt(3)}&pageSize=20`);
      } else if (roll < 65) {
        await timed('read', staff, 'GET', `/api/cases/${ids[crypto.randomInt(ids.length)]}`);
      } else if (roll < 85) {
        await timed('read', qingpu, 'GET', '/api/organisations?pageSize=20');
      } else {
        await timed('read', qingpu, 'GET', '/api/auth/me');
      }
    };

    const started = Date.now();
    const end = started + minutes * 60_000;
    const rssStart = rssOf(server.child.pid!);
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssOf(server.child.pid!));
      say(`${requests.toLocaleString()} requests, ${errors} errors, server RSS ${mb(rssOf(server.child.pid!))}`);
    }, 30_000);
    say(`load for ${minutes} min with ${connections} connections; server RSS at start ${mb(rssStart)}`);
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end && requests < maxRequests) await oneRequest();
      }),
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const rssEnd = rssOf(server.child.pid!);
    rssPeak = Math.max(rssPeak, rssEnd);
    const all = [...latencies.read!, ...latencies.write!].sort((a, b) => a - b);
    const line = (name: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${name.padEnd(6)} ${String(sorted.length).padStart(8)} requests  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
    };
    console.log(`\nsoak: ${engine}, ${connections} connections, ${seconds.toFixed(0)} s, ${(requests / seconds).toFixed(0)} requests/s`);
    console.log(`requests ${requests}  errors (5xx or no answer) ${errors}  statuses ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    console.log(line('all', all));
    console.log(line('read', latencies.read!));
    console.log(line('write', latencies.write!));
    console.log(`server RSS: start ${mb(rssStart)}, end ${mb(rssEnd)}, peak ${mb(rssPeak)}  (cases created ${ids.length})`);
    process.exitCode = errors ? 1 : 0;
  } finally {
    await server.stop('SIGTERM');
    await storage.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
