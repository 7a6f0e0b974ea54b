/**
 * Excel import benchmark: generate a 100,000-row .xlsx of divisions (villages under 100 generated
 * towns; or of organisations with ENTITY=organisation), import it through the real service on SQLite (upload check → background parse into the
 * staging table → confirm in one transaction), and compare with raw better-sqlite3 prepared-statement
 * inserts of the same rows. Prints rows/s, the ratio and the peak memory.
 *
 *   npm run bench:import -w bench            # 100,000 rows
 *   ROWS=20000 npm run bench:import -w bench
 *   ENTITY=organisation npm run bench:import -w bench   # 100,000 enterprises with contacts instead
 *   NODE_OPTIONS=--max-old-space-size=128 npm run bench:import -w bench   # prove the memory bound
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { systemClock, type ActorContext } from '../server/src/http/context.ts';
import { insertDivision } from '../server/src/modules/divisions/divisions.repo.ts';
import { confirm, start } from '../server/src/modules/imports/imports.service.ts';
import { insertUser } from '../server/src/modules/users/users.repo.ts';

const rows = Number(process.env.ROWS ?? 100_000);
const towns = 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-import-'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// Peak memory during the import, sampled every 20 ms (the file is generated in a child process,
// so the generator's memory is not counted).
let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
}, 20);
sampler.unref();

/** What is imported: one row of the file and the same row for the raw insert, by index. */
interface Scenario {
  entity: string;
  header: string[];
  cells(i: number): string[];
  rawSql: string;
  rawValues(i: number, townId: number, at: string): unknown[];
}

const townOf = (i: number) => i % towns;
const scenarios: Record<string, Scenario> = {
  division: {
    entity: 'division',
    header: ['上级区划', '名称', '层级', '区划代码'],
    cells: (i) => [`上海市/青浦区/测试镇${townOf(i) + 1}`, `测试村${i + 1}`, '村居', String(310118000000 + i)],
    rawSql: 'insert into divisions (parent_id, name, level, code, path, depth, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    rawValues: (i, townId, at) => [townId, `测试村${i + 1}`, 'village', String(310118000000 + i), `/1/${townId}/`, 2, at, at],
  },
  organisation: {
    entity: 'organisation',
    header: ['所属区划', '名称', '类型', '成立日期', '联系人', '联系电话', '地址'],
    cells: (i) => [`上海市/青浦区/测试镇${townOf(i) + 1}`, `测试企业${i + 1}`, '企业', '2010-06-18', '王经理', `139${String(i).padStart(8, '0')}`, `青浦区测试路 ${i + 1} 号`],
    rawSql: 'insert into organisations (division_id, name, type, founded_on, contact_name, contact_phone, address, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    rawValues: (i, townId, at) => [townId, `测试企业${i + 1}`, 'enterprise', '2010-06-18', '王经理', `139${String(i).padStart(8, '0')}`, `青浦区测试路 ${i + 1} 号`, at, at],
  },
};
const scenario = scenarios[process.env.ENTITY ?? 'division']!;
if (!scenario) throw new Error(`ENTITY must be one of ${Object.keys(scenarios).join(', ')}`);

async function generate(file: string): Promise<void> {
  // Streamed and with shared strings, as Excel itself saves.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('导入');
  sheet.addRow(scenario.header).commit();
  for (let i = 0; i < rows; i += 1) sheet.addRow(scenario.cells(i)).commit();
  sheet.commit();
  await workbook.commit();
}

async function main() {
  const file = path.join(dir, `${scenario.entity}.xlsx`);
  let started = performance.now();
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--generate', file], {
    stdio: 'inherit',
    // A heap cap given for the import (NODE_OPTIONS=--max-old-space-size=…) is not the generator's.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (child.status !== 0) throw new Error('generating the file failed');
  console.log(`generated ${rows.toLocaleString()} rows: ${mb(fs.statSync(file).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const handle = await openDatabase({ sqliteFile: path.join(dir, 'service.db') });
  await migrateToLatest(handle);
  const at = new Date().toISOString();
  const shanghai = await insertDivision(handle.db, { parentId: null, parentPath: null, parentDepth: -1, name: '上海市', level: 'city', code: null, at });
  const qingpu = await insertDivision(handle.db, { parentId: shanghai.id, parentPath: shanghai.path, parentDepth: 0, name: '青浦区', level: 'district', code: null, at });
  for (let i = 0; i < towns; i += 1) {
    await insertDivision(handle.db, { parentId: qingpu.id, parentPath: qingpu.path, parentDepth: 1, name: `测试镇${i + 1}`, level: 'town', code: null, at });
  }
  const userId = await insertUser(handle.db, { username: 'bench', displayName: 'bench', passwordHash: 'x', divisionId: qingpu.id, roles: ['division_admin', 'staff'], phone: null, at });
  const ctx: ActorContext = {
    db: handle.db,
    dialect: handle.dialect,
    config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }),
    clock: systemClock,
    actor: { userId, username: 'bench', displayName: 'bench', divisionId: qingpu.id, scopePath: qingpu.path, roles: ['division_admin', 'staff'], locale: 'zh-CN' },
    ip: '127.0.0.1',
    userAgent: null,
    requestId: 'bench',
    locale: 'zh-CN',
  };

  peakRss = process.memoryUsage().rss;
  peakHeap = process.memoryUsage().heapUsed;
  const rssBefore = peakRss;
  const cpuBefore = process.cpuUsage();
  started = performance.now();
  const upload = path.join(dir, 'upload.xlsx');
  fs.copyFileSync(file, upload);
  const job = await start(ctx, scenario.entity, { path: upload, fileName: 'bench.xlsx', cleanUp: async () => fs.rmSync(upload, { force: true }) }, new AbortController().signal);
  await job.parsing;
  const parsedAt = performance.now();
  const done = await confirm(ctx, job.job.id, { duplicates: 'skip' });
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const serviceCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const parseSeconds = (parsedAt - started) / 1000;
  const confirmSeconds = (finished - parsedAt) / 1000;
  const serviceRate = rows / ((finished - started) / 1000);
  if (done.result?.inserted !== rows) throw new Error(`expected ${rows} inserted, got ${JSON.stringify(done)}`);
  const importPeak = peakRss;
  const importPeakHeap = peakHeap;
  await handle.close();

  // The same rows through one prepared statement in one transaction: the ceiling for SQLite here.
  const raw = new SQLite(path.join(dir, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const rawHandle = await openDatabase({ sqliteFile: path.join(dir, 'raw.db') });
  await migrateToLatest(rawHandle);
  await rawHandle.close();
  const insert = raw.prepare(scenario.rawSql);
  raw.prepare("insert into divisions (id, parent_id, name, level, code, path, depth, created_at, updated_at) values (1, null, '上海市', 'city', null, '/1/', 0, ?, ?)").run(at, at);
  for (let i = 0; i < towns; i += 1) {
    raw.prepare("insert into divisions (id, parent_id, name, level, code, path, depth, created_at, updated_at) values (?, 1, ?, 'town', null, ?, 1, ?, ?)").run(i + 2, `测试镇${i + 1}`, `/1/${i + 2}/`, at, at);
  }
  const values = Array.from({ length: rows }, (_, i) => scenario.rawValues(i, townOf(i) + 2, at));
  started = performance.now();
  const rawCpuBefore = process.cpuUsage();
  raw.transaction(() => {
    for (const value of values) insert.run(...value);
  })();
  const rawRate = rows / ((performance.now() - started) / 1000);
  const rawCpu = process.cpuUsage(rawCpuBefore);
  const rawCpuSeconds = (rawCpu.user + rawCpu.system) / 1e6;
  raw.close();
  clearInterval(sampler);

  const report = [
    `rows                    ${rows.toLocaleString()} (${scenario.entity})`,
    `service: parse+check    ${parseSeconds.toFixed(1)} s (${Math.round(rows / parseSeconds).toLocaleString()} rows/s)`,
    `service: confirm        ${confirmSeconds.toFixed(1)} s (${Math.round(rows / confirmSeconds).toLocaleString()} rows/s)`,
    `service: end to end     ${Math.round(serviceRate).toLocaleString()} rows/s`,
    `raw better-sqlite3      ${Math.round(rawRate).toLocaleString()} rows/s`,
    `ratio raw / service     ${(rawRate / serviceRate).toFixed(1)}× (wall clock)`,
    `per CPU second          service ${Math.round(rows / serviceCpuSeconds).toLocaleString()} rows, raw ${Math.round(rows / rawCpuSeconds).toLocaleString()} rows: ratio ${(serviceCpuSeconds / rawCpuSeconds).toFixed(1)}× (less sensitive to other load)`,
    `peak RSS during import  ${mb(importPeak)} (${mb(rssBefore)} before it); peak V8 heap used ${mb(importPeakHeap)}`,
    `machine                 ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`,
  ];
  console.log(report.join('\n'));
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--generate') {
  fs.rmSync(dir, { recursive: true, force: true });
  await generate(process.argv[3]!);
} else {
  await main().catch((error: unknown) => {
    console.error(error);
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  });
}
