import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const run = promisify(execFile);

/*
 * A backup is one directory `tongxin-backup-<UTC time>/` holding the database (`database.sqlite`
 * made with `VACUUM INTO`, or `database.pgdump`, pg_dump's custom format), a copy of
 * the uploads directory under `files/`, and `manifest.json` listing every file with its size and
 * SHA-256. A directory rather than one tar file: it needs no archive library (none is a declared
 * dependency), an operator can inspect, copy or `tar czf` it with ordinary tools, and restore
 * checks every checksum before it touches anything, so a truncated or altered copy is refused.
 */

/** Where the data lives: the database and the data directory with its uploads. */
export interface BackupTarget {
  dialect: 'sqlite' | 'postgres';
  /** The SQLite file (when `dialect` is sqlite). */
  sqliteFile: string;
  /** postgres://… (when `dialect` is postgres). */
  databaseUrl?: string | undefined;
  /** The PostgreSQL schema (default `public`). */
  pgSchema?: string | undefined;
  /** Uploaded files (`<DATA_DIR>/uploads`). */
  uploadsDir: string;
}

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: 'tongxin-backup/1';
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  database: string;
  files: ManifestFile[];
}

const manifestName = 'manifest.json';
export const backupPrefix = 'tongxin-backup-';

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && !entry.name.endsWith('.part')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

function pgEnv(url: string): NodeJS.ProcessEnv {
  // The password goes through the environment, never the command line (visible in `ps`).
  const parsed = new URL(url);
  return { ...process.env, PGPASSWORD: decodeURIComponent(parsed.password) };
}

function pgUrlWithoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

const schemaName = (target: BackupTarget) => {
  const schema = target.pgSchema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad PostgreSQL schema name: ${schema}`);
  return schema;
};

/*
 * Why VACUUM INTO and not the online backup API: the backup API copies pages in steps and starts
 * over whenever another connection writes to the source between steps, so under steady writes
 * (two a second were enough) it never finished (issue 13). VACUUM INTO copies one read
 * transaction's snapshot in a single statement: writers carry on (WAL), nothing restarts, and the
 * copy is compact. It runs in a worker thread on its own read-only connection, so a backup taken by
 * the server's scheduled job does not hold the event loop. Figures in docs/reliability.md.
 */
const vacuumWorker = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.from, { readonly: true, fileMustExist: true });
try { db.prepare('VACUUM INTO ?').run(workerData.to); parentPort.postMessage('done'); } finally { db.close(); }
`;

// Resolved here, not in the worker, whose `require` would look from the process's working directory.
const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

/** A consistent copy of a live SQLite database (see above). */
export function vacuumInto(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const worker = new Worker(vacuumWorker, { eval: true, workerData: { module: sqliteModule, from: path.resolve(from), to: path.resolve(to) } });
    worker.once('message', () => (done = true));
    worker.once('error', reject);
    worker.once('exit', (code) => (done && code === 0 ? resolve() : reject(new Error(`VACUUM INTO stopped with exit code ${code}`))));
  });
}

/**
 * Back up the database and the uploaded files into a new directory under `outDir`, while the server
 * keeps running (VACUUM INTO and pg_dump both copy one consistent snapshot, and neither restarts
 * when the server writes meanwhile).
 *
 * @example
 * const { dir } = await createBackup(target, '/var/backups/tongxin');
 */
export async function createBackup(target: BackupTarget, outDir: string, now = new Date()): Promise<{ dir: string; manifest: BackupManifest }> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const partial = path.join(outDir, `${backupPrefix}${stamp}.part`);
  try {
    return await writeBackup(target, outDir, now);
  } catch (error) {
    // A failed backup leaves nothing behind, not even its `.part` directory.
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

async function writeBackup(target: BackupTarget, outDir: string, now: Date): Promise<{ dir: string; manifest: BackupManifest }> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const dir = path.join(outDir, `${backupPrefix}${stamp}`);
  const partial = `${dir}.part`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  let database: string;
  if (target.dialect === 'sqlite') {
    database = 'database.sqlite';
    await vacuumInto(target.sqliteFile, path.join(partial, database));
    // A rollback-journal file: opening it (even read-only) then creates no -wal/-shm beside it.
    const copy = new SQLite(path.join(partial, database));
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } else {
    database = 'database.pgdump';
    const url = target.databaseUrl!;
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schemaName(target)}`, `--file=${path.join(partial, database)}`, `--dbname=${pgUrlWithoutPassword(url)}`], { env: pgEnv(url) });
  }
  const uploads = listFiles(target.uploadsDir);
  for (const rel of uploads) {
    const to = path.join(partial, 'files', rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(target.uploadsDir, rel), to);
  }
  const files: ManifestFile[] = [];
  for (const rel of [database, ...uploads.map((u) => `files/${u}`)]) {
    const file = path.join(partial, rel);
    files.push({ path: rel, bytes: fs.statSync(file).size, sha256: await sha256(file) });
  }
  const manifest: BackupManifest = { format: 'tongxin-backup/1', createdAt: now.toISOString(), dialect: target.dialect, database, files };
  fs.writeFileSync(path.join(partial, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  // Only a complete backup gets its final name: a crash mid-way leaves a `.part` directory, never a backup.
  fs.renameSync(partial, dir);
  return { dir, manifest };
}

/** Read a backup's manifest and check every file against it; throws naming the first bad file. */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifestFile = path.join(dir, manifestName);
  if (!fs.existsSync(manifestFile)) throw new Error(`${dir} is not a Tongxin backup (no ${manifestName})`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== 'tongxin-backup/1') throw new Error(`unknown backup format ${String(manifest.format)}`);
  for (const entry of manifest.files) {
    const file = path.join(dir, entry.path);
    if (path.relative(dir, file).startsWith('..')) throw new Error(`bad path in manifest: ${entry.path}`);
    if (!fs.existsSync(file)) throw new Error(`backup file missing: ${entry.path}`);
    if (fs.statSync(file).size !== entry.bytes || (await sha256(file)) !== entry.sha256) throw new Error(`backup file damaged: ${entry.path}`);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  const extra = listFiles(path.join(dir, 'files')).find((rel) => !listed.has(`files/${rel}`));
  if (extra) throw new Error(`backup holds a file not in its manifest: files/${extra}`);
  return manifest;
}

async function restorePostgres(target: BackupTarget, dump: string): Promise<void> {
  const url = target.databaseUrl!;
  const schema = schemaName(target);
  // Drop the whole schema (tables a later migration added included), recreate it empty, then load
  // everything but the schema entry itself (public's ownership differs between installations).
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  const env = pgEnv(url);
  const { stdout } = await run('pg_restore', ['--list', dump], { env, maxBuffer: 64 * 1024 * 1024 });
  const list = stdout
    .split('\n')
    .filter((line) => !/ SCHEMA - /.test(line) && !/ COMMENT - SCHEMA /.test(line))
    .join('\n');
  const listFile = `${dump}.list`;
  fs.writeFileSync(listFile, list);
  try {
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, `--dbname=${pgUrlWithoutPassword(url)}`, dump], { env, maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(listFile, { force: true });
  }
}

/**
 * Put a backup back: the database and the uploads directory become exactly what the backup holds.
 * Checks the whole backup first. Stop the server(s) before restoring.
 *
 * @example
 * await restoreBackup(target, '/var/backups/tongxin/tongxin-backup-20261125T020000Z');
 */
export async function restoreBackup(target: BackupTarget, dir: string): Promise<BackupManifest> {
  const manifest = await verifyBackup(dir);
  if (manifest.dialect !== target.dialect) throw new Error(`this backup is of a ${manifest.dialect} database; the configured one is ${target.dialect}`);
  const dump = path.join(dir, manifest.database);
  if (target.dialect === 'sqlite') {
    // The backup API again, backwards: it writes the pages through SQLite's own locking, so no
    // stale -wal file can replay over the restored data.
    fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
    const source = new SQLite(dump, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target.sqliteFile);
    } finally {
      source.close();
    }
  } else {
    // pg_restore reads the dump from a path we give; copy it out so the backup stays untouched.
    const temp = path.join(path.dirname(dir), `.restore-${crypto.randomBytes(4).toString('hex')}.pgdump`);
    fs.copyFileSync(dump, temp);
    try {
      await restorePostgres(target, temp);
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const staged = `${target.uploadsDir}.restoring`;
  fs.rmSync(staged, { recursive: true, force: true });
  fs.mkdirSync(staged, { recursive: true });
  for (const entry of manifest.files.filter((f) => f.path.startsWith('files/'))) {
    const to = path.join(staged, entry.path.slice('files/'.length));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(dir, entry.path), to);
  }
  fs.rmSync(target.uploadsDir, { recursive: true, force: true });
  fs.renameSync(staged, target.uploadsDir);
  return manifest;
}

/** Keep the newest `keep` backups in `dir` (by name, which is the UTC time); returns those removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(backupPrefix) && !name.endsWith('.part'))
    .sort()
    .reverse();
  const removed = backups.slice(keep);
  for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return removed;
}
