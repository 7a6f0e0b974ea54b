import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portalPhotoLimits } from '@tongxin/core';
import type { InjectOptions } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { multipartBody, sampleFiles } from '../attachments/attachments.fixture.ts';
import { portalLimits } from './portal.guard.ts';

let t: TestApp;
let dataDir: string;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let files: Awaited<ReturnType<typeof sampleFiles>>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-portal-photos-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  files = await sampleFiles();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let ipCounter = 0;
/** Each test speaks from its own address, so one test's per-address limits do not leak into another. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const anon = (ip: string) => (options: InjectOptions) => t.app.inject({ remoteAddress: ip, ...options });
let phoneCounter = 0;
const freshPhone = () => `1370000${String(++phoneCounter).padStart(4, '0')}`;

function storedFiles(): string[] {
  const root = path.join(dataDir, 'uploads');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.includes('thumb')).map((e) => e.name);
}

/** Submit on the portal (solving the human check) and return the ticket and the phone used. */
async function submitted(ip: string, category: 'help' | 'wish' = 'help') {
  const challenge = (await anon(ip)({ method: 'GET', url: '/api/portal/challenge' })).json() as { question: string; token: string };
  const [, a, op, b] = /^(\d+) ([+-]) (\d+) = \?$/.exec(challenge.question)!;
  const phone = freshPhone();
  const response = await anon(ip)({
    method: 'POST',
    url: '/api/portal/submissions',
    payload: {
      category,
      divisionId: t.fixture.divisions.huaxinVillage.id,
      title: '路灯坏了',
      content: '村口路灯不亮',
      phone,
      challengeToken: challenge.token,
      challengeAnswer: op === '+' ? Number(a) + Number(b) : Number(a) - Number(b),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { ticketNo: response.json().ticketNo as string, last4: phone.slice(-4) };
}

function sendPhoto(ip: string, proof: { ticketNo: string; last4: string }, data: Buffer, filename = 'photo.jpg') {
  const { payload, headers } = multipartBody([
    { name: 'ticketNo', data: proof.ticketNo },
    { name: 'phoneLast4', data: proof.last4 },
    { name: 'file', filename, contentType: 'image/jpeg', data },
  ]);
  return anon(ip)({ method: 'POST', url: '/api/portal/photos', headers, payload });
}

async function ownerOf(ticketNo: string) {
  const found = await t.handle.db.selectFrom('cases').select('id').where('ticket_no', '=', ticketNo).executeTakeFirst();
  if (found) return { ownerType: 'case', ownerId: found.id };
  const need = await t.handle.db.selectFrom('needs').select('id').where('ticket_no', '=', ticketNo).executeTakeFirstOrThrow();
  return { ownerType: 'need', ownerId: need.id };
}

describe('portal photos', () => {
  it('201 with the ticket and the last four digits: stored on the case without EXIF, audited as the portal, seen by the village’s staff', async () => {
    const ip = freshIp();
    const proof = await submitted(ip);
    const response = await sendPhoto(ip, proof, files.jpeg, '门口.jpg');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ fileName: '门口.jpg', count: 1 });
    expect(response.json()).not.toHaveProperty('url');
    const owner = await ownerOf(proof.ticketNo);
    const list = await huaxinStaff.get(`/api/attachments?ownerType=${owner.ownerType}&ownerId=${owner.ownerId}`);
    expect(list.statusCode, list.body).toBe(200);
    const [photo] = list.json() as Array<{ id: number; uploadedBy: unknown; contentType: string }>;
    expect(photo).toMatchObject({ uploadedBy: null, contentType: 'image/jpeg' });
    const content = await huaxinStaff.get(`/api/attachments/${photo!.id}/content`);
    expect(content.statusCode).toBe(200);
    expect((await sharp(content.rawPayload).metadata()).exif).toBeUndefined();
    expect((await huaxinStaff.get(`/api/attachments/${photo!.id}/thumbnail`)).statusCode).toBe(200);
    const [audit] = await auditRows(t.handle, 'attachment.upload');
    expect(audit).toMatchObject({ actor_id: null, actor_name: 'portal', entity_id: String(photo!.id) });
  });

  it('a wish’s photo goes to its need; PNG and WebP are accepted too', async () => {
    const ip = freshIp();
    const proof = await submitted(ip, 'wish');
    expect((await sendPhoto(ip, proof, files.png, 'a.png')).statusCode).toBe(201);
    expect((await sendPhoto(ip, proof, files.webp, 'b.webp')).statusCode).toBe(201);
    const owner = await ownerOf(proof.ticketNo);
    expect(owner.ownerType).toBe('need');
    const list = await huaxinStaff.get(`/api/attachments?ownerType=need&ownerId=${owner.ownerId}`);
    expect((list.json() as Array<{ contentType: string }>).map((p) => p.contentType)).toEqual(['image/png', 'image/webp']);
  });

  it('404 alike for wrong digits and an unknown ticket, nothing stored; the misses count toward the guessing limit (429)', async () => {
    const ip = freshIp();
    const proof = await submitted(ip);
    const before = storedFiles().length;
    const wrong = await sendPhoto(ip, { ...proof, last4: proof.last4 === '0000' ? '1111' : '0000' }, files.jpeg);
    const unknown = await sendPhoto(ip, { ticketNo: 'TX261125-ZZZZZZZZ', last4: proof.last4 }, files.jpeg);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(storedFiles().length).toBe(before);
    for (let i = 2; i < portalLimits.trackFailuresPerIpPerHour; i++) await sendPhoto(ip, { ...proof, last4: '9999' }, files.jpeg);
    const limited = await sendPhoto(ip, proof, files.jpeg);
    expect(limited.statusCode).toBe(429);
  });

  it(`409 for photo ${portalPhotoLimits.perTicket + 1}, also when sent at the same time`, async () => {
    const ip = freshIp();
    const proof = await submitted(ip);
    expect((await sendPhoto(ip, proof, files.jpeg)).statusCode).toBe(201);
    const racing = await Promise.all([sendPhoto(ip, proof, files.png), sendPhoto(ip, proof, files.webp), sendPhoto(ip, proof, files.jpeg)]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 201, 409]);
    const fourth = await sendPhoto(ip, proof, files.jpeg);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.details).toMatchObject({ reason: 'photo_limit' });
    const owner = await ownerOf(proof.ticketNo);
    const rows = await t.handle.db.selectFrom('attachments').select('id').where('owner_type', '=', 'case').where('owner_id', '=', owner.ownerId).execute();
    expect(rows).toHaveLength(portalPhotoLimits.perTicket);
  });

  it('409 once the window after the submission has closed', async () => {
    const ip = freshIp();
    const proof = await submitted(ip);
    t.clock.advance((portalPhotoLimits.windowMinutes + 1) * 60_000);
    const late = await sendPhoto(ip, proof, files.jpeg);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details).toMatchObject({ reason: 'photo_window_closed' });
  });

  it('415 for what is not a photo (a PDF, a fake JPEG); 413 over the size limit; nothing stored', async () => {
    const ip = freshIp();
    const proof = await submitted(ip);
    const before = storedFiles().length;
    expect((await sendPhoto(ip, proof, files.pdf, 'x.pdf')).statusCode).toBe(415);
    expect((await sendPhoto(ip, proof, files.fakeJpeg)).statusCode).toBe(415);
    const big = await sendPhoto(ip, proof, Buffer.concat([files.jpeg, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(storedFiles().length).toBe(before);
    // None of these used a slot.
    expect((await sendPhoto(ip, proof, files.jpeg)).json().count).toBe(1);
  });

  it('400 without the proof fields; staff out of the subtree cannot read the photo; tracking shows no photo', async () => {
    const ip = freshIp();
    const proof = await submitted(ip);
    const { payload, headers } = multipartBody([{ name: 'file', filename: 'a.jpg', data: files.jpeg }]);
    expect((await anon(ip)({ method: 'POST', url: '/api/portal/photos', headers, payload })).statusCode).toBe(400);
    expect((await sendPhoto(ip, proof, files.jpeg)).statusCode).toBe(201);
    const owner = await ownerOf(proof.ticketNo);
    const [photo] = (await huaxinStaff.get(`/api/attachments?ownerType=case&ownerId=${owner.ownerId}`)).json() as Array<{ id: number }>;
    expect((await zhaoxiangStaff.get(`/api/attachments?ownerType=case&ownerId=${owner.ownerId}`)).statusCode).toBe(403);
    expect((await zhaoxiangStaff.get(`/api/attachments/${photo!.id}/content`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/attachments/${photo!.id}/content`)).statusCode).toBe(401);
    const tracked = await anon(ip)({ method: 'POST', url: '/api/portal/track', payload: { ticketNo: proof.ticketNo, phoneLast4: proof.last4 } });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.body).not.toContain('/api/attachments');
  });
});
