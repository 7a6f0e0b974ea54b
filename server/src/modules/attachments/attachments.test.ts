import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { multipartBody, sampleFiles } from './attachments.fixture.ts';

let t: TestApp;
let dataDir: string;
let qingpuAdmin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let files: Awaited<ReturnType<typeof sampleFiles>>;
let activity: { id: number; version: number };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-uploads-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  files = await sampleFiles();
  activity = await newActivity('茶话会');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function newActivity(title: string) {
  const response = await huaxinStaff.post('/api/activities', { title, date: '2026-11-20', kind: 'event' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function upload(client: TestClient, owner: string, file: { data: Buffer | string; filename?: string; contentType?: string; name?: string }) {
  const body = multipartBody([{ name: file.name ?? 'file', filename: file.filename ?? 'photo.jpg', contentType: file.contentType ?? 'image/jpeg', data: file.data }]);
  return client.request({ method: 'POST', url: `/api/attachments?${owner}`, payload: body.payload, headers: body.headers });
}

/** Every file under the uploads directory, relative to it. */
function storedFiles(): string[] {
  const root = path.join(dataDir, 'uploads');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('POST /api/attachments', () => {
  it('201: a photo is stored under a random name, its type sniffed from the bytes, and audited', async () => {
    const before = storedFiles().length;
    const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.jpeg, filename: '活动照片.jpg', contentType: 'application/octet-stream' });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ ownerType: 'activity', ownerId: activity.id, fileName: '活动照片.jpg', contentType: 'image/jpeg', deleted: false });
    const stored = storedFiles();
    expect(stored.length).toBe(before + 1);
    const key = (await t.handle.db.selectFrom('attachments').select('storage_key').where('id', '=', body.id).executeTakeFirstOrThrow()).storage_key;
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    // What is kept is the photo without its EXIF (device, GPS position): size and hash describe that file.
    const kept = fs.readFileSync(path.join(dataDir, 'uploads', key));
    expect(body.size).toBe(kept.length);
    expect(body.sha256).toBe(crypto.createHash('sha256').update(kept).digest('hex'));
    expect(files.jpeg.includes('PhoneMaker')).toBe(true);
    expect(kept.includes('PhoneMaker') || kept.includes('marker-31.15N')).toBe(false);
    expect((await sharp(kept).metadata()).exif).toBeUndefined();
    expect(stored.join('\n')).not.toContain('活动');
    const [row] = await auditRows(t.handle, 'attachment.upload');
    expect(row).toMatchObject({ entity_id: String(body.id), division_id: t.fixture.divisions.huaxin.id });
    const detail = (await huaxinStaff.get(`/api/activities/${activity.id}`)).json();
    expect(detail.photos).toMatchObject([{ id: body.id, contentType: 'image/jpeg' }]);
    expect(detail.photoCount).toBe(1);
  });

  it('201: PNG, WebP, PDF, DOCX and XLSX are accepted whatever the browser claims', async () => {
    const expected = {
      png: 'image/png',
      webp: 'image/webp',
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    } as const;
    for (const [kind, type] of Object.entries(expected)) {
      const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files[kind as keyof typeof expected], filename: `file.${kind}`, contentType: 'text/plain' });
      expect(response.statusCode, `${kind}: ${response.body}`).toBe(201);
      expect(response.json().contentType).toBe(type);
    }
  });

  it('415: a page renamed photo.jpg, SVG, a macro document, a plain ZIP and a program are refused, and nothing is kept', async () => {
    const before = storedFiles().length;
    for (const kind of ['html', 'svg', 'docm', 'zip', 'exe'] as const) {
      const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files[kind], filename: 'photo.jpg', contentType: 'image/jpeg' });
      expect(response.statusCode, kind).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
    }
    expect(storedFiles().length).toBe(before);
  });

  it('201: a 9 MB file is accepted (the 2 MB JSON body limit does not apply to uploads)', async () => {
    const large = Buffer.concat([files.pdf, Buffer.alloc(9 * 1024 * 1024, 0x20)]);
    const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: large, filename: 'report.pdf' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().size).toBe(large.length);
  });

  it('413: a file over 10 MB is refused and leaves nothing behind', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([files.jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: big });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(storedFiles().length).toBe(before);
  });

  it('415: a file that starts like a JPEG but does not decode is no photo, and leaves nothing behind', async () => {
    const before = storedFiles().length;
    const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.fakeJpeg });
    expect(response.statusCode).toBe(415);
    expect(storedFiles().length).toBe(before);
  });

  it('415: a request that is not multipart; 400: no file part, an unknown owner type or an empty file', async () => {
    const json = await huaxinStaff.post(`/api/attachments?ownerType=activity&ownerId=${activity.id}`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    const fieldOnly = multipartBody([{ name: 'note', data: 'hello' }]);
    const noFile = await huaxinStaff.request({ method: 'POST', url: `/api/attachments?ownerType=activity&ownerId=${activity.id}`, payload: fieldOnly.payload, headers: fieldOnly.headers });
    expect(noFile.statusCode).toBe(400);
    const badType = await upload(huaxinStaff, `ownerType=galaxy&ownerId=${activity.id}`, { data: files.jpeg });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.fields).toMatchObject([{ path: 'query.ownerType' }]);
    expect((await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: Buffer.alloc(0) })).statusCode).toBe(400);
  });

  it("403: a town user cannot attach files to another town's record; 404: an unknown record; 401: no session", async () => {
    const response = await upload(zhaoxiangStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.jpeg });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await upload(huaxinStaff, 'ownerType=activity&ownerId=999999', { data: files.jpeg })).statusCode).toBe(404);
    expect((await upload(t.anonymous(), `ownerType=activity&ownerId=${activity.id}`, { data: files.jpeg })).statusCode).toBe(401);
  });

  it('201: a path in the file name is dropped; the name never reaches the disk', async () => {
    const response = await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.png, filename: '../../../etc/passwd.png' });
    expect(response.statusCode).toBe(201);
    expect(response.json().fileName).toBe('passwd.png');
    expect(fs.existsSync(path.join(dataDir, 'etc'))).toBe(false);
    expect(storedFiles().some((name) => name.includes('passwd'))).toBe(false);
  });
});

describe('GET /api/attachments/:id/content', () => {
  it('200: the bytes as stored, with the sniffed type, a safe disposition and no sniffing by the browser', async () => {
    const created = (await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.pdf, filename: '会议纪要.pdf' })).json();
    const response = await qingpuAdmin.get(`/api/attachments/${created.id}/content`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(files.pdf)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="file"; filename*=UTF-8''${encodeURIComponent('会议纪要.pdf')}`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const list = (await huaxinStaff.get(`/api/attachments?ownerType=activity&ownerId=${activity.id}`)).json();
    expect(list.map((a: { id: number }) => a.id)).toContain(created.id);
  });

  it("403: a town user cannot download, describe or list another town's files", async () => {
    const created = (await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.jpeg })).json();
    expect((await zhaoxiangStaff.get(`/api/attachments/${created.id}/content`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.get(`/api/attachments/${created.id}`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.get(`/api/attachments?ownerType=activity&ownerId=${activity.id}`)).statusCode).toBe(403);
  });

  it('400/404: no path traversal — ids are numbers, and a tampered storage key never leaves the uploads directory', async () => {
    expect((await huaxinStaff.get('/api/attachments/..%2F..%2Fetc%2Fpasswd/content')).statusCode).toBe(400);
    expect((await huaxinStaff.get('/api/attachments/1%2F..%2F..%2Fconfig/content')).statusCode).toBe(400);
    expect((await huaxinStaff.get('/api/attachments/999999/content')).statusCode).toBe(404);
    const created = (await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.jpeg })).json();
    await t.handle.db.updateTable('attachments').set({ storage_key: '../../../../etc/passwd' }).where('id', '=', created.id).execute();
    const response = await huaxinStaff.get(`/api/attachments/${created.id}/content`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('root:');
  });
});

describe('GET /api/attachments/:id/thumbnail', () => {
  it('200: a WebP at most 320 px, made once and kept beside the photo; 404 for a PDF; 403 out of scope', async () => {
    const photo = (await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.png, filename: 'big.png' })).json();
    const first = await huaxinStaff.get(`/api/attachments/${photo.id}/thumbnail`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('image/webp');
    const meta = await sharp(first.rawPayload).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
    const key = (await t.handle.db.selectFrom('attachments').select('storage_key').where('id', '=', photo.id).executeTakeFirstOrThrow()).storage_key;
    expect(fs.existsSync(path.join(dataDir, 'uploads', `${key}.thumb.webp`))).toBe(true);
    expect((await huaxinStaff.get(`/api/attachments/${photo.id}/thumbnail`)).rawPayload.equals(first.rawPayload)).toBe(true);
    const pdf = (await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.pdf, filename: 'a.pdf' })).json();
    expect((await huaxinStaff.get(`/api/attachments/${pdf.id}/thumbnail`)).statusCode).toBe(404);
    expect((await zhaoxiangStaff.get(`/api/attachments/${photo.id}/thumbnail`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/attachments/${photo.id}/thumbnail`)).statusCode).toBe(401);
  });
});

describe('deleting, archiving and purging', () => {
  it('204: a detached file disappears from its record but stays on disk until an administrator purges it', async () => {
    const created = (await upload(huaxinStaff, `ownerType=activity&ownerId=${activity.id}`, { data: files.png })).json();
    const key = (await t.handle.db.selectFrom('attachments').select('storage_key').where('id', '=', created.id).executeTakeFirstOrThrow()).storage_key;
    const onDisk = path.join(dataDir, 'uploads', key);
    expect((await zhaoxiangStaff.delete(`/api/attachments/${created.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.delete(`/api/attachments/${created.id}`)).statusCode).toBe(204);
    expect((await huaxinStaff.get(`/api/attachments/${created.id}/content`)).statusCode).toBe(404);
    expect(fs.existsSync(onDisk)).toBe(true);
    expect((await huaxinStaff.post('/api/attachments/purge')).statusCode).toBe(403);
    const purge = await qingpuAdmin.post('/api/attachments/purge');
    expect(purge.statusCode).toBe(200);
    expect(purge.json().purged).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(onDisk)).toBe(false);
    expect((await auditRows(t.handle, 'attachment.purge')).length).toBe(1);
  });

  it('200 then 409: archiving a record keeps its files readable, but no new file can be added', async () => {
    const own = await newActivity('归档活动');
    const created = (await upload(huaxinStaff, `ownerType=activity&ownerId=${own.id}`, { data: files.jpeg })).json();
    expect((await huaxinStaff.post(`/api/activities/${own.id}/archive`, { version: own.version })).statusCode).toBe(200);
    expect((await huaxinStaff.get(`/api/attachments/${created.id}/content`)).statusCode).toBe(200);
    const late = await upload(huaxinStaff, `ownerType=activity&ownerId=${own.id}`, { data: files.jpeg });
    expect(late.statusCode).toBe(409);
  });

  it('200: a file attached to a completed milestone counts as its evidence (closed loop)', async () => {
    const project = (
      await huaxinStaff.post('/api/projects', { divisionId: t.fixture.divisions.huaxin.id, title: '附件佐证', milestones: [{ title: '完成', dueDate: '2026-12-01' }] })
    ).json();
    const m = project.milestones[0];
    const completed = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { completed: true, version: m.version })).json();
    expect(completed.milestones[0].unevidenced).toBe(true);
    expect((await upload(huaxinStaff, `ownerType=milestone&ownerId=${m.id}`, { data: files.pdf, filename: '签到表.pdf' })).statusCode).toBe(201);
    const after = (await huaxinStaff.get(`/api/projects/${project.id}`)).json();
    expect(after.milestones[0]).toMatchObject({ unevidenced: false, attachments: [{ fileName: '签到表.pdf' }] });
    expect((await zhaoxiangStaff.get(after.milestones[0].attachments[0].url)).statusCode).toBe(403);
  });
});
