import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Which engine API tests run on: `TEST_DB=postgres` (scripts/test.mjs runs both) or SQLite. */
export const testDialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const testPgUrl = process.env.TEST_PG_URL ?? 'postgres://tongxin:tongxin@127.0.0.1:5432/tongxin_test';

/**
 * Where each test database lives, so a test can open a second connection to it (a second app
 * instance) with {@link reopenTestDatabase}.
 */
const locations = new WeakMap<DatabaseHandle, OpenOptions>();

/**
 * A fresh, migrated, empty database for one test file: a copy of a migrated SQLite file (WAL and
 * all, as in production), or on PostgreSQL a database cloned from a migrated template (a schema of
 * its own in the shared test database where the role may not create databases).
 *
 * Why copies: running the ~100 migrations took 2–4 s per test file on SQLite and 14 s on
 * PostgreSQL on a busy machine, most of the suite's time. The template is migrated once per
 * process (SQLite) or once per migration set (PostgreSQL) by the same `migrateToLatest`.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  return testDialect === 'postgres' ? openPostgresTestDatabase() : openSqliteTestDatabase();
}

/** A second handle on the same test database (its own connections). */
export async function reopenTestDatabase(handle: DatabaseHandle): Promise<DatabaseHandle> {
  const location = locations.get(handle);
  if (!location) throw new Error('not a test database');
  return openDatabase(location);
}

/** The handle a test gets: closing it also removes its database; remembered for reopening. */
function testHandle(handle: DatabaseHandle, location: OpenOptions, remove: () => Promise<void> | void): DatabaseHandle {
  const test: DatabaseHandle = {
    ...handle,
    async close() {
      await handle.close();
      await remove();
    },
  };
  locations.set(test, location);
  return test;
}

let sqliteTemplate: Promise<string> | undefined;

async function migratedSqliteFile(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-template-'));
  const file = path.join(dir, 'template.db');
  const handle = await openDatabase({ sqliteFile: file });
  await migrateToLatest(handle);
  // Closing checkpoints the WAL into the file, so one file copy carries everything.
  await handle.close();
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}

async function openSqliteTestDatabase(): Promise<DatabaseHandle> {
  sqliteTemplate ??= migratedSqliteFile();
  const template = await sqliteTemplate;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template, file);
  const location = { sqliteFile: file };
  const handle = await openDatabase(location);
  // The template's tables are there; this applies nothing and proves it.
  await migrateToLatest(handle);
  return testHandle(handle, location, () => fs.rmSync(dir, { recursive: true, force: true }));
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(testPgUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A name for the migration set this build has: a changed migration makes a new template. */
function migrationSetHash(): string {
  const dir = path.resolve(import.meta.dirname, '../db/migrations');
  const hash = crypto.createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  hash.update(fs.readFileSync(path.resolve(import.meta.dirname, '../db/migrate.ts')));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Drop a test database once its connections are gone. Never `with (force)`: a connection still
 * open (a second app a test forgot to close) would be killed and fail some later test with an
 * unhandled "terminating connection" error; the database is left instead, and a later run whose
 * template step finds its process gone drops it (see {@link dropLeftovers}).
 */
async function dropTestDatabase(database: string): Promise<void> {
  await withAdmin(async (admin) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await admin.query(`drop database if exists ${database}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
}

/** Test databases of processes that no longer run (on this machine). */
async function dropLeftovers(admin: pg.Client): Promise<void> {
  const rows = await admin.query<{ datname: string }>("select datname from pg_database where datname ~ '^t_[0-9]+_[0-9a-f]+$'");
  for (const { datname } of rows.rows) {
    const pid = Number(datname.split('_')[1]);
    if (processAlive(pid)) continue;
    await admin.query(`drop database if exists ${datname}`).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

let pgTemplate: Promise<string | null> | undefined;

/**
 * The migrated template database, made once for every worker and run that share this migration
 * set (an advisory lock keeps two workers from making it at once). Null when the role may not
 * create databases: then each file gets a schema instead.
 */
async function migratedPgTemplate(): Promise<string | null> {
  const name = `tongxin_tpl_${migrationSetHash()}`;
  return withAdmin(async (admin) => {
    const role = await admin.query<{ rolcreatedb: boolean }>('select rolcreatedb from pg_roles where rolname = current_user');
    if (!role.rows[0]?.rolcreatedb) return null;
    await admin.query('select pg_advisory_lock(20261207)');
    try {
      await dropLeftovers(admin);
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount) return name;
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const handle = await openDatabase({ databaseUrl: urlOf(building) });
      await migrateToLatest(handle);
      await handle.close();
      await admin.query(`alter database ${building} rename to ${name}`);
      // Templates of older migration sets are of no further use.
      const old = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'tongxin\\_tpl\\_%' and datname <> $1", [name]);
      for (const row of old.rows) await admin.query(`drop database if exists ${row.datname}`).catch(() => {});
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock(20261207)');
    }
  });
}

async function openPostgresTestDatabase(): Promise<DatabaseHandle> {
  pgTemplate ??= migratedPgTemplate();
  const template = await pgTemplate;
  if (!template) return openPostgresTestSchema();
  // The process id in the name lets a later run drop what a crashed or leaking run left behind.
  const database = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    // Two workers cloning at the same moment can find the template busy (55006): wait and retry.
    for (let attempt = 0; ; attempt++) {
      try {
        return await admin.query(`create database ${database} template ${template}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  const location = { databaseUrl: urlOf(database) };
  const handle = await openDatabase(location);
  await migrateToLatest(handle);
  return testHandle(handle, location, () => dropTestDatabase(database));
}

async function openPostgresTestSchema(): Promise<DatabaseHandle> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const location = { databaseUrl: testPgUrl, pgSchema: schema };
  const handle = await openDatabase(location);
  await migrateToLatest(handle);
  return testHandle(handle, location, () => withAdmin((admin) => admin.query(`drop schema if exists ${schema} cascade`)).then(() => {}));
}
