import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadFixture } from '../test/fixture.ts';
import { testDialect } from '../test/test-db.ts';
import { backupTestBed } from './backup-test-bed.ts';
import { createBackup, listFiles, pruneBackups, restoreBackup, verifyBackup } from './backup.ts';
import { snapshotTables } from './table-snapshot.ts';

/*
 * backup → change → restore → identical to the backup: every table's rows and every uploaded file.
 * Runs on the engine TEST_DB names, against a real file or PostgreSQL schema (not the harness's
 * handle: a restore replaces the database under it, as it would under a stopped server).
 */
const bed = backupTestBed('tongxin-backup-test-');
const { work, target, open } = bed;
let handle: DatabaseHandle;

function files(): Record<string, string> {
  return Object.fromEntries(listFiles(target.uploadsDir).map((rel) => [rel, crypto.createHash('sha256').update(fs.readFileSync(path.join(target.uploadsDir, rel))).digest('hex')]));
}

function upload(rel: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(target.uploadsDir, rel)), { recursive: true });
  fs.writeFileSync(path.join(target.uploadsDir, rel), text);
}

beforeAll(async () => {
  handle = await open();
  await migrateToLatest(handle);
  await loadFixture(handle.db);
  upload('ab/ab000000000000000000000000000001', '照片 one');
  upload('cd/cd000000000000000000000000000002', Buffer.alloc(70_000, 7).toString());
});

afterAll(async () => {
  await handle.close();
  await bed.cleanUp();
});

describe(`backup and restore (${testDialect})`, { timeout: 120_000 }, () => {
  it('restores exactly what was backed up: table rows and uploaded files, after rows and files changed', async () => {
    const before = await snapshotTables(handle);
    const filesBefore = files();
    const { dir, manifest } = await createBackup(target, path.join(work, 'backups'));
    expect(manifest.files.map((f) => f.path)).toEqual([manifest.database, 'files/ab/ab000000000000000000000000000001', 'files/cd/cd000000000000000000000000000002']);

    // Change everything a day of work changes: new rows, edited rows, deleted rows, files added and removed.
    const at = new Date().toISOString();
    await handle.db.insertInto('audit_log').values({ at, actor_id: null, actor_name: 'after-backup', action: 'test.change', entity: 'test', entity_id: null, division_id: null, ip: null, request_id: null, detail: null }).execute();
    await handle.db.updateTable('users').set({ display_name: '改过的名字' }).execute();
    await handle.db.deleteFrom('sessions').execute();
    await handle.db.deleteFrom('sign_in_attempts').execute();
    upload('ef/ef000000000000000000000000000003', 'new after backup');
    fs.rmSync(path.join(target.uploadsDir, 'ab/ab000000000000000000000000000001'));
    const changed = await snapshotTables(handle);
    expect(changed).not.toEqual(before);
    expect(files()).not.toEqual(filesBefore);

    await handle.close(); // the server is stopped for a restore
    await restoreBackup(target, dir);
    handle = await open();
    expect(await snapshotTables(handle)).toEqual(before);
    expect(files()).toEqual(filesBefore);
    const users = await handle.db.selectFrom('users').select('display_name').execute();
    expect(users.some((u) => u.display_name === '改过的名字')).toBe(false);
  });

  it('refuses a damaged backup before touching anything', async () => {
    const { dir } = await createBackup(target, path.join(work, 'damaged'));
    fs.appendFileSync(path.join(dir, 'files/cd/cd000000000000000000000000000002'), 'x');
    await expect(verifyBackup(dir)).rejects.toThrow(/damaged: files\/cd\//);
    await expect(restoreBackup(target, dir)).rejects.toThrow(/damaged/);
    fs.writeFileSync(path.join(dir, 'files/stray'), 'not listed');
    fs.rmSync(path.join(dir, 'manifest.json'));
    await expect(restoreBackup(target, dir)).rejects.toThrow(/not a Tongxin backup/);
  });

  // Pruning is file work, the same on both engines: run it once.
  it.skipIf(testDialect === 'postgres')('keeps the newest N backups when pruning', async () => {
    const dir = path.join(work, 'scheduled');
    for (const hour of ['01', '02', '03', '04']) await createBackup(target, dir, new Date(`2026-11-25T${hour}:00:00.000Z`));
    expect(pruneBackups(dir, 2)).toEqual(['tongxin-backup-20261125T020000Z', 'tongxin-backup-20261125T010000Z']);
    expect(fs.readdirSync(dir).sort()).toEqual(['tongxin-backup-20261125T030000Z', 'tongxin-backup-20261125T040000Z']);
  });
});
