import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { testDialect, testPgUrl } from '../test/test-db.ts';
import { backupTestBed } from './backup-test-bed.ts';
import { createBackup, listFiles, restoreBackup } from './backup.ts';

/*
 * A backup completes while another process keeps writing (issue 13: the online backup API restarted
 * on every write and never finished at two writes a second). A writer process inserts a row every
 * 50 ms into a ~40 MB database; the backup must finish, the writes must go on during it, and the
 * restored database must be one consistent moment: every filler row, and the writer's rows as an
 * unbroken run 1..n with n between the counts seen at the start and at the end of the backup.
 */
const bed = backupTestBed('tongxin-backup-busy-');
const { work, schema, target, open } = bed;
const fillerRows = 150_000;
let handle: DatabaseHandle;
let writer: ChildProcess | undefined;

/** A separate process that inserts one row every 50 ms until killed. */
const writerScript = `
const dialect = process.env.W_DIALECT;
let n = 0;
if (dialect === 'sqlite') {
  const db = new (require('better-sqlite3'))(process.env.W_FILE);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare('insert into busy_writes (at) values (?)');
  setInterval(() => { insert.run(new Date().toISOString()); n++; }, 50);
} else {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: process.env.W_URL });
  client.connect().then(() => client.query('set search_path to ' + process.env.W_SCHEMA)).then(() => {
    setInterval(() => { client.query('insert into busy_writes (at) values ($1)', [new Date().toISOString()]).then(() => n++); }, 50);
  });
}
`;

const writes = async (db: DatabaseHandle) => Number((await sql<{ n: number }>`select count(*) as n from busy_writes`.execute(db.db)).rows[0]!.n);

beforeAll(async () => {
  handle = await open();
  const id = testDialect === 'postgres' ? sql`id serial primary key` : sql`id integer primary key`;
  await sql`create table busy_writes (${id}, at text not null)`.execute(handle.db);
  await sql`create table filler (id integer primary key, body text not null)`.execute(handle.db);
  if (testDialect === 'postgres') {
    await sql`insert into filler select g, repeat(md5(g::text), 8) from generate_series(1, ${sql.lit(fillerRows)}) g`.execute(handle.db);
  } else {
    await sql`with recursive s(g) as (select 1 union all select g + 1 from s where g < ${sql.lit(fillerRows)}) insert into filler select g, hex(randomblob(128)) from s`.execute(handle.db);
  }
  fs.mkdirSync(target.uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(target.uploadsDir, 'a.txt'), '照片');
}, 120_000);

afterAll(async () => {
  writer?.kill('SIGKILL');
  await handle?.close();
  await bed.cleanUp();
});

describe(`backup under steady writes (${testDialect})`, { timeout: 180_000 }, () => {
  it('finishes while a second process writes 20 rows a second; the restore is one consistent moment', async () => {
    writer = spawn(process.execPath, ['-e', writerScript], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, W_DIALECT: testDialect, W_FILE: target.sqliteFile, W_URL: testPgUrl, W_SCHEMA: schema },
      stdio: 'inherit',
    });
    const deadline = Date.now() + 30_000;
    while ((await writes(handle)) < 10) {
      if (Date.now() > deadline) throw new Error('the writer did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const atStart = await writes(handle);
    const started = Date.now();
    const { dir, manifest } = await createBackup(target, path.join(work, 'backups'));
    const seconds = (Date.now() - started) / 1000;
    const atEnd = await writes(handle);
    // Writes went on during the backup and after it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = await writes(handle);
    writer.kill('SIGKILL');
    console.log(`backup of ${manifest.files[0]!.bytes} bytes under writes: ${seconds.toFixed(2)} s; writes during it: ${atEnd - atStart}`);
    expect(seconds).toBeLessThan(60);
    expect(later).toBeGreaterThan(atEnd);
    expect(fs.existsSync(`${dir}.part`)).toBe(false);
    expect(fs.readdirSync(path.join(work, 'backups')).filter((name) => name.endsWith('.part'))).toEqual([]);

    await handle.close();
    await restoreBackup(target, dir);
    handle = await open();
    expect(Number((await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db)).rows[0]!.n)).toBe(fillerRows);
    const restored = await sql<{ n: number; top: number }>`select count(*) as n, max(id) as top from busy_writes`.execute(handle.db);
    const { n, top } = restored.rows[0]!;
    expect(Number(n)).toBeGreaterThanOrEqual(atStart);
    expect(Number(n)).toBeLessThanOrEqual(atEnd);
    expect(Number(top)).toBe(Number(n));
    expect(listFiles(target.uploadsDir)).toEqual(['a.txt']);
    if (testDialect === 'sqlite') {
      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db)).rows[0]!.integrity_check).toBe('ok');
    }
  });
});
