import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addEntry, addOrganisation, addUser, createCompetition, setPhase } from './judging.fixture.ts';

/** Entries from the project list and typed entries; raters coming and going; settings once scored; median. */
let t: TestApp;
let jinshan: TestClient;
let competitionId: number;
let projectId: number;
let platform: number;
const users: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  jinshan = await t.signIn('jinshan.admin');
  const district = t.fixture.divisions.jinshan.id;
  platform = await addOrganisation(t, '金山区两新组织统战服务平台', district, 'service_centre');
  const row = await t.handle.db
    .insertInto('projects')
    .values({ division_id: district, title: '两新组织法律服务进园区', goal: null, responsible_organisation_id: platform, responsible_person_id: null, brand_id: null, start_date: null, end_date: null, status: 'active', created_by: null, archived_at: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  projectId = row.id;
  for (const name of ['m1', 'm2', 'm3', 'platform.rep']) users[name] = await addUser(t, name, district);
  competitionId = (await createCompetition(jinshan, district, { voteGroupId: null })).id;
});
afterAll(async () => t.close());

describe('entries', () => {
  it('201: an entry from the project list takes the project’s title and responsible unit; its unit is barred from scoring it', async () => {
    const response = await jinshan.post(`/api/competitions/${competitionId}/entries`, { projectId });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: '001', projectId, projectTitle: '两新组织法律服务进园区', title: '两新组织法律服务进园区', organisationId: platform, organisationName: '金山区两新组织统战服务平台' });
    await jinshan.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: users['platform.rep'], groupId: 'reps', organisationId: platform }] });
    await setPhase(jinshan, competitionId, 'review', true);
    const rep = await t.signIn('platform.rep');
    const refused = await rep.put(`/api/competitions/${competitionId}/review/entries/${response.json().id}`, { scores: { innovation: 40, effect: 60 } });
    expect(refused.statusCode).toBe(403);
    await setPhase(jinshan, competitionId, 'review', false);
  });

  it('409: the same project twice, or a code already used', async () => {
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries`, { projectId })).statusCode).toBe(409);
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries`, { title: '另一个', code: '001' })).json().error.code).toBe('duplicate');
  });

  it('400: a typed entry needs a title; unknown project or organisation; a code with spaces; an over-long summary', async () => {
    const response = await jinshan.post(`/api/competitions/${competitionId}/entries`, { summary: 'x'.repeat(4001), code: 'A 1' });
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.code', 'body.summary', 'body.title']);
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries`, { summary: 'x' })).json().error.fields[0].path).toBe('body.title');
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries`, { projectId: 99999 })).json().error.fields[0].path).toBe('body.projectId');
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries`, { title: 'x', organisationId: 99999 })).json().error.fields[0].path).toBe('body.organisationId');
  });

  it('200: a typed entry is edited with its version, withdrawn (out of the list) and restored', async () => {
    const entry = await addEntry(jinshan, competitionId, { title: '手填项目', organisationName: '某协会' });
    const edited = await jinshan.patch(`/api/competitions/${competitionId}/entries/${entry.id}`, { summary: '摘要', version: entry.version });
    expect(edited.json()).toMatchObject({ summary: '摘要', organisationName: '某协会' });
    expect((await jinshan.patch(`/api/competitions/${competitionId}/entries/${entry.id}`, { summary: 'x', version: entry.version })).statusCode).toBe(409);
    const withdrawn = await jinshan.post(`/api/competitions/${competitionId}/entries/${entry.id}/withdraw`, { version: edited.json().version });
    expect(withdrawn.json().withdrawn).toBe(true);
    expect((await jinshan.get(`/api/competitions/${competitionId}/entries`)).json().map((e: { id: number }) => e.id)).not.toContain(entry.id);
    expect((await jinshan.get(`/api/competitions/${competitionId}/entries?withdrawn=true`)).json().map((e: { id: number }) => e.id)).toContain(entry.id);
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries/${entry.id}/restore`, { version: withdrawn.json().version })).json().withdrawn).toBe(false);
    expect((await jinshan.patch(`/api/competitions/${competitionId}/entries/99999`, { summary: 'x', version: 1 })).statusCode).toBe(404);
  });
});

describe('raters, settings and the median', () => {
  it('204 then 409: a rater who has not reviewed can be removed; one who has cannot; a group with raters cannot go', async () => {
    const median = await createCompetition(jinshan, t.fixture.divisions.jinshan.id, {
      title: '中位数测试',
      voteGroupId: null,
      settings: { groups: [{ id: 'experts', weight: 1 }], dimensions: [{ id: 'q', maxScore: 100 }], aggregate: 'mean', minReviews: 1 },
    });
    const entry = await addEntry(jinshan, median.id, { title: 'A' });
    const added = (await jinshan.post(`/api/competitions/${median.id}/raters`, { raters: ['m1', 'm2', 'm3'].map((u) => ({ userId: users[u], groupId: 'experts' })) })).json();
    await setPhase(jinshan, median.id, 'review', true);
    const scores = { m1: 60, m2: 70, m3: 100 };
    for (const [name, q] of Object.entries(scores)) await (await t.signIn(name)).put(`/api/competitions/${median.id}/review/entries/${entry.id}`, { scores: { q } });
    const mean = (await jinshan.get(`/api/competitions/${median.id}/results`)).json().entries[0];
    // Shown at the competition's precision (2), exact: 230 ÷ 3 = 76.666…
    expect(mean.groups[0].figure).toBe(76.67);

    // The aggregate may change after scoring; the dimensions may not.
    let current = (await jinshan.get(`/api/competitions/${median.id}`)).json();
    const toMedian = await jinshan.patch(`/api/competitions/${median.id}`, { settings: { ...current.settings, aggregate: 'median' }, version: current.version });
    expect(toMedian.statusCode).toBe(200);
    expect((await jinshan.get(`/api/competitions/${median.id}/results`)).json().entries[0]).toMatchObject({ total: 70, spread: 40, reviewCount: 3 });
    current = toMedian.json();
    const frozen = await jinshan.patch(`/api/competitions/${median.id}`, { settings: { ...current.settings, dimensions: [{ id: 'q', maxScore: 10 }] }, version: current.version });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.details).toEqual({ reason: 'reviews_exist' });
    const orphan = await jinshan.patch(`/api/competitions/${median.id}`, { settings: { ...current.settings, groups: [{ id: 'others', weight: 1 }] }, version: current.version });
    expect(orphan.json().error.fields[0].path).toBe('body.settings.groups');

    const reviewed = added.find((r: { username: string }) => r.username === 'm1');
    expect((await jinshan.delete(`/api/competitions/${median.id}/raters/${reviewed.id}`)).statusCode).toBe(409);
    const extra = (await jinshan.post(`/api/competitions/${median.id}/raters`, { raters: [{ userId: users['platform.rep'], groupId: 'experts' }] })).json();
    const fresh = extra.find((r: { username: string }) => r.username === 'platform.rep');
    expect((await jinshan.delete(`/api/competitions/${median.id}/raters/${fresh.id}`)).statusCode).toBe(204);
    expect((await jinshan.delete(`/api/competitions/${median.id}/raters/${fresh.id}`)).statusCode).toBe(404);
  });
});
