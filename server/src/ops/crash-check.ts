/**
 * Crash check (`npm run crash-check`, not part of `npm test`): start the real server as a child
 * process, SIGKILL it in the middle of a 100,000-row organisation import (while the confirm
 * transaction runs) and in the middle of concurrent case state changes through the API, restart
 * it, and check the invariants of crash-invariants.ts plus: the import is wholly absent (or, had it
 * committed before the kill, wholly present). SQLite (WAL) and PostgreSQL.
 *
 *   npm run crash-check                              # both engines, 3 runs each, 100,000 rows
 *   npm run crash-check -- --engine sqlite --runs 5 --rows 20000
 *
 * Loopback only; every server it starts is killed or stopped before it exits. Exit code 1 when
 * an invariant fails.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import type { DatabaseHandle } from '../db/database.ts';
import type { ImportTables } from '../db/types-imports.ts';
import { fixturePassword } from '../test/fixture.ts';
import { checkCases, checkRollups, type Acknowledged } from './crash-invariants.ts';
import { caseSteps, freshStorage, newCaseBody, prepareWorld, type Engine, type Storage } from './ops-world.ts';
import { signInOver, startServer, type HttpSession, type ServerProcess } from './server-process.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '3' },
    rows: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '8' },
    'pg-url': { type: 'string', default: process.env.TEST_PG_URL ?? 'postgres://tongxin:tongxin@127.0.0.1:5432/tongxin_test' },
  },
});
const engines = args.engine === 'both' ? (['sqlite', 'postgres'] as const) : ([args.engine] as Engine[]);
const runs = Number(args.runs);
const rows = Number(args.rows);
const workers = Number(args.workers);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-crash-'));
const say = (line: string) => console.log(`[crash-check ${new Date().toISOString().slice(11, 19)}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + crypto.randomInt(max - min + 1);

async function generateImportFile(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('导入');
  sheet.addRow(['所属区划', '名称', '类型', '成立日期', '联系人', '联系电话', '地址']).commit();
  const towns = ['上海市/青浦区/华新镇', '上海市/青浦区/赵巷镇', '上海市/青浦区/华新镇/华新村'];
  for (let i = 0; i < rows; i += 1) {
    sheet.addRow([towns[i % 3], `崩溃测试企业${i + 1}`, '企业', '2010-06-18', '王经理', `139${String(i).padStart(8, '0')}`, `测试路 ${i + 1} 号`]).commit();
  }
  sheet.commit();
  await workbook.commit();
}

const count = async (handle: DatabaseHandle, table: 'organisations' | 'cases') => Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Upload, wait for the staged rows, confirm, and SIGKILL the server while the confirm transaction runs. */
async function killDuringImport(server: ServerProcess, storage: Storage, file: string): Promise<{ before: number; killedAfterMs: number; answeredFirst: boolean }> {
  const handle = await storage.open();
  try {
    const before = await count(handle, 'organisations');
    const staff = await signInOver(server.url, 'qingpu.staff', fixturePassword);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'crash.xlsx');
    const upload = await fetch(`${server.url}/api/imports/organisation`, { method: 'POST', body: form, headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken, origin: server.url } });
    if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const jobId = ((await upload.json()) as { id: number }).id;
    const status = async () => (await handle.db.withTables<ImportTables>().selectFrom('import_jobs').select(['status', 'error_count']).where('id', '=', jobId).executeTakeFirstOrThrow());
    for (let s = await status(); s.status !== 'ready'; s = await status()) {
      if (s.status !== 'parsing') throw new Error(`import job ${s.status}`);
      await sleep(500);
    }
    let answered = false;
    void staff.request('POST', `/api/imports/jobs/${jobId}/confirm`, { duplicates: 'skip' }).then(() => (answered = true), () => {});
    while ((await status()).status !== 'confirming') await sleep(50);
    const delay = between(500, 5_000);
    await sleep(delay);
    server.child.kill('SIGKILL');
    await server.exited;
    return { before, killedAfterMs: delay, answeredFirst: answered };
  } finally {
    await handle.close();
  }
}

/** Workers register cases and walk them along the dispatch route (often the same case at once). */
async function killDuringRequests(server: ServerProcess, villageId: number): Promise<{ ok: number; conflicts: number; serverErrors: number; acknowledged: Acknowledged[]; killedAfterMs: number }> {
  const staff = await signInOver(server.url, 'huaxin.staff', fixturePassword);
  const handler = await signInOver(server.url, 'village.handler', fixturePassword);
  const stats = { ok: 0, conflicts: 0, serverErrors: 0 };
  const acknowledged: Acknowledged[] = [];
  const ids: number[] = [];
  let stop = false;
  const steps = caseSteps(villageId);
  const worker = async () => {
    while (!stop) {
      try {
        if (ids.length < 4 || crypto.randomInt(4) === 0) {
          const created = await staff.request('POST', '/api/cases', newCaseBody(villageId));
          if (created.status === 201) {
            const c = created.json as { id: number; version: number };
            ids.push(c.id);
            acknowledged.push({ caseId: c.id, version: c.version });
            stats.ok += 1;
          } else if (created.status >= 500) stats.serverErrors += 1;
          continue;
        }
        const id = ids[crypto.randomInt(ids.length)]!;
        const read = await staff.request('GET', `/api/cases/${id}`);
        const c = read.json as { state: string; version: number };
        const step = steps[c.state];
        if (!step) continue;
        const client: HttpSession = step.by === 'staff' ? staff : handler;
        const response = await client.request('POST', `/api/cases/${id}/transition`, { to: step.to, version: c.version, ...step.body });
        if (response.status === 200) {
          stats.ok += 1;
          acknowledged.push({ caseId: id, version: (response.json as { version: number }).version });
        } else if (response.status === 409) stats.conflicts += 1;
        else if (response.status >= 500) stats.serverErrors += 1;
      } catch {
        // The server is gone (killed): the worker stops at the next check.
        await sleep(10);
      }
    }
  };
  const running = Array.from({ length: workers }, () => worker());
  // Kill after a random number of acknowledged writes (so a slow machine still gets a real load),
  // plus a random fraction of a second so the kill lands anywhere inside a request.
  const target = between(20, 80);
  const began = Date.now();
  while (stats.ok < target && Date.now() - began < 120_000) await sleep(20);
  await sleep(between(0, 500));
  const killedAfterMs = Date.now() - began;
  server.child.kill('SIGKILL');
  await server.exited;
  stop = true;
  await Promise.all(running);
  return { ...stats, acknowledged, killedAfterMs };
}

interface RunResult {
  engine: string;
  run: number;
  importKill: string;
  requestKill: string;
  problems: string[];
  rollups: string;
}

async function oneRun(engine: Engine, run: number, file: string): Promise<RunResult> {
  const storage = await freshStorage(engine, path.join(work, `${engine}-${run}`), args['pg-url']!);
  const servers: ServerProcess[] = [];
  const start = async () => {
    const server = await startServer({ ...storage.env, JOB_TICK_SECONDS: '5' });
    servers.push(server);
    return server;
  };
  try {
    const { villageId } = await prepareWorld(storage);
    say(`${engine} run ${run}: starting the server`);
    const imported = await killDuringImport(await start(), storage, file);
    say(`${engine} run ${run}: killed ${imported.killedAfterMs} ms into the import's confirm; restarting`);
    const second = await start();
    const problems: string[] = [];
    let handle = await storage.open();
    const after = await count(handle, 'organisations');
    const confirmAudits = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'import.confirm').execute();
    const wholly = after === imported.before ? 'absent' : after === imported.before + rows ? 'present' : 'PARTIAL';
    if (wholly === 'PARTIAL') problems.push(`import partly written: ${after - imported.before} of ${rows} rows`);
    if ((wholly === 'present') !== (confirmAudits.length === 1)) problems.push(`import ${wholly} but ${confirmAudits.length} import.confirm audit entries`);
    await handle.close();

    const load = await killDuringRequests(second, villageId);
    say(`${engine} run ${run}: killed ${load.killedAfterMs} ms into ${workers} workers (${load.ok} acknowledged writes, ${load.conflicts} 409s); restarting`);
    const third = await start();
    handle = await storage.open();
    problems.push(...(await checkCases(handle, load.acknowledged)));
    const cases = await count(handle, 'cases');
    if (load.serverErrors) problems.push(`${load.serverErrors} 5xx answers during the load`);
    const rollupProblems = await checkRollups(handle);
    if (rollupProblems) problems.push(...rollupProblems);
    await handle.close();
    await third.stop();
    return {
      engine,
      run,
      importKill: `${imported.killedAfterMs} ms into confirm → ${wholly}${imported.answeredFirst ? ' (answered before the kill)' : ''}`,
      requestKill: `${load.killedAfterMs} ms, ${load.ok} writes acknowledged, ${load.conflicts} 409s, ${cases} cases checked`,
      problems,
      rollups: rollupProblems === null ? 'module not present' : rollupProblems.length ? 'DIFFER' : 'equal',
    };
  } finally {
    for (const server of servers) await server.stop('SIGKILL');
    // A failed clean-up must not hide the run's result.
    await storage.drop().catch((error: unknown) => say(`could not remove the run's database: ${String(error)}`));
  }
}

async function main() {
  const file = path.join(work, 'import.xlsx');
  say(`generating a ${rows.toLocaleString()}-row organisation import`);
  await generateImportFile(file);
  const results: RunResult[] = [];
  for (const engine of engines) {
    for (let run = 1; run <= runs; run += 1) {
      const result = await oneRun(engine, run, file);
      results.push(result);
      say(`${engine} run ${run}: ${result.problems.length ? `FAILED\n  ${result.problems.join('\n  ')}` : 'all invariants hold'}`);
    }
  }
  console.log('\n| engine | run | kill during import | kill during requests | rollups vs raw | invariants |\n|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.engine} | ${r.run} | ${r.importKill} | ${r.requestKill} | ${r.rollups} | ${r.problems.length ? `${r.problems.length} FAILED` : 'hold'} |`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = results.some((r) => r.problems.length) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
