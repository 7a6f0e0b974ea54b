import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from '../projects/work.fixture.ts';
import { phoneHashOf } from '../votes/votes.service.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let jinshanAdmin: TestClient;
const phone = '13712345678';
const ids = { huaxinPerson: 0, jinshanPerson: 0, caseId: 0 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  jinshanAdmin = await t.signIn('jinshan.admin');
  const f = workFixture(t.handle.db);
  ids.huaxinPerson = await f.person(t.fixture.divisions.huaxin.id, '王居民', null, phone);
  ids.jinshanPerson = await f.person(t.fixture.divisions.jinshan.id, '金山居民', null, phone);
  await f.person(t.fixture.divisions.huaxin.id, '别人', null, '13700000000');
  const staff = await t.signIn('huaxin.staff');
  const created = await staff.post('/api/cases', {
    divisionId: t.fixture.divisions.huaxinVillage.id,
    category: 'help',
    channel: 'hotline',
    title: '楼道灯坏了',
    content: '三号楼楼道灯不亮',
    submitterName: '王居民',
    submitterPhone: '137 1234 5678',
  });
  expect(created.statusCode, created.body).toBe(201);
  ids.caseId = created.json().id;
  const at = new Date().toISOString();
  await t.handle.db.insertInto('vote_codes').values({ phone_hash: phoneHashOf(phone), code_hash: 'x', created_at: at, expires_at: at }).execute();
});
afterAll(() => t.close());

const report = (client: TestClient, query = `phone=${phone}`) => client.get(`/api/privacy/phone-report?${query}`);

describe('GET /api/privacy/phone-report', () => {
  it("200: a district administrator sees every record of the subtree holding the number (typed with spaces), masked, audited", async () => {
    const response = await report(qingpuAdmin, 'phone=137%201234%205678');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.phoneMasked).toBe('137****5678');
    expect(response.body).not.toContain(phone);
    const found = body.holdings.map((h: { kind: string; id: number }) => `${h.kind}:${h.id}`).sort();
    expect(found).toEqual([`case_submitter:${ids.caseId}`, `person:${ids.huaxinPerson}`].sort());
    expect(body.holdings.find((h: { kind: string }) => h.kind === 'case_submitter')).toMatchObject({ label: '楼道灯坏了', divisionName: '华新村', status: 'received' });
    // Votes belong to no division: a district administrator is not told about them.
    expect(body.hashedOnly.voteCodes).toBeNull();
    const [audit] = await auditRows(t.handle, 'privacy.phone_report');
    expect(audit).toMatchObject({ actor_name: expect.any(String), division_id: t.fixture.divisions.qingpu.id });
    expect(String(audit!.detail)).toContain('137****5678');
    expect(String(audit!.detail)).not.toContain(phone);
  });

  it('200: the system administrator also gets the other district and the count of hashed vote codes', async () => {
    const body = (await report(admin)).json();
    expect(body.holdings.filter((h: { kind: string }) => h.kind === 'person').map((h: { id: number }) => h.id).sort()).toEqual([ids.huaxinPerson, ids.jinshanPerson].sort());
    expect(body.hashedOnly.voteCodes).toBe(1);
    const jinshan = (await report(jinshanAdmin)).json();
    expect(jinshan.holdings.map((h: { id: number; kind: string }) => `${h.kind}:${h.id}`)).toEqual([`person:${ids.jinshanPerson}`]);
  });

  it('403 for staff, 401 signed out, 400 with a field message for something that is not a phone number', async () => {
    expect((await report(await t.signIn('huaxin.staff'))).statusCode).toBe(403);
    expect((await report(t.anonymous())).statusCode).toBe(401);
    const bad = await report(qingpuAdmin, 'phone=hello');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject([{ path: 'query.phone' }]);
  });
});
