import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { workFixture } from './work.fixture.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let qingpuStaff: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let huaxinHandler: TestClient;
const ids = { huaxinChamber: 0, zhaoxiangChamber: 0, huaxinPerson: 0, brand: 0, archivedOrg: 0 };
const startClock = '2026-11-25T02:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  const f = workFixture(t.handle.db);
  const d = t.fixture.divisions;
  ids.huaxinChamber = await f.organisation(d.huaxin.id, '华新镇商会');
  ids.zhaoxiangChamber = await f.organisation(d.zhaoxiang.id, '赵巷镇商会');
  ids.archivedOrg = await f.organisation(d.huaxin.id, '旧商会');
  await f.archive('organisations', ids.archivedOrg);
  ids.huaxinPerson = await f.person(d.huaxin.id, '张伟', ids.huaxinChamber);
  ids.brand = await f.brand(d.qingpu.id, '同心青浦');
  const handler = await admin.post('/api/users', { username: 'huaxin.handler', displayName: '办理员', divisionId: d.huaxin.id, roles: ['handler'], password: 'Handler2026pw' });
  expect(handler.statusCode).toBe(201);
  huaxinHandler = await t.signIn('huaxin.handler', 'Handler2026pw');
});
afterAll(async () => t.close());
afterEach(() => t.clock.set(startClock));

async function createProject(client: TestClient, body: Record<string, unknown> = {}) {
  const response = await client.post('/api/projects', {
    divisionId: t.fixture.divisions.huaxin.id,
    title: '商会助企服务',
    milestones: [
      { title: '调研走访', dueDate: '2026-11-30' },
      { title: '形成报告', dueDate: '2026-12-31' },
    ],
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const move = (client: TestClient, project: { id: number; version: number }, to: string, note?: string) =>
  client.post(`/api/projects/${project.id}/transitions`, { to, version: project.version, ...(note ? { note } : {}) });

describe('POST /api/projects', () => {
  it('201: a town user creates a planned project with milestones, recorded in history and audited', async () => {
    const project = await createProject(huaxinStaff, {
      goal: '服务会员企业',
      responsibleOrganisationId: ids.huaxinChamber,
      responsiblePersonId: ids.huaxinPerson,
      brandId: ids.brand,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
    });
    expect(project).toMatchObject({
      status: 'planned',
      divisionName: '华新镇',
      responsibleOrganisation: { id: ids.huaxinChamber, name: '华新镇商会' },
      responsiblePerson: { name: '张伟' },
      brand: { name: '同心青浦' },
      milestoneCount: 2,
      completedCount: 0,
      overdue: false,
      nextStatuses: ['active'],
      today: '2026-11-25',
    });
    expect(project.milestones.map((m: { title: string }) => m.title)).toEqual(['调研走访', '形成报告']);
    expect(project.history).toMatchObject([{ fromStatus: null, toStatus: 'planned', actorName: 'huaxin.staff' }]);
    const [row] = await auditRows(t.handle, 'project.create');
    expect(row).toMatchObject({ entity_id: String(project.id), actor_id: t.fixture.users.huaxinStaff.id, division_id: t.fixture.divisions.huaxin.id });
  });

  it('400: wrong types, missing title, over-long text, impossible dates and unknown fields are named per field', async () => {
    const response = await huaxinStaff.post(
      '/api/projects',
      { divisionId: 'x', goal: '长'.repeat(2001), startDate: '2026-02-30', milestones: [{ title: '', dueDate: '2026/12/01' }], ethnicity: '汉' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    const fields = Object.fromEntries(response.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toMatchObject({
      'body.divisionId': 'Wrong format',
      'body.title': 'Required',
      'body.goal': 'At most 2000 characters',
      'body.startDate': 'Dates are written YYYY-MM-DD',
      'body.milestones.0.title': 'Required',
      'body.milestones.0.dueDate': 'Dates are written YYYY-MM-DD',
    });
    expect(Object.keys(fields).some((path) => path.startsWith('body'))).toBe(true);
    expect(response.json().error.fields.some((f: { message: string }) => f.message.includes('ethnicity'))).toBe(true);
  });

  it('400: an end before the start, and a responsible unit in another town or archived', async () => {
    const dates = await huaxinStaff.post('/api/projects', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', startDate: '2026-12-01', endDate: '2026-11-01' });
    expect(dates.json().error.fields).toMatchObject([{ path: 'body.endDate' }]);
    const foreign = await huaxinStaff.post('/api/projects', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', responsibleOrganisationId: ids.zhaoxiangChamber }, { 'accept-language': 'en' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual([{ path: 'body.responsibleOrganisationId', message: 'Not found, archived or outside your division' }]);
    const archived = await huaxinStaff.post('/api/projects', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', responsibleOrganisationId: ids.archivedOrg });
    expect(archived.statusCode).toBe(400);
  });

  it("403: a town user cannot create a project in another town; a handler cannot create at all", async () => {
    const other = await huaxinStaff.post('/api/projects', { divisionId: t.fixture.divisions.zhaoxiang.id, title: 'x' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('out_of_scope');
    const handler = await huaxinHandler.post('/api/projects', { divisionId: t.fixture.divisions.huaxin.id, title: 'x' });
    expect(handler.statusCode).toBe(403);
    expect(handler.json().error.code).toBe('forbidden');
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().post('/api/projects', { title: 'x' })).statusCode).toBe(401);
  });
});

describe('status transitions', () => {
  it('200: planned → active → done → reviewed, each change in the history with who and when, and audited', async () => {
    let project = await createProject(huaxinStaff, { title: '完整流程' });
    const active = await move(huaxinStaff, project, 'active', '启动');
    expect(active.statusCode).toBe(200);
    project = active.json();
    expect(project).toMatchObject({ status: 'active', nextStatuses: ['done'] });
    expect(project.milestones.length).toBeGreaterThan(0);
    for (const milestone of project.milestones) {
      const done = await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${milestone.id}`, { completed: true, evidence: '已完成', version: milestone.version });
      expect(done.statusCode).toBe(200);
      project = done.json();
    }
    const done = await move(huaxinStaff, project, 'done');
    expect(done.statusCode).toBe(200);
    project = done.json();
    t.clock.advance(3_600_000);
    const reviewed = await move(qingpuAdmin, project, 'reviewed', '验收通过');
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', nextStatuses: [] });
    expect(reviewed.json().history).toMatchObject([
      { fromStatus: null, toStatus: 'planned' },
      { fromStatus: 'planned', toStatus: 'active', actorName: 'huaxin.staff', note: '启动', at: startClock },
      { fromStatus: 'active', toStatus: 'done', actorName: 'huaxin.staff' },
      { fromStatus: 'done', toStatus: 'reviewed', actorName: 'qingpu.admin', note: '验收通过', at: '2026-11-25T03:00:00.000Z' },
    ]);
    const rows = await auditRows(t.handle, 'project.transition');
    expect(rows.filter((row) => row.entity_id === String(project.id)).map((row) => JSON.parse(row.detail!).to)).toEqual(['reviewed', 'done', 'active']);
  });

  it('409: skipping a step is refused with the allowed next states', async () => {
    const project = await createProject(huaxinStaff, { title: '跳步' });
    const response = await move(huaxinStaff, project, 'done', undefined);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'invalid_transition', details: { from: 'planned', to: 'done', allowed: ['active'] } });
    const back = await move(huaxinStaff, project, 'planned');
    expect(back.json().error.details.allowed).toEqual(['active']);
  });

  it('409: "done" needs every milestone completed, and names the open ones', async () => {
    let project = await createProject(huaxinStaff, { title: '未闭环' });
    project = (await move(huaxinStaff, project, 'active')).json();
    const response = await move(huaxinStaff, project, 'done');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details).toMatchObject({ reason: 'open_milestones', allowed: ['done'], openMilestoneIds: project.milestones.map((m: { id: number }) => m.id) });
  });

  it('409: "done" needs every completed milestone evidenced (text or a file), and names the ones without (issue 16)', async () => {
    let project = await createProject(huaxinStaff, { title: '无佐证闭环', milestones: [{ title: '有佐证', dueDate: '2026-12-20' }, { title: '无佐证', dueDate: '2026-12-21' }] });
    project = (await move(huaxinStaff, project, 'active')).json();
    const [withEvidence, without] = project.milestones as Array<{ id: number; version: number }>;
    await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${withEvidence!.id}`, { completed: true, evidence: '签到表', version: withEvidence!.version });
    project = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${without!.id}`, { completed: true, version: without!.version })).json();
    const refused = await move(huaxinStaff, project, 'done');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'unevidenced_milestones', unevidencedMilestoneIds: [without!.id] });
    const current = project.milestones.find((m: { id: number }) => m.id === without!.id);
    project = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${without!.id}`, { evidence: '照片', version: current.version })).json();
    expect((await move(huaxinStaff, project, 'done')).statusCode).toBe(200);
  });

  it('409: a reviewed project goes nowhere (allowed is empty); 403: staff cannot mark reviewed', async () => {
    let project = await createProject(huaxinStaff, { title: '已验收', milestones: [] });
    project = (await move(huaxinStaff, project, 'active')).json();
    project = (await move(huaxinStaff, project, 'done')).json();
    const byStaff = await move(huaxinStaff, project, 'reviewed');
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().error.code).toBe('forbidden');
    project = (await move(qingpuAdmin, project, 'reviewed')).json();
    const again = await move(qingpuAdmin, project, 'active');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ from: 'reviewed', to: 'active', allowed: [] });
  });

  it('409: a stale version; 400: an unknown status; 403: another town', async () => {
    const project = await createProject(huaxinStaff, { title: '版本' });
    expect((await move(huaxinStaff, project, 'active')).statusCode).toBe(200);
    const stale = await move(huaxinStaff, { id: project.id, version: project.version }, 'done');
    expect(stale.statusCode).toBe(409);
    const unknown = await huaxinStaff.post(`/api/projects/${project.id}/transitions`, { to: 'finished', version: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toMatchObject([{ path: 'body.to' }]);
    expect((await move(zhaoxiangStaff, project, 'done')).statusCode).toBe(403);
  });
});

describe('overdue milestones (Asia/Shanghai dates)', () => {
  it('200: a milestone due today turns overdue at midnight in Shanghai, not at midnight UTC', async () => {
    const project = await createProject(huaxinStaff, { title: '跨日', milestones: [{ title: '当天到期', dueDate: '2026-11-26' }] });
    t.clock.set('2026-11-26T15:59:59.000Z'); // 23:59:59 on the 26th in Shanghai
    // A day later the morning's session has gone idle: sign in again at the new time.
    const late = await t.signIn('huaxin.staff');
    let detail = (await late.get(`/api/projects/${project.id}`)).json();
    expect(detail).toMatchObject({ today: '2026-11-26', overdue: false, overdueCount: 0 });
    expect(detail.milestones[0].overdue).toBe(false);
    t.clock.set('2026-11-26T16:00:00.000Z'); // still the 26th in UTC, already the 27th in Shanghai
    detail = (await late.get(`/api/projects/${project.id}`)).json();
    expect(detail).toMatchObject({ today: '2026-11-27', overdue: true, overdueCount: 1 });
    expect(detail.milestones[0].overdue).toBe(true);
    const list = (await late.get('/api/projects?overdue=true&pageSize=200')).json();
    expect(list.items.find((p: { id: number }) => p.id === project.id)).toMatchObject({ overdue: true, overdueCount: 1 });
    const notOverdue = (await late.get('/api/projects?overdue=false&pageSize=200')).json();
    expect(notOverdue.items.some((p: { id: number }) => p.id === project.id)).toBe(false);
  });

  it('200: completing an overdue milestone clears the flag', async () => {
    const project = await createProject(huaxinStaff, { title: '补完成', milestones: [{ title: '已逾期', dueDate: '2026-11-01' }] });
    expect(project.overdue).toBe(true);
    const milestone = project.milestones[0];
    const done = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${milestone.id}`, { completed: true, evidence: '照片见附件', version: milestone.version })).json();
    expect(done).toMatchObject({ overdue: false, completedCount: 1 });
    expect(done.milestones[0]).toMatchObject({ completedAt: startClock, completedBy: { name: 'huaxin.staff' }, overdue: false, unevidenced: false });
  });
});

describe('GET /api/projects/closed-loop', () => {
  type Row = { id: number; title: string; status: string; divisionName: string; organisation: { id: number } | null; milestones: number; completedMilestones: number; overdueMilestones: number; unevidencedMilestones: number; problem: boolean };
  const all = async (client: TestClient, query = '') => (await client.get(`/api/projects/closed-loop?pageSize=200${query}`)).json() as { items: Row[]; total: number; problems: number; today: string };

  it('200: a reviewed project whose evidence was removed stays in the view (the loop is open again)', async () => {
    let project = await createProject(huaxinStaff, { title: '验收后撤佐证', milestones: [{ title: '节点', dueDate: '2026-12-20' }] });
    project = (await move(huaxinStaff, project, 'active')).json();
    const m = project.milestones[0];
    project = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { completed: true, evidence: '签到表', version: m.version })).json();
    project = (await move(huaxinStaff, project, 'done')).json();
    const cleared = await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { evidence: null, version: project.milestones[0].version });
    expect(cleared.statusCode, cleared.body).toBe(200);
    project = cleared.json();
    const reviewed = await move(qingpuAdmin, project, 'reviewed');
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const loop = await all(huaxinStaff);
    const row = loop.items.find((p) => p.id === project.id);
    expect(row).toMatchObject({ overdueMilestones: 0, unevidencedMilestones: 1 });
  });

  it('200: every project of the subtree, each with its loop stages; overdue and unevidenced ones first and flagged', async () => {
    const overdue = await createProject(huaxinStaff, { title: '逾期项目', responsibleOrganisationId: ids.huaxinChamber, milestones: [{ title: '逾期', dueDate: '2026-10-01' }] });
    const unevidenced = await createProject(huaxinStaff, { title: '无佐证项目', milestones: [{ title: '完成无佐证', dueDate: '2026-12-20' }] });
    const healthy = await createProject(huaxinStaff, { title: '正常项目', milestones: [{ title: '未到期', dueDate: '2027-06-30' }] });
    const m = unevidenced.milestones[0];
    await huaxinStaff.patch(`/api/projects/${unevidenced.id}/milestones/${m.id}`, { completed: true, version: m.version });
    const loop = await all(huaxinStaff);
    const own = (await huaxinStaff.get('/api/projects?pageSize=200')).json();
    expect(loop.total).toBe(own.total);
    expect(loop.items.length).toBe(loop.total);
    const row = (id: number) => loop.items.find((p) => p.id === id)!;
    expect(row(overdue.id)).toMatchObject({ organisation: { id: ids.huaxinChamber }, milestones: 1, completedMilestones: 0, overdueMilestones: 1, unevidencedMilestones: 0, problem: true });
    expect(row(unevidenced.id)).toMatchObject({ organisation: null, milestones: 1, completedMilestones: 1, overdueMilestones: 0, unevidencedMilestones: 1, problem: true });
    expect(row(healthy.id)).toMatchObject({ milestones: 1, completedMilestones: 0, overdueMilestones: 0, unevidencedMilestones: 0, problem: false });
    // Problem rows first: once a row without a problem appears, none with one follows.
    const flags = loop.items.map((p) => p.problem);
    expect(flags.indexOf(false)).toBe(loop.problems);
    expect(flags.slice(loop.problems).every((flag) => !flag)).toBe(true);
    expect(loop.problems).toBe(loop.items.filter((p) => p.problem).length);

    const current = (await huaxinStaff.get(`/api/projects/${unevidenced.id}`)).json().milestones[0];
    await huaxinStaff.patch(`/api/projects/${unevidenced.id}/milestones/${m.id}`, { evidence: '签到表', version: current.version });
    const after = await all(huaxinStaff);
    expect(after.items.find((p) => p.id === unevidenced.id)!.problem).toBe(false);
    expect(after.problems).toBe(loop.problems - 1);
  });

  it('200: paged, and filtered by problem, status, unit and title', async () => {
    const full = await all(huaxinStaff);
    expect(full.total).toBeGreaterThan(2);
    const first = (await huaxinStaff.get('/api/projects/closed-loop?pageSize=2&page=1')).json();
    const second = (await huaxinStaff.get('/api/projects/closed-loop?pageSize=2&page=2')).json();
    expect([first.items.length, second.items.length, first.total]).toEqual([2, Math.min(2, full.total - 2), full.total]);
    expect([...first.items, ...second.items].map((p: Row) => p.id)).toEqual(full.items.slice(0, first.items.length + second.items.length).map((p) => p.id));
    const problems = await all(huaxinStaff, '&problem=true');
    expect(problems.total).toBe(full.problems);
    expect(problems.items.every((p) => p.problem)).toBe(true);
    expect((await all(huaxinStaff, '&problem=false')).total).toBe(full.total - full.problems);
    const byUnit = await all(huaxinStaff, `&organisationId=${ids.huaxinChamber}`);
    expect(byUnit.total).toBeGreaterThan(0);
    expect(byUnit.items.every((p) => p.organisation?.id === ids.huaxinChamber)).toBe(true);
    const byTitle = await all(huaxinStaff, `&q=${encodeURIComponent('正常项目')}`);
    expect(byTitle.items.map((p) => p.title)).toEqual(['正常项目']);
    const planned = await all(huaxinStaff, '&status=planned');
    expect(planned.items.every((p) => p.status === 'planned')).toBe(true);
  });

  it('400: an unknown status or problem value', async () => {
    expect((await huaxinStaff.get('/api/projects/closed-loop?status=finished')).statusCode).toBe(400);
    expect((await huaxinStaff.get('/api/projects/closed-loop?problem=yes')).statusCode).toBe(400);
  });

  it("403: a town user cannot ask for another town's loop; other towns' projects never appear", async () => {
    expect((await huaxinStaff.get(`/api/projects/closed-loop?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).statusCode).toBe(403);
    await createProject(qingpuStaff, { divisionId: t.fixture.divisions.zhaoxiang.id, title: '赵巷逾期', milestones: [{ title: 'x', dueDate: '2026-01-01' }] });
    const loop = await all(huaxinStaff);
    expect(loop.items.length).toBeGreaterThan(0);
    expect(loop.items.every((p) => p.divisionName === '华新镇')).toBe(true);
  });
});

describe('GET /api/projects (list) and /api/projects/:id', () => {
  it('200: a town user sees only their town; the district sees both towns', async () => {
    const own = (await huaxinStaff.get('/api/projects?pageSize=200')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((p: { divisionName: string }) => p.divisionName === '华新镇')).toBe(true);
    const district = (await qingpuStaff.get('/api/projects?pageSize=200')).json();
    expect(new Set(district.items.map((p: { divisionName: string }) => p.divisionName))).toEqual(new Set(['华新镇', '赵巷镇']));
    const byTown = (await qingpuStaff.get(`/api/projects?divisionId=${t.fixture.divisions.zhaoxiang.id}`)).json();
    expect(byTown.items.every((p: { divisionName: string }) => p.divisionName === '赵巷镇')).toBe(true);
  });

  it("403: a town user cannot list another town's projects by the division filter", async () => {
    const response = await huaxinStaff.get(`/api/projects?divisionId=${t.fixture.divisions.zhaoxiang.id}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    const sneaky = (await huaxinStaff.get(`/api/projects?organisationId=${ids.zhaoxiangChamber}`)).json();
    expect(sneaky.total).toBe(0);
  });

  it("403: a town user cannot read or change another town's project by id; 404 unknown; 400 bad id", async () => {
    const other = await createProject(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id, title: '赵巷项目' });
    expect((await huaxinStaff.get(`/api/projects/${other.id}`)).statusCode).toBe(403);
    expect((await huaxinStaff.patch(`/api/projects/${other.id}`, { title: 'x', version: other.version })).statusCode).toBe(403);
    expect((await huaxinStaff.post(`/api/projects/${other.id}/milestones`, { title: 'x', dueDate: '2026-12-01' })).statusCode).toBe(403);
    expect((await admin.get('/api/projects/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/projects/abc')).statusCode).toBe(400);
  });

  it('400: an unknown status filter or an oversized page', async () => {
    const response = await huaxinStaff.get('/api/projects?status=finished&pageSize=500');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.pageSize', 'query.status']);
  });
});

describe('PATCH /api/projects/:id, milestones and archive', () => {
  it('200 then 409: edits are versioned and audited', async () => {
    const project = await createProject(huaxinStaff, { title: '旧标题' });
    const first = await huaxinStaff.patch(`/api/projects/${project.id}`, { title: '新标题', version: project.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: '新标题', version: project.version + 1 });
    const second = await huaxinStaff.patch(`/api/projects/${project.id}`, { title: '另一个', version: project.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    const [row] = await auditRows(t.handle, 'project.update');
    expect(JSON.parse(row!.detail!)).toMatchObject({ before: { title: '旧标题' }, after: { title: '新标题' } });
  });

  it('201/200/204: add, complete, reopen and archive milestones; 404 for a milestone of another project', async () => {
    let project = await createProject(huaxinStaff, { title: '节点', milestones: [] });
    const added = await huaxinStaff.post(`/api/projects/${project.id}/milestones`, { title: '新节点', dueDate: '2026-12-10' });
    expect(added.statusCode).toBe(201);
    project = added.json();
    const m = project.milestones[0];
    project = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { completed: true, version: m.version })).json();
    expect(project.milestones[0].completedAt).not.toBeNull();
    project = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { completed: false, version: m.version + 1 })).json();
    expect(project.milestones[0].completedAt).toBeNull();
    expect((await auditRows(t.handle, 'milestone.reopen')).length).toBe(1);
    const other = await createProject(huaxinStaff, { title: '别的' });
    expect((await huaxinStaff.patch(`/api/projects/${other.id}/milestones/${m.id}`, { completed: true, version: 1 })).statusCode).toBe(404);
    expect((await huaxinStaff.delete(`/api/projects/${project.id}/milestones/${m.id}`)).statusCode).toBe(204);
    expect((await huaxinStaff.get(`/api/projects/${project.id}`)).json().milestones).toEqual([]);
  });

  it('409: milestones of a done project cannot be added or reopened, but evidence can still be added', async () => {
    let project = await createProject(huaxinStaff, { title: '完成后', milestones: [{ title: 'a', dueDate: '2026-12-01' }] });
    project = (await move(huaxinStaff, project, 'active')).json();
    const m = project.milestones[0];
    project = (await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { completed: true, evidence: '签到表', version: m.version })).json();
    project = (await move(huaxinStaff, project, 'done')).json();
    const add = await huaxinStaff.post(`/api/projects/${project.id}/milestones`, { title: 'b', dueDate: '2026-12-01' });
    expect(add.statusCode).toBe(409);
    const reopen = await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { completed: false, version: m.version + 1 });
    expect(reopen.statusCode).toBe(409);
    const evidence = await huaxinStaff.patch(`/api/projects/${project.id}/milestones/${m.id}`, { evidence: '总结报告', version: m.version + 1 });
    expect(evidence.statusCode).toBe(200);
  });

  it('200 then 409: an archived project is read-only', async () => {
    const project = await createProject(huaxinStaff, { title: '归档' });
    const archived = await huaxinStaff.post(`/api/projects/${project.id}/archive`, { version: project.version });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, nextStatuses: [] });
    const edit = await huaxinStaff.patch(`/api/projects/${project.id}`, { title: 'x', version: archived.json().version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details).toEqual({ reason: 'archived' });
    const list = (await huaxinStaff.get('/api/projects?archived=true')).json();
    expect(list.items.map((p: { id: number }) => p.id)).toContain(project.id);
  });
});
