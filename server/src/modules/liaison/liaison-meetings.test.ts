import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from '../projects/work.fixture.ts';

let t: TestApp;
let huaxinStaff: TestClient;
let qingpuStaff: TestClient;
let zhaoxiangStaff: TestClient;
const people = { villageRep: 0, townRep: 0, otherTownRep: 0, archivedRep: 0 };
const startClock = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(startClock);
  huaxinStaff = await t.signIn('huaxin.staff');
  qingpuStaff = await t.signIn('qingpu.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const f = workFixture(t.handle.db);
  const { huaxin, huaxinVillage, zhaoxiang } = t.fixture.divisions;
  const firm = await f.organisation(huaxin.id, '华新镇商会');
  people.villageRep = await f.person(huaxinVillage.id, '村代表', null);
  people.townRep = await f.person(huaxin.id, '镇代表', firm);
  people.otherTownRep = await f.person(zhaoxiang.id, '赵巷代表');
  people.archivedRep = await f.person(huaxin.id, '已归档代表');
  await f.archive('people', people.archivedRep);
});
afterAll(() => t.close());
afterEach(() => t.clock.set(startClock));

const meeting = (overrides: Record<string, unknown> = {}) => ({
  divisionId: t.fixture.divisions.huaxin.id,
  title: '第三季度代表座谈会',
  heldOn: '2026-09-18',
  place: '华新镇社区中心',
  minutes: '听取意见 6 条',
  attendees: [
    { personId: people.townRep, attended: true },
    { personId: people.villageRep, attended: false },
  ],
  ...overrides,
});

describe('POST /api/liaison/meetings', () => {
  it('201: records invitees and attendance, audited in the meeting division', async () => {
    const response = await huaxinStaff.post('/api/liaison/meetings', meeting());
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ title: '第三季度代表座谈会', quarter: 3, invitedCount: 2, attendedCount: 1, divisionName: '华新镇', minutes: '听取意见 6 条' });
    expect(body.attendees).toEqual(
      expect.arrayContaining([
        { id: people.townRep, name: '镇代表', organisationName: '华新镇商会', attended: true },
        { id: people.villageRep, name: '村代表', organisationName: null, attended: false },
      ]),
    );
    expect(body.allowed).toEqual(['read', 'update', 'archive']);
    const audit = (await auditRows(t.handle, 'liaison_meeting.create')).find((row) => row.entity_id === String(body.id));
    expect(audit).toMatchObject({ division_id: t.fixture.divisions.huaxin.id });
  });

  it('400: an invitee outside the meeting subtree, archived, listed twice, or attending a future meeting', async () => {
    const foreign = await qingpuStaff.post('/api/liaison/meetings', meeting({ attendees: [{ personId: people.otherTownRep, attended: true }] }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toMatchObject([{ path: 'body.attendees' }]);
    const archived = await huaxinStaff.post('/api/liaison/meetings', meeting({ attendees: [{ personId: people.archivedRep, attended: false }] }));
    expect(archived.json().error.fields).toMatchObject([{ path: 'body.attendees' }]);
    const twice = await huaxinStaff.post('/api/liaison/meetings', meeting({ attendees: [{ personId: people.townRep, attended: true }, { personId: people.townRep, attended: false }] }));
    expect(twice.statusCode).toBe(400);
    const future = await huaxinStaff.post('/api/liaison/meetings', meeting({ heldOn: '2026-12-20' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'body.attendees' });
    const planned = await huaxinStaff.post('/api/liaison/meetings', meeting({ heldOn: '2026-12-20', attendees: [{ personId: people.townRep, attended: false }] }));
    expect(planned.statusCode).toBe(201);
  });

  it('403: out of subtree division; 401 signed out; nothing written on refusal', async () => {
    const before = await t.handle.db.selectFrom('liaison_meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await zhaoxiangStaff.post('/api/liaison/meetings', meeting())).statusCode).toBe(403);
    expect((await t.anonymous().post('/api/liaison/meetings', meeting())).statusCode).toBe(401);
    const after = await t.handle.db.selectFrom('liaison_meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('quarters, edits and archive', () => {
  it('the quarter view counts meetings and attendance and flags quarters that passed without one', async () => {
    await huaxinStaff.post('/api/liaison/meetings', meeting({ title: '一季度座谈会', heldOn: '2026-02-10', attendees: [{ personId: people.townRep, attended: true }] }));
    const response = await huaxinStaff.get(`/api/liaison/meetings/quarters?year=2026&divisionId=${t.fixture.divisions.huaxin.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const quarters = response.json();
    expect(quarters.map((q: { meetings: number }) => q.meetings)).toEqual([1, 0, 1, 1]);
    expect(quarters[1]).toMatchObject({ quarter: 2, missed: true });
    expect(quarters[2]).toMatchObject({ quarter: 3, invited: 2, attended: 1, missed: false });
    // The fourth quarter has not ended on 2026-11-25: no meeting yet is not a miss.
    t.clock.set('2026-11-25T02:00:00.000Z');
    const zhaoxiang = (await zhaoxiangStaff.get('/api/liaison/meetings/quarters?year=2026')).json();
    expect(zhaoxiang.map((q: { missed: boolean }) => q.missed)).toEqual([true, true, true, false]);
    expect((await zhaoxiangStaff.get(`/api/liaison/meetings/quarters?year=2026&divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
  });

  it('PATCH replaces the attendee list with the version; 409 on a stale version; archive leaves the list', async () => {
    const created = (await huaxinStaff.post('/api/liaison/meetings', meeting({ title: '待修改' }))).json();
    const edited = await huaxinStaff.patch(`/api/liaison/meetings/${created.id}`, { version: created.version, minutes: '补充纪要', attendees: [{ personId: people.villageRep, attended: true }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ minutes: '补充纪要', invitedCount: 1, attendedCount: 1, version: created.version + 1 });
    expect((await huaxinStaff.patch(`/api/liaison/meetings/${created.id}`, { version: created.version, title: 'x' })).statusCode).toBe(409);
    const archived = await huaxinStaff.post(`/api/liaison/meetings/${created.id}/archive`, { version: created.version + 1 });
    expect(archived.json().archived).toBe(true);
    const list = (await huaxinStaff.get('/api/liaison/meetings?year=2026&pageSize=100')).json();
    expect(list.items.map((m: { id: number }) => m.id)).not.toContain(created.id);
    expect(list.items.every((m: { divisionName: string }) => m.divisionName === '华新镇')).toBe(true);
    expect((await zhaoxiangStaff.get(`/api/liaison/meetings/${created.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.get('/api/liaison/meetings/999999')).statusCode).toBe(404);
  });
});
