import { claimMachine, claimStates, nextClaimStates, type ClaimState } from '@tongxin/core/sla/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { buildRequestWorld, fieldsOf, ok, type RequestWorld } from '../cases/requests.test-support.ts';
import { needSideOf } from './needs.policy.ts';

let t: TestApp;
let w: RequestWorld;
let kinds: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildRequestWorld(t);
  kinds = Object.fromEntries((await t.handle.db.selectFrom('service_kinds').select(['id', 'code']).execute()).map((k) => [k.code, k.id]));
  // The Huaxin volunteer team offers volunteers and elderly care through its resource list.
  const at = '2026-01-01T00:00:00.000Z';
  const resource = await t.handle.db
    .insertInto('resources')
    .values({ division_id: t.fixture.divisions.huaxin.id, kind: 'team', name: '华新镇志愿者小分队', organisation_id: w.orgs.huaxinTeam, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.handle.db.insertInto('resource_services').values([{ resource_id: resource.id, service_kind_id: kinds.volunteers! }, { resource_id: resource.id, service_kind_id: kinds.elderly_care! }]).execute();
});
afterAll(async () => t.close());

interface NeedOut {
  id: number;
  version: number;
  state: ClaimState;
  allowed: string[];
  claimableFor: Array<{ id: number; name: string }>;
  dateFlag: string | null;
  [key: string]: unknown;
}

async function post(overrides: Record<string, unknown> = {}, client: TestClient = w.clients.huaxinStaff): Promise<NeedOut> {
  return ok<NeedOut>(
    await client.post('/api/needs', {
      divisionId: t.fixture.divisions.huaxinVillage.id,
      title: '独居老人助浴',
      description: '华新村三位独居老人需要每周助浴',
      serviceKindIds: [kinds.volunteers, kinds.elderly_care],
      wantedBy: '2026-12-31',
      ...overrides,
    }),
    201,
  );
}

function bodyFor(from: ClaimState, to: ClaimState, version: number): Record<string, unknown> {
  const base = { to, version };
  if (from === 'open' && to === 'claimed') return { ...base, organisationId: w.orgs.huaxinTeam };
  if (from === 'expired' && to === 'open') return { ...base, wantedBy: '2027-01-31' };
  if ((from === 'claimed' && (to === 'open' || to === 'withdrawn')) || (from === 'fulfilled' && to === 'claimed')) return { ...base, note: '人手不足' };
  return base;
}

const clientFor = (from: ClaimState, to: ClaimState) => (needSideOf(from, to) === 'community' ? w.clients.huaxinStaff : w.clients.huaxinTeam);

async function step(n: NeedOut, to: ClaimState, extra: Record<string, unknown> = {}): Promise<NeedOut> {
  return ok<NeedOut>(await clientFor(n.state, to).post(`/api/needs/${n.id}/transition`, { ...bodyFor(n.state, to, n.version), ...extra }));
}

const pathTo: Record<ClaimState, ClaimState[]> = {
  open: [],
  claimed: ['claimed'],
  fulfilled: ['claimed', 'fulfilled'],
  confirmed: ['claimed', 'fulfilled', 'confirmed'],
  withdrawn: ['withdrawn'],
  expired: ['expired'],
};

async function needIn(state: ClaimState): Promise<NeedOut> {
  let n = await post();
  for (const to of pathTo[state]) n = await step(n, to);
  return n;
}

describe('POST /api/needs', () => {
  it('201: a community posts a need asking for services; published at once; audited', async () => {
    const n = await post();
    expect(n).toMatchObject({ state: 'open', published: true, channel: 'staff', divisionName: '华新村', claimant: null, dateFlag: null });
    expect((n.serviceKinds as Array<{ code: string }>).map((k) => k.code)).toEqual(['volunteers', 'elderly_care']);
    expect(n.claimableFor).toEqual([]);
    expect((await auditRows(t.handle, 'need.create'))[0]).toMatchObject({ entity_id: String(n.id) });
  });

  it('400: missing title, unknown service kind, a date in the past, unknown fields; 401; 403 in another town or for a handler', async () => {
    const bad = await w.clients.huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, serviceKindIds: [999999], wantedBy: '2020-01-01', religion: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(bad.json())).sort()).toEqual(['body', 'body.title']);
    expect(fieldsOf((await w.clients.huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', serviceKindIds: [999999] })).json())).toHaveProperty('body.serviceKindIds.0');
    expect(fieldsOf((await w.clients.huaxinStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, title: 'x', wantedBy: '2020-01-01' })).json())).toHaveProperty('body.wantedBy');
    expect((await t.anonymous().post('/api/needs', {})).statusCode).toBe(401);
    expect((await w.clients.zhaoxiangStaff.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, title: 'x' })).json().error.code).toBe('out_of_scope');
    expect((await w.clients.huaxinReader.post('/api/needs', { divisionId: t.fixture.divisions.huaxin.id, title: 'x' })).json().error.code).toBe('forbidden');
  });
});

describe('claim route: every transition through the API', () => {
  for (const transition of claimMachine.transitions) {
    it(`200: ${transition.from} → ${transition.to} (${transition.action})`, async () => {
      const n = await needIn(transition.from);
      const after = await step(n, transition.to);
      expect(after.state).toBe(transition.to);
      expect((after.events as Array<{ action: string }>).at(-1)!.action).toBe(transition.action);
      expect((await auditRows(t.handle, `need.${transition.action}`)).some((row) => row.entity_id === String(n.id))).toBe(true);
    });
  }

  for (const from of claimStates) {
    it(`409: every step not allowed from ${from}, with the allowed next states`, async () => {
      const n = await needIn(from);
      const allowed = nextClaimStates(from);
      for (const to of claimStates.filter((s) => !allowed.includes(s))) {
        const response = await w.clients.huaxinStaff.post(`/api/needs/${n.id}/transition`, bodyFor(from, to, n.version));
        expect(response.statusCode, `${from} → ${to}`).toBe(409);
        expect(response.json().error).toMatchObject({ code: 'invalid_transition', details: { allowed } });
      }
    });
  }

  it('400: releasing a claim needs a reason; a claim needs an organisation; republishing needs a new date', async () => {
    const claimed = await needIn('claimed');
    const release = await w.clients.huaxinTeam.post(`/api/needs/${claimed.id}/transition`, { to: 'open', version: claimed.version });
    expect(fieldsOf(release.json())).toHaveProperty('body.note');
    const released = ok<NeedOut>(await w.clients.huaxinTeam.post(`/api/needs/${claimed.id}/transition`, { to: 'open', note: '人手不足', version: claimed.version }));
    expect(released).toMatchObject({ state: 'open', claimant: null });
    expect(fieldsOf((await w.clients.huaxinTeam.post(`/api/needs/${claimed.id}/transition`, { to: 'claimed', version: released.version })).json())).toHaveProperty('body.organisationId');
    const expired = await needIn('expired');
    expect(fieldsOf((await w.clients.huaxinStaff.post(`/api/needs/${expired.id}/transition`, { to: 'open', version: expired.version })).json())).toHaveProperty('body.wantedBy');
  });

  it('403: claiming for an organisation one does not act for; the claimant cannot confirm; the community cannot fulfil for a claimant… but office staff may claim on its behalf', async () => {
    const n = await post();
    expect((await w.clients.huaxinReader.post(`/api/needs/${n.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinTeam, version: n.version })).json().error.code).toBe('forbidden');
    const byOffice = ok<NeedOut>(await w.clients.huaxinStaff.post(`/api/needs/${n.id}/transition`, { to: 'claimed', organisationId: w.orgs.huaxinLawyers, version: n.version }));
    expect(byOffice.claimant).toEqual({ id: w.orgs.huaxinLawyers, name: '华新镇律师团' });
    const fulfilled = await step(await step(await needIn('open'), 'claimed'), 'fulfilled');
    expect((await w.clients.huaxinTeam.post(`/api/needs/${fulfilled.id}/transition`, { to: 'confirmed', version: fulfilled.version })).json().error.code).toBe('forbidden');
  });

  it('400: an organisation the need is not offered to (another branch of the tree)', async () => {
    const n = await post({ divisionId: t.fixture.divisions.huaxin.id });
    const response = await w.clients.qingpuStaff.post(`/api/needs/${n.id}/transition`, { to: 'claimed', organisationId: w.orgs.zhaoxiangTeam, version: n.version });
    expect(fieldsOf(response.json())).toHaveProperty('body.organisationId');
  });

  it('notifies the community on a claim and a fulfilment, and the claimant on a confirmation', async () => {
    const confirmed = await needIn('confirmed');
    const notes = await t.handle.db.selectFrom('notifications').select(['user_id', 'kind']).where('entity', '=', 'need').where('entity_id', '=', confirmed.id).orderBy('id').execute();
    expect(notes.map((n) => [n.kind, n.user_id])).toEqual([
      ['claimed', t.fixture.users.huaxinStaff.id],
      ['fulfilled', t.fixture.users.huaxinStaff.id],
      ['completed', w.users.huaxinTeam],
    ]);
  });
});

describe('the open-needs board', () => {
  let legal: NeedOut;
  let care: NeedOut;
  let held: NeedOut;
  beforeAll(async () => {
    legal = await post({ title: '法律咨询进社区', serviceKindIds: [kinds.legal_advice], wantedBy: '2026-11-27' });
    care = await post({ title: '陪老人看病', serviceKindIds: [kinds.elderly_care] });
    held = await post({ title: '待审核的需求', publish: false });
  });

  it('shows published open needs offered to the user’s organisation, filtered by what it offers', async () => {
    const board = ok<{ items: NeedOut[] }>(await w.clients.huaxinTeam.get('/api/needs/board?pageSize=200'));
    const ids = board.items.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining([legal.id, care.id]));
    expect(ids).not.toContain(held.id);
    expect(board.items.every((n) => n.state === 'open')).toBe(true);
    const matching = ok<{ items: NeedOut[] }>(await w.clients.huaxinTeam.get(`/api/needs/board?pageSize=200&matchOrganisationId=${w.orgs.huaxinTeam}`)).items.map((n) => n.id);
    expect(matching).toContain(care.id);
    expect(matching).not.toContain(legal.id);
    const byKind = ok<{ items: NeedOut[] }>(await w.clients.huaxinTeam.get(`/api/needs/board?pageSize=200&serviceKindId=${kinds.legal_advice}`)).items.map((n) => n.id);
    expect(byKind).toContain(legal.id);
    expect(byKind).not.toContain(care.id);
    expect(ok<NeedOut>(await w.clients.huaxinTeam.get(`/api/needs/${care.id}`)).claimableFor).toEqual([{ id: w.orgs.huaxinTeam, name: '华新镇志愿服务队' }]);
  });

  it('another town’s team does not see it: not on its board, 403 by id and by list filter', async () => {
    const board = ok<{ items: NeedOut[] }>(await w.clients.zhaoxiangTeam.get('/api/needs/board?pageSize=200'));
    expect(board.items.map((n) => n.id)).not.toContain(care.id);
    expect((await w.clients.zhaoxiangTeam.get(`/api/needs/${care.id}`)).statusCode).toBe(403);
    expect((await w.clients.zhaoxiangStaff.get(`/api/needs?divisionId=${t.fixture.divisions.huaxin.id}`)).statusCode).toBe(403);
    expect((await w.clients.zhaoxiangTeam.get(`/api/needs/board?matchOrganisationId=${w.orgs.huaxinTeam}`)).statusCode).toBe(403);
  });

  it('flags an unclaimed need nearing its date (due_soon) and lists it under the flag', async () => {
    expect(ok<NeedOut>(await w.clients.huaxinStaff.get(`/api/needs/${legal.id}`)).dateFlag).toBe('due_soon');
    const flagged = ok<{ items: NeedOut[] }>(await w.clients.huaxinStaff.get('/api/needs?flag=due_soon&pageSize=200')).items.map((n) => n.id);
    expect(flagged).toEqual([legal.id]);
    t.clock.set('2026-11-28T02:00:00.000Z');
    // Three days on, the other sessions are idle-expired: sign in afresh for this look.
    const later = await t.signIn('huaxin.staff');
    expect(ok<NeedOut>(await later.get(`/api/needs/${legal.id}`)).dateFlag).toBe('past_due');
    t.clock.set('2026-11-25T02:00:00.000Z');
  });

  it('matches a need to resources offering its services; a held wish is published by the community', async () => {
    const matches = ok<Array<{ name: string; matched: number }>>(await w.clients.huaxinStaff.get(`/api/needs/${care.id}/matches`));
    expect(matches).toEqual([expect.objectContaining({ name: '华新镇志愿者小分队', matched: 1 })]);
    expect((await w.clients.huaxinTeam.post(`/api/needs/${held.id}/publish`, { version: held.version })).statusCode).toBe(403);
    const published = ok<NeedOut>(await w.clients.huaxinStaff.post(`/api/needs/${held.id}/publish`, { version: held.version }));
    expect(published.published).toBe(true);
    expect((await w.clients.huaxinStaff.post(`/api/needs/${held.id}/publish`, { version: published.version })).statusCode).toBe(409);
  });

  it('a district need claimed by another town’s team stays visible to that team', async () => {
    const district = await post({ divisionId: t.fixture.divisions.qingpu.id, title: '区级需求' }, w.clients.qingpuStaff);
    ok(await w.clients.zhaoxiangTeam.post(`/api/needs/${district.id}/transition`, { to: 'claimed', organisationId: w.orgs.zhaoxiangTeam, version: district.version }));
    const mine = ok<{ items: NeedOut[] }>(await w.clients.zhaoxiangTeam.get('/api/needs?pageSize=200')).items.map((n) => n.id);
    expect(mine).toContain(district.id);
  });
});
