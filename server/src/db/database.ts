import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { defaultReadWorkers, readPoolKysely, SqliteReadPool, type ReadPoolStats } from './read-pool.ts';
import type { DB } from './types.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
/** Either the database or an open transaction: repos accept both, services decide which. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface DatabaseHandle {
  db: Db;
  /**
   * For heavy read-only queries outside a transaction (lists over large subtrees, exports, reports):
   * on a SQLite file, a pool of read connections in worker threads (read-pool.ts), so such a read
   * never stops the event loop; on PostgreSQL (whose pool already reads concurrently) and an
   * in-memory SQLite database, the same as `db`. Never for a read that must see its own transaction.
   */
  readDb: Db;
  /** What the read pool has done (SQLite files only). */
  readPoolStats?: () => ReadPoolStats;
  dialect: Dialect;
  /** What it is, for start-up messages (never contains a password). */
  describe: string;
  /** The PostgreSQL schema this handle is confined to, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), sum) as strings; our counts fit in a double, so read numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface OpenOptions {
  /** `postgres://…` selects PostgreSQL; anything else is ignored in favour of `sqliteFile`. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each file its own). Created when missing. */
  pgSchema?: string;
  /** SQLite read connections in worker threads for `readDb`; 0 reads on the main connection. */
  readWorkers?: number | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    return openPostgres(options.databaseUrl, options.pgSchema);
  }
  return openSqlite(options.sqliteFile ?? 'data/tongxin.db', options.readWorkers ?? defaultReadWorkers());
}

function openSqlite(file: string, readWorkers: number): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers continue during a write; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The default page cache is 2 MB: a province's dashboard reads walk indexes far larger than that.
  // 64 MB of cache and reads through a 256 MB memory map keep the hot pages in memory between requests.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  // An in-memory database cannot be shared with another connection.
  const pool = file !== ':memory:' && readWorkers > 0 ? new SqliteReadPool(path.resolve(file), readWorkers) : null;
  const readDb = pool ? readPoolKysely(pool) : db;
  return {
    db,
    readDb,
    ...(pool ? { readPoolStats: () => pool.stats() } : {}),
    dialect: 'sqlite',
    describe: `SQLite ${path.resolve(file)}`,
    close: async () => {
      if (pool) await readDb.destroy();
      await db.destroy();
    },
  };
}

/**
 * Keep the query planner's statistics current. SQLite keeps none until asked: without them it picks
 * indexes by guesswork (a province's organisation list read every row instead of a small covering
 * index, bench/RESULTS.md). `PRAGMA optimize` analyses only the tables that need it (never analysed,
 * or grown or shrunk much since), so it is cheap when nothing changed; `thorough` checks every table,
 * as SQLite advises once after opening. PostgreSQL's autovacuum analyses by itself.
 */
export async function refreshPlannerStatistics(handle: DatabaseHandle, options: { thorough?: boolean } = {}): Promise<void> {
  if (handle.dialect !== 'sqlite') return;
  await sql.raw(options.thorough ? 'pragma optimize = 0x10002' : 'pragma optimize').execute(handle.db);
}

async function openPostgres(url: string, schema?: string): Promise<DatabaseHandle> {
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad PostgreSQL schema name: ${schema}`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema if not exists ${schema}`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = safe.password ? '***' : '';
  return {
    db,
    readDb: db,
    dialect: 'postgres',
    describe: `PostgreSQL ${safe.toString()}${schema ? ` (schema ${schema})` : ''}`,
    ...(schema ? { schema } : {}),
    close: () => db.destroy(),
  };
}
