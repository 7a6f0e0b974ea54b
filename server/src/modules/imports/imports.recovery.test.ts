import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportTables } from '../../db/types-imports.ts';
import { importRecoveryJob } from '../../ops/jobs.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { beginConfirm, markDone } from './imports.repo.ts';
import { settled, upload, xlsx } from './test-files.ts';

/*
 * Issue 13, item 6: a crash mid-confirm left the job `confirming` for a day (confirming again: 409).
 * The crash is simulated the way it looks in the database afterwards: the job `confirming`, its
 * staged rows intact (the transaction rolled back), and a heartbeat that stopped.
 */

let t: TestApp;
let qingpuAdmin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  qingpuAdmin = await t.signIn('qingpu.admin');
});
afterAll(async () => t.close());

const header = ['上级区划', '名称', '层级'];
const jobs = () => t.handle.db.withTables<ImportTables>();
const minutesAgo = (minutes: number) => new Date(t.clock.now().getTime() - minutes * 60_000).toISOString();

async function stagedJob(names: string[]): Promise<number> {
  const response = await upload(qingpuAdmin, 'division', await xlsx([header, ...names.map((name) => ['华新镇', name, '村居'])]));
  expect(response.statusCode, response.body).toBe(202);
  const job = await settled(qingpuAdmin, response.json().id);
  expect(job.status).toBe('ready');
  return job.id;
}

/** What a process killed in the middle of confirming leaves behind. */
async function crashedWhileConfirming(id: number, heartbeatMinutesAgo: number, status = 'confirming') {
  await jobs().updateTable('import_jobs').set({ status, holder: 'dead-process', heartbeat_at: minutesAgo(heartbeatMinutesAgo) }).where('id', '=', id).execute();
}

async function statusOf(id: number) {
  return (await jobs().selectFrom('import_jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}

async function divisionsNamed(names: string[]) {
  return t.handle.db.selectFrom('divisions').select('name').where('name', 'in', names).orderBy('name').execute();
}

describe('stale import jobs', () => {
  it('a confirm whose heartbeat stopped 5 minutes ago is given back by the job runner; confirming then writes every row once', async () => {
    const names = ['恢复一村', '恢复二村', '恢复三村'];
    const id = await stagedJob(names);
    await crashedWhileConfirming(id, 5);
    const run = await importRecoveryJob.run(t.handle, t.clock.now());
    expect(run).toBe('1 stale confirms given back');
    expect(await statusOf(id)).toBe('ready');
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({ status: 'done', result: { inserted: 3, updated: 0, skipped: 0 } });
    expect((await divisionsNamed(names)).map((row) => row.name)).toEqual([...names].sort());
  });

  it('409 and left alone: a confirm that beat 30 seconds ago may be running on another instance', async () => {
    const id = await stagedJob(['在跑一村']);
    await crashedWhileConfirming(id, 0.5);
    expect(await importRecoveryJob.run(t.handle, t.clock.now())).toBeNull();
    expect(await statusOf(id)).toBe('confirming');
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.details).toMatchObject({ reason: 'job_confirming' });
    expect(await divisionsNamed(['在跑一村'])).toEqual([]);
  });

  it('200: confirming again takes over a dead confirm at once, without waiting for the job runner', async () => {
    const id = await stagedJob(['接手一村', '接手二村']);
    await crashedWhileConfirming(id, 3);
    const confirm = await qingpuAdmin.post(`/api/imports/jobs/${id}/confirm`, { duplicates: 'skip' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().result).toEqual({ inserted: 2, updated: 0, skipped: 0 });
  });

  it('a confirm that was taken over cannot finish: its last write finds another holder', async () => {
    const id = await stagedJob(['让出一村']);
    const at = t.clock.now().toISOString();
    expect(await beginConfirm(t.handle.db, id, 'first', at, minutesAgo(2))).toBe(true);
    expect(await beginConfirm(t.handle.db, id, 'second', at, minutesAgo(2))).toBe(false);
    await jobs().updateTable('import_jobs').set({ heartbeat_at: minutesAgo(10) }).where('id', '=', id).execute();
    expect(await beginConfirm(t.handle.db, id, 'second', at, minutesAgo(2))).toBe(true);
    const done = { mode: 'skip', inserted: 0, updated: 0, skipped: 0, at };
    expect(await markDone(t.handle.db, id, 'first', done)).toBe(false);
    expect(await markDone(t.handle.db, id, 'second', done)).toBe(true);
  });

  it('a parse silent for 15 minutes fails with a message and loses its partial rows; one silent for 1 minute is left alone', async () => {
    const dead = await stagedJob(['解析一村', '解析二村']);
    const alive = await stagedJob(['解析三村']);
    await crashedWhileConfirming(dead, 15, 'parsing');
    await crashedWhileConfirming(alive, 1, 'parsing');
    expect(await importRecoveryJob.run(t.handle, t.clock.now())).toBe('1 stale parses failed');
    const job = await qingpuAdmin.get(`/api/imports/jobs/${dead}`);
    expect(job.json()).toMatchObject({ status: 'failed', failure: '服务器重启，导入已中断，请重新上传', rows: { total: 0 } });
    expect(await statusOf(alive)).toBe('parsing');
  });
});
