import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from '../projects/work.fixture.ts';

let t: TestApp;
let admin: TestClient;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
const ids = { venue: 0, zhaoxiangVenue: 0, chamber: 0, team: 0, zhaoxiangChamber: 0, rep: 0, zhaoxiangRep: 0, project: 0 };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const f = workFixture(t.handle.db);
  const d = t.fixture.divisions;
  ids.venue = await f.venue(d.huaxinVillage.id, '幸福·新e园');
  ids.zhaoxiangVenue = await f.venue(d.zhaoxiang.id, '同心巷聚');
  ids.chamber = await f.organisation(d.huaxin.id, '华新镇商会');
  ids.team = await f.organisation(d.huaxin.id, '华新志愿服务队', 'volunteer_team');
  ids.zhaoxiangChamber = await f.organisation(d.zhaoxiang.id, '赵巷镇商会');
  ids.rep = await f.person(d.huaxin.id, '李代表');
  ids.zhaoxiangRep = await f.person(d.zhaoxiang.id, '王代表');
  ids.project = (await huaxinStaff.post('/api/projects', { divisionId: d.huaxin.id, title: '助企项目' })).json().id;
});
afterAll(async () => t.close());

const base = (extra: Record<string, unknown> = {}) => ({ title: '政策宣讲', date: '2026-11-20', kind: 'training', ...extra });

describe('POST /api/activities', () => {
  it("201: an activity at a venue takes the venue's division, with organisers, attendees and minutes; audited", async () => {
    const response = await huaxinStaff.post(
      '/api/activities',
      base({
        kind: 'seminar',
        title: '季度座谈会',
        venueId: ids.venue,
        projectId: ids.project,
        organiserIds: [ids.chamber, ids.team, ids.chamber],
        participantCount: 35,
        summary: '交流发展情况',
        minutes: '一、……二、……',
        attendeePersonIds: [ids.rep],
        attendeeUserIds: [t.fixture.users.huaxinStaff.id],
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      divisionId: t.fixture.divisions.huaxinVillage.id,
      divisionName: '华新村',
      venue: { id: ids.venue, name: '幸福·新e园' },
      project: { id: ids.project, name: '助企项目' },
      participantCount: 35,
      minutes: '一、……二、……',
      attendees: { people: [{ id: ids.rep, name: '李代表' }], users: [{ id: t.fixture.users.huaxinStaff.id }] },
      photos: [],
      allowed: ['read', 'update', 'archive'],
    });
    expect(body.organisers.map((o: { id: number }) => o.id).sort()).toEqual([ids.chamber, ids.team].sort());
    const [row] = await auditRows(t.handle, 'activity.create');
    expect(row).toMatchObject({ entity_id: String(body.id), division_id: t.fixture.divisions.huaxinVillage.id });
  });

  it("201: without a venue or project the activity goes to the user's own division; 400 for an admin of the whole tree", async () => {
    const response = await huaxinStaff.post('/api/activities', base());
    expect(response.json().divisionName).toBe('华新镇');
    const noDivision = await admin.post('/api/activities', base());
    expect(noDivision.statusCode).toBe(400);
    expect(noDivision.json().error.fields).toMatchObject([{ path: 'body.divisionId' }]);
  });

  it('400: unknown kind, impossible date, negative count, over-long title, unknown field — each named', async () => {
    const response = await huaxinStaff.post('/api/activities', { title: '长'.repeat(101), date: '2026-13-01', kind: 'party', participantCount: -1, religion: 'x' });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.date', 'body.kind', 'body.participantCount']));
    expect(paths.length).toBe(5);
  });

  it('400: organisers, attendees and venues from another town are refused per field', async () => {
    const organiser = await huaxinStaff.post('/api/activities', base({ organiserIds: [ids.chamber, ids.zhaoxiangChamber] }));
    expect(organiser.json().error.fields).toMatchObject([{ path: 'body.organiserIds' }]);
    const attendee = await huaxinStaff.post('/api/activities', base({ attendeePersonIds: [ids.zhaoxiangRep] }));
    expect(attendee.json().error.fields).toMatchObject([{ path: 'body.attendeePersonIds' }]);
    const venue = await huaxinStaff.post('/api/activities', base({ venueId: ids.zhaoxiangVenue }));
    expect(venue.json().error.fields).toMatchObject([{ path: 'body.venueId' }]);
    const user = await huaxinStaff.post('/api/activities', base({ attendeeUserIds: [t.fixture.users.zhaoxiangStaff.id] }));
    expect(user.json().error.fields).toMatchObject([{ path: 'body.attendeeUserIds' }]);
  });

  it('403: a town user cannot record an activity in another town; 401 without a session', async () => {
    const response = await huaxinStaff.post('/api/activities', base({ divisionId: t.fixture.divisions.zhaoxiang.id }));
    expect(response.statusCode).toBe(403);
    expect((await t.anonymous().post('/api/activities', base())).statusCode).toBe(401);
  });
});

describe('GET /api/activities', () => {
  beforeAll(async () => {
    for (const [date, kind] of [['2026-01-05', 'visit'], ['2026-03-10', 'volunteer_service'], ['2025-12-30', 'visit']] as const) {
      expect((await huaxinStaff.post('/api/activities', base({ date, kind, venueId: ids.venue, organiserIds: [ids.team] }))).statusCode).toBe(201);
    }
    expect((await zhaoxiangStaff.post('/api/activities', base({ venueId: ids.zhaoxiangVenue, title: '赵巷活动' }))).statusCode).toBe(201);
  });

  it('200: by venue and period, newest first, paged', async () => {
    const year = (await huaxinStaff.get(`/api/activities?venueId=${ids.venue}&from=2026-01-01&to=2026-12-31&pageSize=2`)).json();
    expect(year.total).toBe(3);
    expect(year.items.map((a: { date: string }) => a.date)).toEqual(['2026-11-20', '2026-03-10']);
    const page2 = (await huaxinStaff.get(`/api/activities?venueId=${ids.venue}&from=2026-01-01&to=2026-12-31&pageSize=2&page=2`)).json();
    expect(page2.items.map((a: { date: string }) => a.date)).toEqual(['2026-01-05']);
  });

  it('200: by kind, organiser, project and division subtree', async () => {
    expect((await huaxinStaff.get('/api/activities?kind=visit')).json().total).toBe(2);
    expect((await huaxinStaff.get(`/api/activities?organisationId=${ids.team}`)).json().total).toBe(4);
    expect((await huaxinStaff.get(`/api/activities?projectId=${ids.project}`)).json().total).toBe(1);
    const village = (await qingpuStaff.get(`/api/activities?divisionId=${t.fixture.divisions.huaxinVillage.id}`)).json();
    expect(village.items.every((a: { divisionName: string }) => a.divisionName === '华新村')).toBe(true);
    const district = (await qingpuStaff.get('/api/activities?pageSize=200')).json();
    expect(district.items.some((a: { title: string }) => a.title === '赵巷活动')).toBe(true);
  });

  it("403: a town user cannot list another town's activities by division; other filters return nothing of theirs", async () => {
    const response = await huaxinStaff.get(`/api/activities?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect((await huaxinStaff.get(`/api/activities?venueId=${ids.zhaoxiangVenue}`)).json().total).toBe(0);
    const all = (await huaxinStaff.get('/api/activities?pageSize=200')).json();
    expect(all.items.some((a: { title: string }) => a.title === '赵巷活动')).toBe(false);
  });

  it('400: a period that ends before it starts, an unknown kind, a malformed date', async () => {
    const backwards = await huaxinStaff.get('/api/activities?from=2026-12-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['query.to']);
    expect((await huaxinStaff.get('/api/activities?kind=party')).json().error.fields.map((f: { path: string }) => f.path)).toEqual(['query.kind']);
    expect((await huaxinStaff.get('/api/activities?from=yesterday')).statusCode).toBe(400);
  });
});

describe('GET/PATCH /api/activities/:id and archive', () => {
  it('200 then 409: edits are versioned; organisers are replaced; audited', async () => {
    const created = (await huaxinStaff.post('/api/activities', base({ organiserIds: [ids.chamber] }))).json();
    const first = await huaxinStaff.patch(`/api/activities/${created.id}`, { title: '政策宣讲（二）', organiserIds: [ids.team], version: created.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: '政策宣讲（二）', organisers: [{ id: ids.team }], version: created.version + 1 });
    const stale = await huaxinStaff.patch(`/api/activities/${created.id}`, { title: 'x', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect((await auditRows(t.handle, 'activity.update')).length).toBeGreaterThan(0);
  });

  it("403: a town user cannot read, edit or archive another town's activity by id; 404 unknown; 400 bad id", async () => {
    const other = (await zhaoxiangStaff.post('/api/activities', base({ title: '赵巷' }))).json();
    expect((await huaxinStaff.get(`/api/activities/${other.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.patch(`/api/activities/${other.id}`, { title: 'x', version: other.version })).statusCode).toBe(403);
    expect((await huaxinStaff.post(`/api/activities/${other.id}/archive`, { version: other.version })).statusCode).toBe(403);
    expect((await admin.get('/api/activities/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/activities/x')).statusCode).toBe(400);
  });

  it('200: an archived activity leaves the default list but stays readable; 409 on a second archive', async () => {
    const created = (await huaxinStaff.post('/api/activities', base({ title: '将归档' }))).json();
    const archived = await huaxinStaff.post(`/api/activities/${created.id}/archive`, { version: created.version });
    expect(archived.json().archived).toBe(true);
    const list = (await huaxinStaff.get('/api/activities?pageSize=200')).json();
    expect(list.items.some((a: { id: number }) => a.id === created.id)).toBe(false);
    expect((await huaxinStaff.get(`/api/activities/${created.id}`)).statusCode).toBe(200);
    expect((await huaxinStaff.post(`/api/activities/${created.id}/archive`, { version: archived.json().version })).statusCode).toBe(409);
  });
});
