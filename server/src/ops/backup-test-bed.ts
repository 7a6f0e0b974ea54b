import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { testDialect, testPgUrl } from '../test/test-db.ts';
import type { BackupTarget } from './backup.ts';

/**
 * A database of its own for the backup tests, on the engine TEST_DB names: a fresh SQLite file or
 * PostgreSQL schema plus an uploads folder under a temporary directory (not the harness's handle:
 * a restore replaces the database under it, as it would under a stopped server).
 */
export interface BackupTestBed {
  /** The temporary directory; backups go in folders under it. */
  work: string;
  /** The PostgreSQL schema (unused on SQLite). */
  schema: string;
  target: BackupTarget;
  open(): Promise<DatabaseHandle>;
  /** Drops the schema and removes the directory; close your handles first. */
  cleanUp(): Promise<void>;
}

export function backupTestBed(prefix: string): BackupTestBed {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const target: BackupTarget = {
    dialect: testDialect,
    sqliteFile: path.join(work, 'data', 'tongxin.db'),
    databaseUrl: testDialect === 'postgres' ? testPgUrl : undefined,
    pgSchema: testDialect === 'postgres' ? schema : undefined,
    uploadsDir: path.join(work, 'data', 'uploads'),
  };
  return {
    work,
    schema,
    target,
    open: () => openDatabase(testDialect === 'postgres' ? { databaseUrl: testPgUrl, pgSchema: schema } : { sqliteFile: target.sqliteFile }),
    async cleanUp() {
      if (testDialect === 'postgres') {
        const client = new pg.Client({ connectionString: testPgUrl });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      }
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
