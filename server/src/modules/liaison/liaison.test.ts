import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { multipartBody } from '../attachments/attachments.fixture.ts';
import { workFixture } from '../projects/work.fixture.ts';

let t: TestApp;
let admin: TestClient;
let qingpuStaff: TestClient;
let zhaoxiangStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangHandler: TestClient;
const reps: number[] = [];
const ids = { huaxinRep: 0, handlerId: 0 };
const startClock = '2026-11-25T02:00:00.000Z';

// Uploads go to a temporary data directory, never the checkout's.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-liaison-'));

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  admin = await t.signIn('admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  const f = workFixture(t.handle.db);
  const village = await f.organisation(t.fixture.divisions.zhaoxiang.id, '赵巷村村委会', 'community');
  for (const name of ['陈联络', '周联络', '吴联络']) reps.push(await f.person(t.fixture.divisions.zhaoxiang.id, name, village, '13800001111'));
  ids.huaxinRep = await f.person(t.fixture.divisions.huaxin.id, '华新代表');
  const handler = await admin.post('/api/users', { username: 'zx.cadre', displayName: '赵干部', divisionId: t.fixture.divisions.zhaoxiang.id, roles: ['handler'], password: 'Cadre2026pw1' });
  ids.handlerId = handler.json().id;
  zhaoxiangHandler = await t.signIn('zx.cadre', 'Cadre2026pw1');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => t.clock.set(startClock));

const relate = (client: TestClient, body: Record<string, unknown>) => client.post('/api/liaison/relationships', body);

describe('POST /api/liaison/relationships', () => {
  it('201: a cadre befriends a representative (the cadre defaults to the user), phones masked, audited', async () => {
    const response = await relate(zhaoxiangStaff, { personId: reps[0], since: '2026-01-10', note: '季度走访' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      cadre: { id: t.fixture.users.zhaoxiangStaff.id, name: 'zhaoxiang.staff' },
      person: { id: reps[0], name: '陈联络', organisationName: '赵巷村村委会', phone: '138****1111' },
      divisionName: '赵巷镇',
      contactCount: 0,
      contactDue: true,
    });
    expect((await auditRows(t.handle, 'liaison.create'))[0]).toMatchObject({ division_id: t.fixture.divisions.zhaoxiang.id });
  });

  it('201: staff name another cadre of their subtree; 400: a cadre or person out of reach', async () => {
    const other = await relate(zhaoxiangStaff, { personId: reps[1], cadreUserId: ids.handlerId, since: '2026-01-10' });
    expect(other.statusCode).toBe(201);
    expect(other.json().cadre.name).toBe('赵干部');
    const foreignCadre = await relate(zhaoxiangStaff, { personId: reps[2], cadreUserId: t.fixture.users.huaxinStaff.id });
    expect(foreignCadre.json().error.fields).toMatchObject([{ path: 'body.cadreUserId' }]);
    const foreignPerson = await relate(zhaoxiangStaff, { personId: ids.huaxinRep });
    expect(foreignPerson.json().error.fields).toMatchObject([{ path: 'body.personId' }]);
  });

  it('409: the same cadre and representative twice; 400: bad types; 403: a handler cannot start one; 401', async () => {
    expect((await relate(zhaoxiangStaff, { personId: reps[0] })).statusCode).toBe(409);
    const bad = await relate(zhaoxiangStaff, { personId: 'x', since: '2026-02-30', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect((await relate(zhaoxiangHandler, { personId: reps[2] })).statusCode).toBe(403);
    expect((await relate(t.anonymous(), { personId: reps[2] })).statusCode).toBe(401);
  });
});

describe('contact log and reminders', () => {
  it('201: the cadre logs a talk (even with only a handler role); a future date is refused', async () => {
    const list = (await zhaoxiangStaff.get(`/api/liaison/relationships?cadreUserId=${ids.handlerId}`)).json();
    const relationship = list.items[0];
    const logged = await zhaoxiangHandler.post(`/api/liaison/relationships/${relationship.id}/contacts`, { kind: 'talk', date: '2026-11-20', note: '谈企业用工' });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ kind: 'talk', date: '2026-11-20', createdBy: { name: '赵干部' } });
    const future = await zhaoxiangHandler.post(`/api/liaison/relationships/${relationship.id}/contacts`, { kind: 'visit', date: '2026-11-26' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toMatchObject([{ path: 'body.date' }]);
    const unknown = await zhaoxiangHandler.post(`/api/liaison/relationships/${relationship.id}/contacts`, { kind: 'dinner', date: '2026-11-20' });
    expect(unknown.json().error.fields).toMatchObject([{ path: 'body.kind' }]);
    const detail = (await zhaoxiangStaff.get(`/api/liaison/relationships/${relationship.id}`)).json();
    expect(detail).toMatchObject({ contactCount: 1, lastContactDate: '2026-11-20', contactDue: false, recentContacts: [{ note: '谈企业用工' }] });
  });

  it("403: the handler cannot log on someone else's relationship; another town cannot log at all", async () => {
    const mine = (await zhaoxiangStaff.get('/api/liaison/relationships?mine=true')).json().items[0];
    expect((await zhaoxiangHandler.post(`/api/liaison/relationships/${mine.id}/contacts`, { kind: 'talk', date: '2026-11-20' })).statusCode).toBe(403);
    expect((await huaxinStaff.post(`/api/liaison/relationships/${mine.id}/contacts`, { kind: 'talk', date: '2026-11-20' })).statusCode).toBe(403);
  });

  it('200: the reminder list holds current relationships with no contact in the last quarter, longest silence first', async () => {
    const mine = (await zhaoxiangStaff.get('/api/liaison/relationships?mine=true')).json().items[0];
    // Contact in June: older than the quarter that starts 2026-08-25.
    expect((await zhaoxiangStaff.post(`/api/liaison/relationships/${mine.id}/contacts`, { kind: 'visit', date: '2026-06-01' })).statusCode).toBe(201);
    // A relationship younger than a quarter is not yet due.
    expect((await relate(zhaoxiangStaff, { personId: reps[2], since: '2026-11-01' })).statusCode).toBe(201);
    const reminders = (await zhaoxiangStaff.get('/api/liaison/reminders')).json();
    expect(reminders.items.map((r: { person: { name: string } }) => r.person.name)).toEqual(['陈联络']);
    expect(reminders.items[0]).toMatchObject({ lastContactDate: '2026-06-01', contactDue: true });
    // Four months on, the handler's November talk is old too, and the young relationship is due.
    t.clock.set('2027-03-26T02:00:00.000Z');
    const late = await t.signIn('zhaoxiang.staff');
    const later = (await late.get('/api/liaison/reminders')).json();
    expect(later.items.map((r: { person: { name: string } }) => r.person.name)).toEqual(['吴联络', '陈联络', '周联络']);
    expect((await late.get('/api/liaison/reminders?mine=true')).json().total).toBe(2);
  });

  it('200: an ended relationship leaves the reminders; 409 stale version; 400 until before since', async () => {
    const mine = (await zhaoxiangStaff.get('/api/liaison/relationships?mine=true&q=' + encodeURIComponent('陈'))).json().items[0];
    expect((await zhaoxiangStaff.patch(`/api/liaison/relationships/${mine.id}`, { until: '2025-01-01', version: mine.version })).statusCode).toBe(400);
    const ended = await zhaoxiangStaff.patch(`/api/liaison/relationships/${mine.id}`, { until: '2026-11-24', version: mine.version });
    expect(ended.statusCode).toBe(200);
    expect((await zhaoxiangStaff.patch(`/api/liaison/relationships/${mine.id}`, { note: 'x', version: mine.version })).statusCode).toBe(409);
    const reminders = (await zhaoxiangStaff.get('/api/liaison/reminders')).json();
    expect(reminders.items.some((r: { id: number }) => r.id === mine.id)).toBe(false);
  });

  it('201: the cadre attaches a photo to a contact record', async () => {
    const relationship = (await zhaoxiangStaff.get(`/api/liaison/relationships?cadreUserId=${ids.handlerId}`)).json().items[0];
    const contacts = (await zhaoxiangHandler.get(`/api/liaison/relationships/${relationship.id}/contacts`)).json();
    const body = multipartBody([{ name: 'file', filename: 'visit.png', contentType: 'image/png', data: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } }).png().toBuffer() }]);
    const uploaded = await zhaoxiangHandler.request({ method: 'POST', url: `/api/attachments?ownerType=liaison_contact&ownerId=${contacts.items[0].id}`, payload: body.payload, headers: body.headers });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
  });
});

describe('scope', () => {
  it("403: a town user cannot read another town's relationships by id, contacts, or division filter; lists hold only their own", async () => {
    const theirs = (await zhaoxiangStaff.get('/api/liaison/relationships')).json().items[0];
    expect((await huaxinStaff.get(`/api/liaison/relationships/${theirs.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get(`/api/liaison/relationships/${theirs.id}/contacts`)).statusCode).toBe(403);
    expect((await huaxinStaff.patch(`/api/liaison/relationships/${theirs.id}`, { note: 'x', version: theirs.version })).statusCode).toBe(403);
    expect((await huaxinStaff.get(`/api/liaison/relationships?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get(`/api/liaison/reminders?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get('/api/liaison/relationships')).json().total).toBe(0);
    expect((await huaxinStaff.get('/api/liaison/reminders')).json().total).toBe(0);
    expect((await qingpuStaff.get('/api/liaison/relationships')).json().total).toBe(3);
  });

  it('404: unknown relationship; 400: bad id and page size', async () => {
    expect((await admin.get('/api/liaison/relationships/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/liaison/relationships/x')).statusCode).toBe(400);
    expect((await admin.get('/api/liaison/reminders?pageSize=1000')).statusCode).toBe(400);
  });
});
