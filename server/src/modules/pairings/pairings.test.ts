import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from '../projects/work.fixture.ts';

let t: TestApp;
let admin: TestClient;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
const branches: number[] = [];
const communities: number[] = [];
const ids = { jinshanBranch: 0, archivedBranch: 0, chamber: 0, programme: 0, townProgramme: 0 };
const startClock = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const f = workFixture(t.handle.db);
  const d = t.fixture.divisions;
  // Eight branches should be paired in Qingpu: five in Huaxin (one in its village), three in Zhaoxiang.
  for (const [i, division] of [d.huaxin, d.huaxin, d.huaxin, d.huaxin, d.huaxinVillage, d.zhaoxiang, d.zhaoxiang, d.zhaoxiang].entries()) {
    branches.push(await f.organisation(division.id, `支部${String(i + 1).padStart(2, '0')}`, 'party_branch'));
  }
  for (let i = 1; i <= 4; i++) communities.push(await f.organisation(i <= 2 ? d.huaxin.id : d.zhaoxiang.id, `社区${i}`, 'community'));
  ids.jinshanBranch = await f.organisation(d.jinshan.id, '金山支部', 'party_branch');
  ids.archivedBranch = await f.organisation(d.huaxin.id, '撤销支部', 'party_branch');
  await f.archive('organisations', ids.archivedBranch);
  ids.chamber = await f.organisation(d.huaxin.id, '华新镇商会', 'chamber');
});
afterAll(async () => t.close());
afterEach(() => t.clock.set(startClock));

const pair = (client: TestClient, programmeId: number, body: Record<string, unknown>) => client.post(`/api/pairing-programmes/${programmeId}/pairs`, body);

describe('POST /api/pairing-programmes', () => {
  it('201: a district programme says every party branch in Qingpu should be paired with a community', async () => {
    const response = await qingpuStaff.post('/api/pairing-programmes', {
      divisionId: t.fixture.divisions.qingpu.id,
      title: '党派支部结对社区',
      kind: 'party_branch_community',
      targetType: 'party_branch',
      partnerType: 'community',
      startDate: '2026-01-01',
      deadline: '2026-12-31',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    ids.programme = body.id;
    expect(body).toMatchObject({ coverage: { paired: 0, shouldBePaired: 8, ratio: 0 }, today: '2026-11-25', stalePairs: 0 });
    expect(body.unpairedSample.map((o: { name: string }) => o.name)).toEqual(['支部01', '支部02', '支部03', '支部04', '支部05', '支部06', '支部07', '支部08']);
    expect((await auditRows(t.handle, 'programme.create'))[0]).toMatchObject({ entity_id: String(body.id) });
  });

  it('400: unknown kind or organisation type, a deadline before the start, missing title', async () => {
    const response = await qingpuStaff.post('/api/pairing-programmes', { divisionId: t.fixture.divisions.qingpu.id, kind: 'friends', targetType: 'club', deadline: '2026-12-31' });
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.kind', 'body.targetType', 'body.title']);
    const dates = await qingpuStaff.post('/api/pairing-programmes', { divisionId: t.fixture.divisions.qingpu.id, title: 'x', kind: 'aid', targetType: 'community', startDate: '2026-12-01', deadline: '2026-01-01' });
    expect(dates.json().error.fields).toMatchObject([{ path: 'body.deadline' }]);
  });

  it('403: a town user cannot define a programme for the district', async () => {
    const response = await huaxinStaff.post('/api/pairing-programmes', { divisionId: t.fixture.divisions.qingpu.id, title: 'x', kind: 'aid', targetType: 'community', deadline: '2026-12-31' });
    expect(response.statusCode).toBe(403);
  });
});

describe('coverage = paired ÷ should-be-paired', () => {
  it('201: pairing counts each branch once, only while the pair is current', async () => {
    for (const [branch, community] of [[0, 0], [1, 1], [5, 2], [0, 3]] as const) {
      const response = await pair(qingpuStaff, ids.programme, { organisationId: branches[branch], partnerOrganisationId: communities[community], startDate: '2026-01-01' });
      expect(response.statusCode, response.body).toBe(201);
    }
    // Ended last month and starting next month: neither counts today.
    expect((await pair(qingpuStaff, ids.programme, { organisationId: branches[2], partnerOrganisationId: communities[0], startDate: '2026-01-01', endDate: '2026-10-31' })).statusCode).toBe(201);
    expect((await pair(qingpuStaff, ids.programme, { organisationId: branches[3], partnerOrganisationId: communities[0], startDate: '2026-12-01' })).statusCode).toBe(201);
    const detail = (await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}`)).json();
    expect(detail.coverage).toEqual({ paired: 3, shouldBePaired: 8, ratio: 0.375 });
    // 328 of 364 days gone, 37.5 % paired: behind.
    expect(detail.progress).toEqual({ daysLeft: 36, timeElapsed: 0.9011, onTrack: false, pastDeadline: false });
    const unpaired = (await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}/unpaired`)).json();
    expect(unpaired.total).toBe(5);
    expect(unpaired.items.map((o: { name: string }) => o.name)).toEqual(['支部03', '支部04', '支部05', '支部07', '支部08']);
    const list = (await qingpuStaff.get('/api/pairing-programmes')).json();
    expect(list.items.find((p: { id: number }) => p.id === ids.programme).coverage.paired).toBe(3);
  });

  it('200: past the deadline with branches unpaired, the programme says so', async () => {
    t.clock.set('2027-01-02T02:00:00.000Z');
    const late = await t.signIn('qingpu.staff');
    const detail = (await late.get(`/api/pairing-programmes/${ids.programme}`)).json();
    expect(detail.progress).toMatchObject({ pastDeadline: true, onTrack: false, timeElapsed: 1, daysLeft: -2 });
    // The December pair has started by now.
    expect(detail.coverage.paired).toBe(4);
  });

  it('200: a programme with nothing to pair is fully covered', async () => {
    const response = await qingpuStaff.post('/api/pairing-programmes', {
      divisionId: t.fixture.divisions.zhaoxiang.id,
      title: '服务中心结对',
      kind: 'aid',
      targetType: 'service_centre',
      deadline: '2026-12-31',
    });
    expect(response.json().coverage).toEqual({ paired: 0, shouldBePaired: 0, ratio: 1 });
    expect(response.json().progress.onTrack).toBe(true);
  });

  it('400: the organisation must be one the programme covers, the partner of its type, not itself', async () => {
    const chamber = await pair(qingpuStaff, ids.programme, { organisationId: ids.chamber, partnerOrganisationId: communities[0] });
    expect(chamber.json().error.fields).toMatchObject([{ path: 'body.organisationId' }]);
    const outside = await pair(admin, ids.programme, { organisationId: ids.jinshanBranch, partnerOrganisationId: communities[0] }, );
    expect(outside.json().error.fields).toMatchObject([{ path: 'body.organisationId' }]);
    const partner = await pair(qingpuStaff, ids.programme, { organisationId: branches[6], partnerOrganisationId: ids.chamber }, );
    expect(partner.json().error.fields).toMatchObject([{ path: 'body.partnerOrganisationId' }]);
    const self = await pair(qingpuStaff, ids.programme, { organisationId: branches[6], partnerOrganisationId: branches[6] });
    expect(self.statusCode).toBe(400);
    const archived = await pair(qingpuStaff, ids.programme, { organisationId: ids.archivedBranch, partnerOrganisationId: communities[0] });
    expect(archived.json().error.fields).toMatchObject([{ path: 'body.organisationId' }]);
  });

  it('409: the same two organisations cannot hold overlapping pairs', async () => {
    const response = await pair(qingpuStaff, ids.programme, { organisationId: branches[0], partnerOrganisationId: communities[0], startDate: '2026-06-01' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('duplicate');
  });
});

describe('pairs with no activity in the last quarter', () => {
  it('200: current pairs older than a quarter without a recent activity are stale; an activity on the pair clears it', async () => {
    const pairs = (await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}/pairs?current=true&pageSize=200`)).json();
    expect(pairs.total).toBe(4);
    const [first, second] = pairs.items as Array<{ id: number }>;
    // One recent activity (inside the quarter since 2026-08-25), one too old.
    expect((await qingpuStaff.post('/api/activities', { title: '结对走访', date: '2026-10-01', kind: 'visit', pairId: first!.id })).statusCode).toBe(201);
    expect((await qingpuStaff.post('/api/activities', { title: '结对座谈', date: '2026-05-01', kind: 'seminar', pairId: second!.id })).statusCode).toBe(201);
    const detail = (await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}`)).json();
    expect(detail.staleSince).toBe('2026-08-25');
    expect(detail.stalePairs).toBe(3);
    const stale = (await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}/pairs?stale=true`)).json();
    expect(stale.items.map((p: { id: number }) => p.id)).not.toContain(first!.id);
    expect(stale.items.find((p: { id: number }) => p.id === second!.id)).toMatchObject({ activityCount: 1, lastActivityDate: '2026-05-01' });
    const byPair = (await qingpuStaff.get(`/api/activities?pairId=${first!.id}`)).json();
    expect(byPair.total).toBe(1);
  });

  it('200: ending a pair takes it out of coverage; 409 on a stale version; 400 end before start', async () => {
    const pairs = (await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}/pairs?current=true&q=${encodeURIComponent('支部06')}`)).json();
    const target = pairs.items[0];
    expect((await qingpuStaff.patch(`/api/pairs/${target.id}`, { endDate: '2025-01-01', version: target.version })).statusCode).toBe(400);
    const ended = await qingpuStaff.patch(`/api/pairs/${target.id}`, { endDate: '2026-11-24', version: target.version });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().current).toBe(false);
    expect((await qingpuStaff.patch(`/api/pairs/${target.id}`, { note: 'x', version: target.version })).statusCode).toBe(409);
    expect((await qingpuStaff.get(`/api/pairing-programmes/${ids.programme}`)).json().coverage.paired).toBe(2);
  });
});

describe('scope', () => {
  beforeAll(async () => {
    const response = await huaxinStaff.post('/api/pairing-programmes', { divisionId: t.fixture.divisions.huaxin.id, title: '华新结对', kind: 'aid', targetType: 'party_branch', deadline: '2026-12-31' });
    ids.townProgramme = response.json().id;
  });

  it("403: a town user cannot read another town's programme, its pairs or unpaired list, nor pair in it", async () => {
    for (const url of [`/api/pairing-programmes/${ids.townProgramme}`, `/api/pairing-programmes/${ids.townProgramme}/pairs`, `/api/pairing-programmes/${ids.townProgramme}/unpaired`]) {
      expect((await zhaoxiangStaff.get(url)).statusCode, url).toBe(403);
    }
    expect((await pair(zhaoxiangStaff, ids.townProgramme, { organisationId: branches[0], partnerOrganisationId: communities[0] })).statusCode).toBe(403);
    // The district programme sits above the town: a town user does not see it either.
    expect((await huaxinStaff.get(`/api/pairing-programmes/${ids.programme}`)).statusCode).toBe(403);
  });

  it("403: a town user cannot list another town's programmes by the division filter; the list holds only their own", async () => {
    expect((await zhaoxiangStaff.get(`/api/pairing-programmes?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    const own = (await huaxinStaff.get('/api/pairing-programmes')).json();
    expect(own.items.map((p: { title: string }) => p.title)).toEqual(['华新结对']);
    expect((await qingpuStaff.get('/api/pairing-programmes?pageSize=200')).json().total).toBe(3);
  });

  it('404: unknown programme or pair; 400: bad id; 401: no session', async () => {
    expect((await admin.get('/api/pairing-programmes/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/pairs/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/pairing-programmes/x')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/pairing-programmes')).statusCode).toBe(401);
  });

  it('200 then 409: a programme edit is versioned; an archived programme takes no pairs', async () => {
    const current = (await huaxinStaff.get(`/api/pairing-programmes/${ids.townProgramme}`)).json();
    const edited = await huaxinStaff.patch(`/api/pairing-programmes/${ids.townProgramme}`, { deadline: '2027-06-30', version: current.version });
    expect(edited.json()).toMatchObject({ deadline: '2027-06-30', version: current.version + 1 });
    expect((await huaxinStaff.patch(`/api/pairing-programmes/${ids.townProgramme}`, { title: 'x', version: current.version })).statusCode).toBe(409);
    await huaxinStaff.post(`/api/pairing-programmes/${ids.townProgramme}/archive`, { version: current.version + 1 });
    const refused = await pair(huaxinStaff, ids.townProgramme, { organisationId: branches[2], partnerOrganisationId: communities[1] });
    expect(refused.statusCode).toBe(409);
  });
});
