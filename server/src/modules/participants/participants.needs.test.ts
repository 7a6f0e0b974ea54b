import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { multipartBody, sampleFiles } from '../attachments/attachments.fixture.ts';
import { joinAsParticipant, makeOrganisation } from './participants.test-support.ts';

/* A participant's claimed needs and their photos: exactly their organisation's claims, nothing else. */

let t: TestApp;
let dataDir: string;
let huaxinStaff: TestClient;
let mine: TestClient;
let other: TestClient;
let files: Awaited<ReturnType<typeof sampleFiles>>;
let claimed: { id: number; version: number };
let othersNeed: { id: number };
let team: { id: number };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-participant-photos-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  huaxinStaff = await t.signIn('huaxin.staff');
  files = await sampleFiles();
  team = await makeOrganisation(huaxinStaff, t.fixture.divisions.huaxin.id, '华新镇党派支部');
  const rival = await makeOrganisation(huaxinStaff, t.fixture.divisions.huaxin.id, '华新镇另一支部');
  mine = await joinAsParticipant(t, huaxinStaff, team.id, '13900006001');
  other = await joinAsParticipant(t, huaxinStaff, rival.id, '13900006002');
  const need = async (title: string) => {
    const response = await huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, title });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number; version: number };
  };
  const first = await need('老人助浴');
  const claim = await mine.post(`/api/needs/${first.id}/transition`, { to: 'claimed', organisationId: team.id, version: first.version });
  expect(claim.statusCode, claim.body).toBe(200);
  claimed = claim.json();
  const second = await need('修理路灯');
  const otherClaim = await other.post(`/api/needs/${second.id}/transition`, { to: 'claimed', organisationId: rival.id, version: second.version });
  expect(otherClaim.statusCode, otherClaim.body).toBe(200);
  othersNeed = otherClaim.json();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function upload(client: TestClient, needId: number, data: Buffer, filename = '完成照片.jpg') {
  const body = multipartBody([{ name: 'file', filename, contentType: 'image/jpeg', data }]);
  return client.request({ method: 'POST', url: `/api/participant/needs/${needId}/photos`, payload: body.payload, headers: body.headers });
}

describe('GET /api/participant/needs', () => {
  it('200: exactly the needs my organisation claimed', async () => {
    const response = await mine.get('/api/participant/needs');
    expect(response.statusCode).toBe(200);
    expect(response.json().map((n: { id: number; title: string; state: string }) => [n.id, n.title, n.state])).toEqual([[claimed.id, '老人助浴', 'claimed']]);
  });
  it('403: office staff (no participant)', async () => {
    expect((await huaxinStaff.get('/api/participant/needs')).statusCode).toBe(403);
  });
});

describe('POST /api/participant/needs/:id/photos', () => {
  it('201: a photo on my organisation’s claimed need, audited; then reported done and confirmed by the office', async () => {
    const response = await upload(mine, claimed.id, files.jpeg);
    expect(response.statusCode, response.body).toBe(201);
    const photo = response.json();
    expect(photo).toMatchObject({ ownerType: 'need', ownerId: claimed.id, fileName: '完成照片.jpg', contentType: 'image/jpeg' });
    const [audit] = await auditRows(t.handle, 'attachment.upload');
    expect(audit!.entity_id).toBe(String(photo.id));
    const list = await mine.get(`/api/participant/needs/${claimed.id}/photos`);
    expect(list.json().map((a: { id: number }) => a.id)).toEqual([photo.id]);
    const content = await mine.get(`/api/participant/photos/${photo.id}`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/jpeg');
    // The office reads the same photo through the attachments module.
    expect((await huaxinStaff.get(`/api/attachments?ownerType=need&ownerId=${claimed.id}`)).json().map((a: { id: number }) => a.id)).toEqual([photo.id]);
    const done = await mine.post(`/api/needs/${claimed.id}/transition`, { to: 'fulfilled', version: claimed.version, note: '已完成，见照片' });
    expect(done.statusCode, done.body).toBe(200);
    const confirmed = await huaxinStaff.post(`/api/needs/${claimed.id}/transition`, { to: 'confirmed', version: done.json().version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().state).toBe('confirmed');
  });

  it('403: another organisation’s claimed need — no upload, no list, no photo', async () => {
    const theirs = await upload(other, othersNeed.id, files.jpeg, 'theirs.jpg');
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await upload(mine, othersNeed.id, files.jpeg)).statusCode).toBe(403);
    expect((await mine.get(`/api/participant/needs/${othersNeed.id}/photos`)).statusCode).toBe(403);
    expect((await mine.get(`/api/participant/photos/${theirs.json().id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/participant/needs`)).json().map((n: { id: number }) => n.id)).toEqual([othersNeed.id]);
  });

  it('403: files of office records (an activity photo) stay closed to participants', async () => {
    const activity = (await huaxinStaff.post('/api/activities', { title: '茶话会', date: '2026-11-20', kind: 'event' })).json();
    const body = multipartBody([{ name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: files.jpeg }]);
    const stored = await huaxinStaff.request({ method: 'POST', url: `/api/attachments?ownerType=activity&ownerId=${activity.id}`, payload: body.payload, headers: body.headers });
    expect(stored.statusCode, stored.body).toBe(201);
    expect((await mine.get(`/api/participant/photos/${stored.json().id}`)).statusCode).toBe(403);
    expect((await mine.get(`/api/attachments/${stored.json().id}/content`)).statusCode).toBe(403);
  });

  it('415: a PDF is no photo; 404: unknown need and unknown photo; 401 signed out', async () => {
    const pdf = multipartBody([{ name: 'file', filename: 'x.pdf', contentType: 'application/pdf', data: files.pdf }]);
    expect((await mine.request({ method: 'POST', url: `/api/participant/needs/${claimed.id}/photos`, payload: pdf.payload, headers: pdf.headers })).statusCode).toBe(415);
    expect((await upload(mine, 987654, files.jpeg)).statusCode).toBe(404);
    expect((await mine.get('/api/participant/photos/987654')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/participant/needs')).statusCode).toBe(401);
  });
});
