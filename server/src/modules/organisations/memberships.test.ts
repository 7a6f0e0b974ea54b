import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

let t: TestApp;
let admin: TestClient;
let qingpuAdmin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let chamber: { id: number; version: number };
const firms: Array<{ id: number }> = [];
let zhaoxiangFirm: { id: number };
let president: { id: number };

let counter = 0;
async function createOrg(client: TestClient, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await client.post('/api/organisations', { divisionId: t.fixture.divisions.huaxin.id, name: `成员测试${counter}`, type: 'enterprise', ...overrides });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; version: number };
}

async function addMember(client: TestClient, organisationId: number, body: Record<string, unknown>) {
  return client.post(`/api/organisations/${organisationId}/members`, body);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  chamber = await createOrg(huaxinStaff, { name: '华新镇商会', type: 'chamber' });
  for (let i = 0; i < 5; i += 1) firms.push(await createOrg(huaxinStaff, { name: `上海华新${i}机械有限公司` }));
  zhaoxiangFirm = await createOrg(zhaoxiangStaff, { divisionId: t.fixture.divisions.zhaoxiang.id, name: '上海赵巷机械有限公司' });
  const person = await huaxinStaff.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '许会长', phone: '13812340000' });
  president = person.json();
});
afterAll(async () => t.close());

describe('POST /api/organisations/:id/members', () => {
  it('201: adds member organisations and a member person with roles; audited', async () => {
    for (const [index, firm] of firms.entries()) {
      const response = await addMember(huaxinStaff, chamber.id, { memberOrganisationId: firm.id, role: index < 2 ? 'council' : 'member', since: '2020-01-01' });
      expect(response.statusCode).toBe(201);
    }
    const person = await addMember(huaxinStaff, chamber.id, { memberPersonId: president.id, role: 'president', since: '2019-03-01' });
    expect(person.statusCode).toBe(201);
    expect(person.json()).toMatchObject({ organisationName: '华新镇商会', role: 'president', current: true, member: { kind: 'person', name: '许会长', phone: '138****0000' } });
    const [row] = await auditRows(t.handle, 'membership.create');
    expect(JSON.parse(row!.detail!)).toMatchObject({ organisationId: chamber.id, memberKind: 'person', memberId: president.id, role: 'president' });
  });

  it('200: the detail counts current members by role, from the membership rows', async () => {
    const detail = (await huaxinStaff.get(`/api/organisations/${chamber.id}`)).json();
    expect(detail.links.memberOrganisations).toEqual({ total: 5, byRole: { member: 3, council: 2, vice_president: 0, president: 0, secretary_general: 0 } });
    expect(detail.links.memberPeople.total).toBe(1);
    expect(detail.links.memberPeople.byRole.president).toBe(1);
    const firm = (await huaxinStaff.get(`/api/organisations/${firms[0]!.id}`)).json();
    expect(firm.links.memberOf).toEqual([expect.objectContaining({ organisationId: chamber.id, name: '华新镇商会', role: 'council' })]);
  });

  it('400: neither or both members, an end before the start, an unknown role, a bad date', async () => {
    const none = await addMember(huaxinStaff, chamber.id, { role: 'member' }, );
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].path).toBe('body.memberOrganisationId');
    const both = await addMember(huaxinStaff, chamber.id, { memberOrganisationId: firms[0]!.id, memberPersonId: president.id, role: 'member' });
    expect(both.statusCode).toBe(400);
    const dates = await huaxinStaff.post(`/api/organisations/${chamber.id}/members`, { memberOrganisationId: firms[0]!.id, role: 'member', since: '2024-05-01', until: '2024-04-30' }, { 'accept-language': 'en' });
    expect(dates.json().error.fields).toEqual([{ path: 'body.until', message: 'The end date cannot be before the start date' }]);
    const role = await addMember(huaxinStaff, chamber.id, { memberOrganisationId: firms[0]!.id, role: 'emperor', since: '2024-13-01' });
    expect(role.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.role', 'body.since']);
  });

  it('400: an unknown member, the organisation itself, or an archived member', async () => {
    expect((await addMember(huaxinStaff, chamber.id, { memberOrganisationId: 999999, role: 'member' })).json().error.fields[0].path).toBe('body.memberOrganisationId');
    expect((await addMember(huaxinStaff, chamber.id, { memberPersonId: 999999, role: 'member' })).json().error.fields[0].path).toBe('body.memberPersonId');
    expect((await addMember(huaxinStaff, chamber.id, { memberOrganisationId: chamber.id, role: 'member' })).statusCode).toBe(400);
    const gone = await createOrg(huaxinStaff);
    await huaxinStaff.post(`/api/organisations/${gone.id}/archive`, { version: gone.version });
    const archived = await addMember(huaxinStaff, chamber.id, { memberOrganisationId: gone.id, role: 'member' }, );
    expect(archived.statusCode).toBe(400);
    expect(archived.json().error.fields[0].path).toBe('body.memberOrganisationId');
  });

  it('403: a town user cannot link a member organisation from another town, nor add members elsewhere', async () => {
    const response = await addMember(huaxinStaff, chamber.id, { memberOrganisationId: zhaoxiangFirm.id, role: 'member' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
    expect((await addMember(zhaoxiangStaff, chamber.id, { memberOrganisationId: zhaoxiangFirm.id, role: 'member' })).statusCode).toBe(403);
  });

  it('409: the same member twice while the first membership is current', async () => {
    const response = await addMember(huaxinStaff, chamber.id, { memberOrganisationId: firms[0]!.id, role: 'member' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('duplicate');
  });

  it('401: without a session; 404: an unknown organisation', async () => {
    expect((await t.anonymous().post(`/api/organisations/${chamber.id}/members`, { memberOrganisationId: firms[0]!.id, role: 'member' })).statusCode).toBe(401);
    expect((await addMember(admin, 999999, { memberOrganisationId: firms[0]!.id, role: 'member' })).statusCode).toBe(404);
  });
});

describe('GET /api/organisations/:id/members', () => {
  it('200: leaders first, filtered by role and kind, paged', async () => {
    const all = (await huaxinStaff.get(`/api/organisations/${chamber.id}/members`)).json();
    expect(all.total).toBe(6);
    expect(all.items[0].member.name).toBe('许会长');
    const council = (await huaxinStaff.get(`/api/organisations/${chamber.id}/members?role=council`)).json();
    expect(council.items.map((m: { member: { name: string } }) => m.member.name)).toEqual(['上海华新0机械有限公司', '上海华新1机械有限公司']);
    const people = (await huaxinStaff.get(`/api/organisations/${chamber.id}/members?kind=person`)).json();
    expect(people.total).toBe(1);
    const page = (await huaxinStaff.get(`/api/organisations/${chamber.id}/members?kind=organisation&pageSize=2&page=3`)).json();
    expect(page).toMatchObject({ total: 5, page: 3 });
    expect(page.items).toHaveLength(1);
  });

  it("200: a district admin may link a member from another town of the district; the town user does not see it, in lists or counts", async () => {
    const linked = await addMember(qingpuAdmin, chamber.id, { memberOrganisationId: zhaoxiangFirm.id, role: 'member' });
    expect(linked.statusCode).toBe(201);
    expect((await qingpuAdmin.get(`/api/organisations/${chamber.id}/members?kind=organisation`)).json().total).toBe(6);
    const seenByTown = (await huaxinStaff.get(`/api/organisations/${chamber.id}/members?kind=organisation&pageSize=100`)).json();
    expect(seenByTown.total).toBe(5);
    expect(seenByTown.items.map((m: { member: { name: string } }) => m.member.name)).not.toContain('上海赵巷机械有限公司');
    const search = (await huaxinStaff.get(`/api/organisations/${chamber.id}/members?q=${encodeURIComponent('赵巷')}`)).json();
    expect(search.total).toBe(0);
    expect((await huaxinStaff.get(`/api/organisations/${chamber.id}`)).json().links.memberOrganisations.total).toBe(5);
    expect((await qingpuAdmin.get(`/api/organisations/${chamber.id}`)).json().links.memberOrganisations.total).toBe(6);
    // Nor can the town user change that membership.
    const version = linked.json().version;
    expect((await huaxinStaff.patch(`/api/memberships/${linked.json().id}`, { role: 'council', version })).statusCode).toBe(403);
    expect((await qingpuAdmin.post(`/api/memberships/${linked.json().id}/end`, { version })).statusCode).toBe(200);
  });

  it("403: a town user cannot list the members of another town's organisation", async () => {
    const response = await zhaoxiangStaff.get(`/api/organisations/${chamber.id}/members`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('out_of_scope');
  });

  it('400: an unknown role or current value; 404: an unknown organisation', async () => {
    const response = await huaxinStaff.get(`/api/organisations/${chamber.id}/members?role=king&current=maybe`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.current', 'query.role']);
    expect((await admin.get('/api/organisations/999999/members')).statusCode).toBe(404);
  });
});

describe('PATCH /api/memberships/:id and POST /api/memberships/:id/end', () => {
  it('200: changes the role; 409: with a stale version; 400: an end before the stored start', async () => {
    const created = (await addMember(huaxinStaff, chamber.id, { memberOrganisationId: (await createOrg(huaxinStaff)).id, role: 'member', since: '2022-01-01' })).json();
    const promoted = await huaxinStaff.patch(`/api/memberships/${created.id}`, { role: 'vice_president', version: created.version });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ role: 'vice_president', version: created.version + 1 });
    expect((await huaxinStaff.patch(`/api/memberships/${created.id}`, { role: 'council', version: created.version })).statusCode).toBe(409);
    const early = await huaxinStaff.patch(`/api/memberships/${created.id}`, { until: '2021-12-31', version: created.version + 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].path).toBe('body.until');
    const [row] = await auditRows(t.handle, 'membership.update');
    expect(JSON.parse(row!.detail!)).toMatchObject({ changed: ['role'], before: { role: 'member' } });
  });

  it('200: ending a membership sets today (Shanghai) as its last day; it leaves the current list the next Shanghai day', async () => {
    const firm = await createOrg(huaxinStaff);
    const created = (await addMember(huaxinStaff, chamber.id, { memberOrganisationId: firm.id, role: 'member', since: '2021-01-01' })).json();
    t.clock.set('2026-11-25T15:30:00.000Z'); // 23:30 on 25 November in Shanghai
    // A fresh session: the morning one would have gone idle by now.
    const late = await t.signIn('huaxin.staff');
    const ended = await late.post(`/api/memberships/${created.id}/end`, { version: created.version });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ until: '2026-11-25', current: true });
    expect((await auditRows(t.handle, 'membership.end'))[0]?.entity_id).toBe(String(created.id));
    const current = async () =>
      (await late.get(`/api/organisations/${chamber.id}/members?kind=organisation&pageSize=200`)).json().items.map((m: { id: number }) => m.id);
    expect(await current()).toContain(created.id);
    t.clock.set('2026-11-25T16:30:00.000Z'); // 00:30 on 26 November in Shanghai
    expect(await current()).not.toContain(created.id);
    const ended26 = (await late.get(`/api/organisations/${chamber.id}/members?current=false`)).json();
    expect(ended26.items.map((m: { id: number }) => m.id)).toContain(created.id);
    // Once ended it cannot end again; the member may join afresh.
    const again = await late.post(`/api/memberships/${created.id}/end`, { version: created.version + 1 });
    expect(again.json().error.code).toBe('invalid_transition');
    expect((await addMember(late, chamber.id, { memberOrganisationId: firm.id, role: 'council' })).statusCode).toBe(201);
    t.clock.set('2026-11-25T02:00:00.000Z');
  });

  it('400: an end date before the start; 404: unknown; 403: another town; 401: no session', async () => {
    const created = (await addMember(huaxinStaff, chamber.id, { memberOrganisationId: (await createOrg(huaxinStaff)).id, role: 'member', since: '2026-01-01' })).json();
    const early = await huaxinStaff.post(`/api/memberships/${created.id}/end`, { until: '2025-12-31', version: created.version });
    expect(early.statusCode).toBe(400);
    expect((await admin.post('/api/memberships/999999/end', { version: 1 })).statusCode).toBe(404);
    expect((await zhaoxiangStaff.post(`/api/memberships/${created.id}/end`, { version: created.version })).statusCode).toBe(403);
    expect((await zhaoxiangStaff.patch(`/api/memberships/${created.id}`, { role: 'council', version: created.version })).statusCode).toBe(403);
    expect((await t.anonymous().patch(`/api/memberships/${created.id}`, { role: 'council', version: created.version })).statusCode).toBe(401);
  });
});
