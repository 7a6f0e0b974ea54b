import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { PostgresSink, SqliteSink, type Sink } from './sink.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** `--pg <url>` or DATABASE_URL=postgres://… (schema `--schema`, default `province`), else SQLite `--db <file>` (default data/province.db). */
export function targetFromArgs(): Target {
  const url = option('pg') ?? process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) return { engine: 'postgres', pgUrl: url, pgSchema: option('schema') ?? 'province' };
  // npm runs workspace scripts in bench/: a path given on the command line is the caller's.
  const given = option('db');
  const sqliteFile = given ? path.resolve(process.env.INIT_CWD ?? process.cwd(), given) : path.resolve(import.meta.dirname, '../../data/province.db');
  return { engine: 'sqlite', sqliteFile };
}

/** Where the province goes: a SQLite file, or a schema of a PostgreSQL database. */
export interface Target {
  engine: 'sqlite' | 'postgres';
  sqliteFile?: string;
  pgUrl?: string;
  pgSchema?: string;
}

export function describe(target: Target): string {
  if (target.engine === 'sqlite') return `SQLite ${path.resolve(target.sqliteFile!)}`;
  const url = new URL(target.pgUrl!);
  url.password = url.password ? '***' : '';
  return `PostgreSQL ${url.toString()} schema ${target.pgSchema}`;
}

/** Open the application's own handle (Kysely, same pragmas and search_path as the server). */
export function openHandle(target: Target): Promise<DatabaseHandle> {
  return target.engine === 'sqlite'
    ? openDatabase({ sqliteFile: target.sqliteFile! })
    : openDatabase({ databaseUrl: target.pgUrl!, pgSchema: target.pgSchema! });
}

/** Remove what a previous run left, then create the schema with the real migrations; `then` runs on the fresh schema. */
export async function freshSchema(target: Target, then: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  if (target.engine === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target.sqliteFile}${suffix}`, { force: true });
  } else {
    const client = new pg.Client({ connectionString: target.pgUrl });
    await client.connect();
    await client.query(`drop schema if exists ${target.pgSchema} cascade`);
    await client.end();
  }
  const handle = await openHandle(target);
  await migrateToLatest(handle);
  await then(handle);
  await handle.close();
}

export interface Loader {
  sink: Sink;
  /** Commit, restore normal settings, reset id sequences, refresh planner statistics. */
  close(): Promise<void>;
}

/**
 * A bulk-loading connection. SQLite: no rollback journal and no fsync while loading (a failed load
 * is simply run again), a 1 GB page cache for the indexes, back to WAL afterwards. PostgreSQL: no
 * waiting for the WAL flush at each commit.
 */
export async function openLoader(target: Target, withChecksum: boolean): Promise<Loader> {
  if (target.engine === 'sqlite') {
    const sqlite = new SQLite(target.sqliteFile!);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -1000000');
    sqlite.pragma('temp_store = MEMORY');
    const sink = new SqliteSink(sqlite, withChecksum);
    return {
      sink,
      async close() {
        await sink.finish();
        sqlite.exec('analyze');
        sqlite.pragma('journal_mode = WAL');
        sqlite.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.pgUrl, options: `-c search_path=${target.pgSchema}` });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const sink = new PostgresSink(client, withChecksum);
  return {
    sink,
    async close() {
      await sink.finish();
      // Rows were written with explicit ids: move each identity sequence past the largest.
      const { rows } = await client.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = $1 and column_name = 'id' and is_identity = 'YES'`,
        [target.pgSchema],
      );
      for (const { table_name: table } of rows) {
        await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`);
      }
      await client.query('analyze');
      await client.end();
    },
  };
}
