import crypto from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type pg from 'pg';

/**
 * Where generated rows go: a table writer buffers rows and writes them in batches — prepared
 * statements inside big transactions on SQLite, multi-row `insert … select * from unnest(…)` on
 * PostgreSQL (one round trip per 5,000 rows, the next batch built while the server writes this one).
 * Rows carry explicit ids, so the generator knows every foreign key without reading anything back.
 */
export type ColumnType = 'int' | 'text';
export type Value = string | number | null;
export type Row = Value[];

export interface TableSpec {
  name: string;
  columns: ReadonlyArray<readonly [string, ColumnType]>;
}

export interface TableWriter {
  add(row: Row): void;
  /** True when the buffer is full: the generator then awaits `flush()`. */
  readonly full: boolean;
  flush(): Promise<void>;
}

export interface SinkStats {
  rows: Map<string, number>;
}

export interface Sink {
  engine: 'sqlite' | 'postgres';
  table(spec: TableSpec): TableWriter;
  /** Write what is buffered and wait for the database. */
  finish(): Promise<void>;
  readonly stats: SinkStats;
  /** SHA-256 over every row in generation order (when asked for), the same on both engines. */
  checksum(): string | null;
}

const batchSize = 5000;

abstract class BaseSink implements Sink {
  abstract engine: 'sqlite' | 'postgres';
  readonly stats: SinkStats = { rows: new Map() };
  private readonly hash: crypto.Hash | null;
  private readonly writers: BufferedWriter[] = [];
  constructor(withChecksum: boolean) {
    this.hash = withChecksum ? crypto.createHash('sha256') : null;
  }
  table(spec: TableSpec): TableWriter {
    const writer = new BufferedWriter(spec, (rows) => {
      this.hash?.update(spec.name).update(JSON.stringify(rows));
      this.stats.rows.set(spec.name, (this.stats.rows.get(spec.name) ?? 0) + rows.length);
      return this.write(spec, rows);
    });
    this.writers.push(writer);
    return writer;
  }
  async finish(): Promise<void> {
    for (const writer of this.writers) await writer.flush();
    await this.settle();
  }
  checksum(): string | null {
    return this.hash ? this.hash.copy().digest('hex') : null;
  }
  protected abstract write(spec: TableSpec, rows: Row[]): Promise<void>;
  protected abstract settle(): Promise<void>;
}

class BufferedWriter implements TableWriter {
  private rows: Row[] = [];
  constructor(
    readonly spec: TableSpec,
    private readonly sendBatch: (rows: Row[]) => Promise<void>,
  ) {}
  add(row: Row): void {
    this.rows.push(row);
  }
  get full(): boolean {
    return this.rows.length >= batchSize;
  }
  async flush(): Promise<void> {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    await this.sendBatch(rows);
  }
}

/** better-sqlite3 is synchronous: each batch runs at once, inside a transaction committed every ~200k rows. */
export class SqliteSink extends BaseSink {
  engine = 'sqlite' as const;
  private readonly statements = new Map<string, SQLite.Statement>();
  private sinceCommit = 0;
  constructor(
    private readonly sqlite: SQLite.Database,
    withChecksum = false,
  ) {
    super(withChecksum);
  }
  protected async write(spec: TableSpec, rows: Row[]): Promise<void> {
    let statement = this.statements.get(spec.name);
    if (!statement) {
      const names = spec.columns.map(([name]) => name);
      statement = this.sqlite.prepare(`insert into ${spec.name} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
      this.statements.set(spec.name, statement);
    }
    if (!this.sqlite.inTransaction) this.sqlite.exec('begin');
    for (const row of rows) statement.run(row);
    this.sinceCommit += rows.length;
    if (this.sinceCommit >= 200_000) {
      this.sqlite.exec('commit; begin');
      this.sinceCommit = 0;
    }
  }
  protected async settle(): Promise<void> {
    if (this.sqlite.inTransaction) this.sqlite.exec('commit');
  }
}

/** One batch in flight while the next is generated; an error surfaces at the next flush or at finish. */
export class PostgresSink extends BaseSink {
  engine = 'postgres' as const;
  private inFlight: Promise<void> = Promise.resolve();
  constructor(
    private readonly client: pg.Client,
    withChecksum = false,
  ) {
    super(withChecksum);
  }
  protected async write(spec: TableSpec, rows: Row[]): Promise<void> {
    await this.inFlight;
    const arrays = spec.columns.map((_, c) => rows.map((row) => row[c] ?? null));
    const names = spec.columns.map(([name]) => name).join(', ');
    const casts = spec.columns.map(([, type], c) => `$${c + 1}::${type === 'int' ? 'bigint' : 'text'}[]`).join(', ');
    const query = this.client.query(`insert into ${spec.name} (${names}) select * from unnest(${casts})`, arrays);
    this.inFlight = query.then(() => undefined);
    // Keep an early failure from being reported as unhandled; it is rethrown when awaited.
    this.inFlight.catch(() => {});
  }
  protected async settle(): Promise<void> {
    await this.inFlight;
  }
}
