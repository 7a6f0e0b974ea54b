/**
 * List-export benchmark (issue 16): generate N activities (default 1,000,000) under 100 towns into a
 * fresh SQLite file, then stream the activity export of the whole district through the real export
 * path (scope filter → keyset pages of 500 → exceljs' streaming writer → audit entry) into a byte
 * counter. Prints rows, file size, time and the peak RSS during the export: memory should stay flat
 * whatever N is (compare ROWS=100000 with ROWS=1000000).
 *
 *   npm run bench:export -w bench                 # 1,000,000 activities
 *   ROWS=100000 npm run bench:export -w bench
 *
 * The HTTP layer is left out on purpose (a reply that hands the stream to the counter): Fastify
 * only pipes the same stream to the socket, and app.inject() would buffer the whole file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import SQLite from 'better-sqlite3';
import type { FastifyReply } from 'fastify';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { systemClock, type ActorContext } from '../server/src/http/context.ts';
import { exportActivities } from '../server/src/modules/activities/activities.export.ts';
import { insertDivision } from '../server/src/modules/divisions/divisions.repo.ts';
import { insertUser } from '../server/src/modules/users/users.repo.ts';

const rows = Number(process.env.ROWS ?? 1_000_000);
const towns = 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-export-'));
const file = path.join(dir, 'export.db');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kinds = ['event', 'training', 'visit', 'seminar', 'talk', 'volunteer_service', 'study_session'];

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();

async function main() {
  const handle = await openDatabase({ sqliteFile: file });
  await migrateToLatest(handle);
  const at = new Date().toISOString();
  const shanghai = await insertDivision(handle.db, { parentId: null, parentPath: null, parentDepth: -1, name: '上海市', level: 'city', code: null, at });
  const qingpu = await insertDivision(handle.db, { parentId: shanghai.id, parentPath: shanghai.path, parentDepth: 0, name: '青浦区', level: 'district', code: null, at });
  const townIds: number[] = [];
  for (let i = 0; i < towns; i += 1) {
    townIds.push((await insertDivision(handle.db, { parentId: qingpu.id, parentPath: qingpu.path, parentDepth: 1, name: `测试镇${i + 1}`, level: 'town', code: null, at })).id);
  }
  const userId = await insertUser(handle.db, { username: 'bench', displayName: 'bench', passwordHash: 'x', divisionId: qingpu.id, roles: ['division_admin', 'staff'], phone: null, at });
  await handle.close();

  // Rows straight into the file (one prepared statement, one transaction per 50,000): the export is measured, not the seeding.
  let started = performance.now();
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  const insert = raw.prepare('insert into activities (division_id, title, date, kind, participant_count, summary, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  for (let done = 0; done < rows; done += 50_000) {
    raw.transaction(() => {
      for (let i = done; i < Math.min(rows, done + 50_000); i += 1) {
        const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        insert.run(townIds[i % towns], `测试活动${i + 1}`, day, kinds[i % kinds.length], (i % 90) + 10, `第${i + 1}次活动：走访企业、座谈交流`, at, at);
      }
    })();
  }
  raw.close();
  console.log(`generated ${rows.toLocaleString()} activities in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const exporting = await openDatabase({ sqliteFile: file });
  const ctx: ActorContext = {
    db: exporting.db,
    dialect: exporting.dialect,
    config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }),
    clock: systemClock,
    actor: { userId, username: 'bench', displayName: 'bench', divisionId: qingpu.id, scopePath: qingpu.path, roles: ['division_admin', 'staff'], locale: 'zh-CN' },
    ip: '127.0.0.1',
    userAgent: null,
    requestId: 'bench',
    locale: 'zh-CN',
  };
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  let bytes = 0;
  let stream: Readable | undefined;
  const reply = {
    header: () => reply,
    send: (body: Readable) => {
      stream = body;
      return reply;
    },
  } as unknown as FastifyReply;
  started = performance.now();
  await exportActivities(reply, ctx, { page: 1, pageSize: 20 } as Parameters<typeof exportActivities>[2]);
  for await (const chunk of stream!) bytes += (chunk as Buffer).length;
  const seconds = (performance.now() - started) / 1000;
  const audit = await exporting.db.selectFrom('audit_log').select('detail').where('action', '=', 'activity.export').executeTakeFirstOrThrow();
  const exported = (JSON.parse(audit.detail!) as { rows: number }).rows;
  if (exported !== rows) throw new Error(`exported ${exported} rows, expected ${rows}`);
  await exporting.close();
  clearInterval(sampler);
  console.log(
    [
      `rows exported           ${exported.toLocaleString()} (audit entry activity.export)`,
      `file                    ${mb(bytes)} in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString()} rows/s)`,
      `RSS before the export   ${mb(rssBefore)}`,
      `peak RSS during export  ${mb(peakRss)}`,
      `machine                 ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`,
    ].join('\n'),
  );
}

await main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
