import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addUser, createCompetition, standardSettings } from './judging.fixture.ts';

let t: TestApp;
let admin: TestClient;
let jinshan: TestClient;
let qingpuAdmin: TestClient;
let huaxin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  jinshan = await t.signIn('jinshan.admin');
  qingpuAdmin = await t.signIn('qingpu.admin');
  huaxin = await t.signIn('huaxin.staff');
});
afterAll(async () => t.close());

describe('POST /api/competitions', () => {
  it('201: a district admin creates a competition; five closed phases, settings with defaults, audited', async () => {
    const response = await jinshan.post('/api/competitions', { divisionId: t.fixture.divisions.jinshan.id, title: '金山区统战创新项目评审', year: 2026, settings: standardSettings, voteGroupId: 'public' });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.phases.map((p: { kind: string }) => p.kind)).toEqual(['entry', 'review', 'public_vote', 'decision', 'published']);
    expect(created.phases.every((p: { open: boolean }) => !p.open)).toBe(true);
    expect(created).toMatchObject({ currentPhase: null, published: false, voteGroupId: 'public', voteLiveCounts: false, counts: { entries: 0, raters: 0 } });
    expect(created.settings.dimensions[0]).toEqual({ id: 'innovation', name: '创新性', maxScore: 40, weight: 1, independent: false });
    expect(created.settings.precision).toBe(2);
    const [row] = await auditRows(t.handle, 'competition.create');
    expect(row).toMatchObject({ entity_id: String(created.id), division_id: t.fixture.divisions.jinshan.id });
  });

  it('400: missing title, unknown aggregate, no groups, a vote group that is not a group, an over-long title', async () => {
    const response = await jinshan.post(
      '/api/competitions',
      { divisionId: t.fixture.divisions.jinshan.id, title: '长'.repeat(121), settings: { ...standardSettings, aggregate: 'mode', groups: [] }, voteGroupId: 'nobody' },
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.settings.aggregate', 'body.settings.groups']));
    const missing = await jinshan.post('/api/competitions', { divisionId: 'x', settings: standardSettings });
    expect(missing.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.divisionId', 'body.title']);
    const badVote = await jinshan.post('/api/competitions', { divisionId: t.fixture.divisions.jinshan.id, title: 'x', settings: standardSettings, voteGroupId: 'nobody' }, { 'accept-language': 'en' });
    expect(badVote.json().error.fields).toEqual([{ path: 'body.voteGroupId', message: expect.any(String) }]);
  });

  it('403: a district admin cannot create one in another district; town staff cannot create at district level', async () => {
    expect((await qingpuAdmin.post('/api/competitions', { divisionId: t.fixture.divisions.jinshan.id, title: 'x', settings: standardSettings })).statusCode).toBe(403);
    const town = await huaxin.post('/api/competitions', { divisionId: t.fixture.divisions.qingpu.id, title: 'x', settings: standardSettings });
    expect(town.statusCode).toBe(403);
    expect(town.json().error.code).toBe('out_of_scope');
  });

  it('401: without a session', async () => {
    expect((await t.anonymous().post('/api/competitions', {})).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/competitions')).statusCode).toBe(401);
  });
});

describe('GET /api/competitions and /:id (scope)', () => {
  it('200: lists only the subtree, whatever the filter asks; 403 for a division filter outside it', async () => {
    const huaxinOwn = await createCompetition(huaxin, t.fixture.divisions.huaxin.id, { title: '华新镇项目评审' });
    const list = await qingpuAdmin.get('/api/competitions');
    expect(list.json().items.map((c: { id: number }) => c.id)).toContain(huaxinOwn.id);
    expect(list.json().items.every((c: { divisionName: string }) => c.divisionName !== '金山区')).toBe(true);
    expect((await huaxin.get(`/api/competitions?divisionId=${t.fixture.divisions.jinshan.id}`)).statusCode).toBe(403);
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    expect((await zhaoxiang.get('/api/competitions')).json().total).toBe(0);
  });

  it('403: a town user cannot read or change another town’s competition by id; 404 unknown; 400 bad id', async () => {
    const own = await createCompetition(huaxin, t.fixture.divisions.huaxin.id);
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    expect((await zhaoxiang.get(`/api/competitions/${own.id}`)).statusCode).toBe(403);
    expect((await zhaoxiang.patch(`/api/competitions/${own.id}`, { title: 'x', version: own.version })).statusCode).toBe(403);
    expect((await zhaoxiang.get(`/api/competitions/${own.id}/entries`)).statusCode).toBe(403);
    expect((await zhaoxiang.get(`/api/competitions/${own.id}/results`)).statusCode).toBe(403);
    expect((await admin.get('/api/competitions/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/competitions/abc')).statusCode).toBe(400);
  });

  it('200: the detail names the allowed actions', async () => {
    const own = await createCompetition(jinshan, t.fixture.divisions.jinshan.id);
    const detail = await jinshan.get(`/api/competitions/${own.id}`);
    expect(detail.json()).toMatchObject({ allowed: ['read', 'manage'], myRater: null });
  });
});

describe('PATCH /api/competitions/:id and phases', () => {
  it('200 then 409: stale versions are refused', async () => {
    const own = await createCompetition(jinshan, t.fixture.divisions.jinshan.id);
    const first = await jinshan.patch(`/api/competitions/${own.id}`, { title: '新名称', voteLiveCounts: true, version: own.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ title: '新名称', voteLiveCounts: true, version: own.version + 1 });
    const second = await jinshan.patch(`/api/competitions/${own.id}`, { title: '又一个', version: own.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
  });

  it('200: a phase opens by date (from opensAt, until closesAt) and by hand; new dates clear a hand closing', async () => {
    const own = await createCompetition(jinshan, t.fixture.divisions.jinshan.id);
    const review = own.phases.find((p) => p.kind === 'review')!;
    const dated = await jinshan.patch(`/api/competitions/${own.id}/phases/review`, {
      opensAt: '2026-11-25T09:00:00+08:00',
      closesAt: '2026-11-30T00:00:00Z',
      raterVisibility: 'assigned',
      showOtherScores: true,
      version: review.version,
    });
    expect(dated.statusCode).toBe(200);
    const phase = () => dated.json().phases.find((p: { kind: string }) => p.kind === 'review');
    expect(phase()).toMatchObject({ opensAt: '2026-11-25T01:00:00.000Z', closesAt: '2026-11-30T00:00:00.000Z', open: true, raterVisibility: 'assigned', showOtherScores: true });
    expect(dated.json().currentPhase).toBe('review');
    const closed = await jinshan.post(`/api/competitions/${own.id}/phases/review/close`, { version: phase().version });
    expect(closed.json().phases[1]).toMatchObject({ open: false });
    const reopened = await jinshan.post(`/api/competitions/${own.id}/phases/review/open`, { version: closed.json().phases[1].version });
    expect(reopened.json().phases[1].open).toBe(true);
    const stale = await jinshan.post(`/api/competitions/${own.id}/phases/review/close`, { version: phase().version });
    expect(stale.statusCode).toBe(409);
  });

  it('400: closesAt before opensAt, an unknown phase kind, a date without offset; 409: published opens only by publishing', async () => {
    const own = await createCompetition(jinshan, t.fixture.divisions.jinshan.id);
    const bad = await jinshan.patch(`/api/competitions/${own.id}/phases/review`, { opensAt: '2026-12-02T00:00:00Z', closesAt: '2026-12-01T00:00:00Z', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.closesAt');
    expect((await jinshan.patch(`/api/competitions/${own.id}/phases/judging`, { version: 1 })).statusCode).toBe(400);
    expect((await jinshan.patch(`/api/competitions/${own.id}/phases/review`, { opensAt: '2026-12-02 08:00', version: 1 })).statusCode).toBe(400);
    const publishedPhase = await jinshan.post(`/api/competitions/${own.id}/phases/published/open`, { version: 1 });
    expect(publishedPhase.statusCode).toBe(409);
  });

  it('200: town staff manage their own town’s competition; 403: a reviewer of the town reads but cannot manage', async () => {
    const own = await createCompetition(huaxin, t.fixture.divisions.huaxin.id);
    expect((await huaxin.patch(`/api/competitions/${own.id}`, { title: '华新', version: own.version })).statusCode).toBe(200);
    await addUser(t, 'huaxin.reviewer', t.fixture.divisions.huaxin.id, ['reviewer']);
    const reviewer = await t.signIn('huaxin.reviewer');
    expect((await reviewer.get(`/api/competitions/${own.id}`)).json().allowed).toEqual(['read']);
    const refused = await reviewer.patch(`/api/competitions/${own.id}`, { title: 'x', version: own.version + 1 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
  });

  it('200: archive and unarchive; archived competitions refuse changes with 409', async () => {
    const own = await createCompetition(jinshan, t.fixture.divisions.jinshan.id);
    const archived = await jinshan.post(`/api/competitions/${own.id}/archive`, { version: own.version });
    expect(archived.json().archived).toBe(true);
    expect((await jinshan.post(`/api/competitions/${own.id}/entries`, { title: 'x' })).statusCode).toBe(409);
    expect((await jinshan.post(`/api/competitions/${own.id}/unarchive`, { version: archived.json().version })).json().archived).toBe(false);
    expect((await jinshan.get('/api/competitions?archived=true')).json().items.map((c: { id: number }) => c.id)).not.toContain(own.id);
  });
});
