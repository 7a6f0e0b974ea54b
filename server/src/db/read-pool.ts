import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { DB } from './types.ts';

/*
 * Issue 20, "reads that never block": better-sqlite3 is synchronous, so a heavy read on the main
 * connection (a province's list, an export page, a report) stops the event loop and every other
 * request waits behind it. WAL lets several connections read while one writes, so heavy reads go to
 * a few read-only connections, each in its own worker thread; the main thread only compiles the
 * query (Kysely, as ever) and awaits the rows. Writes and everything inside a transaction stay on
 * the main connection: the pool refuses anything but a read-only statement.
 *
 * A read in the pool starts its own read transaction, so it sees every write committed before it
 * was sent (read-after-write holds for one user's requests); it never sees another connection's
 * uncommitted rows, which is why reads that are part of a write transaction must not come here.
 */

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

class ReadWorker {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  private failed: Error | null = null;

  constructor(file: string) {
    this.worker = new Worker(new URL('./read-worker.mjs', import.meta.url), { workerData: { file } });
    // An idle pool must not keep a CLI command or a test process alive; a pending read does.
    this.worker.unref();
    this.worker.on('message', (message: { id: number; rows?: unknown[]; error?: { message: string; code: string | null } }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker.unref();
      if (message.error) pending.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else pending.resolve(message.rows ?? []);
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`read pool worker exited (${code})`)));
  }

  get broken() {
    return this.failed !== null;
  }

  run(id: number, sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, sql, parameters });
    });
  }
}

export interface ReadPoolStats {
  /** Reads sent to the pool since it opened. */
  reads: number;
  workers: number;
}

/** A few read-only connections to one SQLite file, started on the first read. */
export class SqliteReadPool {
  private workers: ReadWorker[] = [];
  private nextId = 1;
  private reads = 0;
  private closed = false;

  constructor(
    private readonly file: string,
    readonly size: number,
  ) {}

  stats(): ReadPoolStats {
    return { reads: this.reads, workers: this.workers.length };
  }

  async run(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    if (this.closed) throw new Error('read pool is closed');
    this.reads += 1;
    return this.pick().run(this.nextId++, sql, parameters);
  }

  /** The worker with the fewest reads in flight (a new one while the pool is below its size). */
  private pick(): ReadWorker {
    this.workers = this.workers.filter((worker) => !worker.broken);
    const idle = this.workers.find((worker) => worker.pending.size === 0);
    if (idle) return idle;
    if (this.workers.length < this.size) {
      const worker = new ReadWorker(this.file);
      this.workers.push(worker);
      return worker;
    }
    return this.workers.reduce((best, worker) => (worker.pending.size < best.pending.size ? worker : best));
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.worker.terminate()));
  }
}

/** Kysely over the pool: same compiler and adapter as the main SQLite connection. */
export function readPoolKysely(pool: SqliteReadPool): Kysely<DB> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      const rows = (await pool.run(compiled.sql, compiled.parameters)) as R[];
      return { rows };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('read pool: streaming is not supported; page with keyset queries instead');
    },
  };
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection;
    },
    async beginTransaction() {
      throw new Error('read pool: transactions belong on the main connection');
    },
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    destroy: () => pool.close(),
  };
  const dialect: KyselyDialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };
  return new Kysely<DB>({ dialect });
}

/**
 * Readers by default: at least two, so that one heavy read never queues a light one behind it (the
 * threads then share the cores by time slices), at most four (each holds its own page cache).
 */
export function defaultReadWorkers(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}
