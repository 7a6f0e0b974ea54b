import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';

/** Every table's rows, each table sorted, for "is this database identical to that one" checks. */
export type TableSnapshot = Record<string, string[]>;

/** The base tables of the database (SQLite: not virtual tables, whose shadow tables are listed). */
export async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  if (handle.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%' order by name`.execute(handle.db);
    return rows.map((row) => row.name);
  }
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(handle.db);
  return rows.map((row) => row.name);
}

/**
 * Read every row of every table (JSON per row, sorted), so two snapshots compare with `toEqual`.
 * Meant for test-sized databases.
 */
export async function snapshotTables(handle: DatabaseHandle): Promise<TableSnapshot> {
  const out: TableSnapshot = {};
  for (const name of await tableNames(handle)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(handle.db);
    out[name] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value))).sort();
  }
  return out;
}
