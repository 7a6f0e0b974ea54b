import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let jinshanAdmin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  jinshanAdmin = await t.signIn('jinshan.admin');
  await qingpuAdmin.post('/api/divisions', { parentId: t.fixture.divisions.huaxin.id, name: '审计村', level: 'village' });
  await jinshanAdmin.post('/api/divisions', { parentId: t.fixture.divisions.jinshan.id, name: '枫泾镇', level: 'town' });
});
afterAll(async () => t.close());

describe('GET /api/audit', () => {
  it('200: records who did what to which record, when and from where', async () => {
    const response = await admin.get('/api/audit?action=division.create');
    expect(response.statusCode).toBe(200);
    const entry = response.json().items.find((item: { detail: { name: string } }) => item.detail.name === '审计村');
    expect(entry).toMatchObject({ actorId: t.fixture.users.qingpuAdmin.id, actorName: 'qingpu.admin', entity: 'division', ip: '127.0.0.1' });
    expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('200: a district admin sees only entries about their own subtree', async () => {
    const response = await qingpuAdmin.get('/api/audit?action=division.create');
    const names = response.json().items.map((item: { detail: { name: string } }) => item.detail.name);
    expect(names).toContain('审计村');
    expect(names).not.toContain('枫泾镇');
  });

  it('200: filters by period and actor', async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const inPeriod = await admin.get(`/api/audit?from=${today}&to=${today}&actorId=${t.fixture.users.jinshanAdmin.id}`);
    expect(inPeriod.json().items.length).toBeGreaterThan(0);
    expect(inPeriod.json().items.every((item: { actorId: number }) => item.actorId === t.fixture.users.jinshanAdmin.id)).toBe(true);
    const before = await admin.get('/api/audit?to=2000-01-01');
    expect(before.json().total).toBe(0);
  });

  it('400: a malformed date; 403: staff; 401: signed out', async () => {
    expect((await admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
    const staff = await t.signIn('huaxin.staff');
    expect((await staff.get('/api/audit')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/audit')).statusCode).toBe(401);
  });
});
