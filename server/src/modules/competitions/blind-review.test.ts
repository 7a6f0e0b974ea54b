import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addEntry, addOrganisation, addUser, createCompetition, setPhase } from './judging.fixture.ts';

/**
 * Blind review and the public vote side by side (docs/blind-review.md): while the review phase
 * hides applicants and nothing is published, no page a rater can open names them — not the entry
 * list, not the public vote page (which anyone, raters too, opens signed out).
 */
let t: TestApp;
let jinshan: TestClient;
let rater: TestClient;
let competitionId: number;
const names = () => ['金山盲评甲公司', '金山盲评乙协会'];

const phaseVersion = async (kind: string) =>
  ((await jinshan.get(`/api/competitions/${competitionId}`)).json() as { phases: Array<{ kind: string; version: number }> }).phases.find((p) => p.kind === kind)!.version;
const setBlind = async (hideAuthors: boolean) => {
  const response = await jinshan.patch(`/api/competitions/${competitionId}/phases/review`, { hideAuthors, version: await phaseVersion('review') });
  expect(response.statusCode).toBe(200);
};
const entryNames = async (client: TestClient) =>
  ((await client.get(`/api/competitions/${competitionId}/entries`)).json() as Array<{ organisationName: string | null; organisationId: number | null }>).map((e) => e.organisationName);
const publicNames = async () =>
  ((await t.anonymous().get(`/api/public/competitions/${competitionId}`)).json() as { entries: Array<{ organisationName: string | null }> }).entries.map((e) => e.organisationName);

beforeAll(async () => {
  t = await createTestApp();
  const district = t.fixture.divisions.jinshan.id;
  jinshan = await t.signIn('jinshan.admin');
  const [a, b] = [await addOrganisation(t, names()[0]!, district), await addOrganisation(t, names()[1]!, district, 'new_org')];
  await addUser(t, 'blind.rater', district);
  rater = await t.signIn('blind.rater');
  competitionId = (await createCompetition(jinshan, district)).id;
  await addEntry(jinshan, competitionId, { title: '项目一', organisationId: a });
  await addEntry(jinshan, competitionId, { title: '项目二', organisationId: b });
  const users = (await jinshan.get('/api/users?q=blind.rater')).json() as { items: Array<{ id: number; username: string }> };
  const userId = users.items.find((u) => u.username === 'blind.rater')!.id;
  expect((await jinshan.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId, groupId: 'experts' }] })).statusCode).toBe(201);
  await setPhase(jinshan, competitionId, 'public_vote', true);
  await setPhase(jinshan, competitionId, 'review', true);
});
afterAll(async () => t.close());

describe('blind review', () => {
  it('200: before the review is made blind, the entry list and the public vote page name both applicants', async () => {
    expect(await entryNames(rater)).toEqual(names());
    expect(await publicNames()).toEqual(names());
  });

  it('200: while the review is blind, the rater’s entry list names nobody (nor the linked project), the organiser still sees the names', async () => {
    await setBlind(true);
    const list = (await rater.get(`/api/competitions/${competitionId}/entries`)).json() as Array<Record<string, unknown>>;
    expect(list.length).toBe(2);
    for (const entry of list) expect([entry.organisationId, entry.organisationName, entry.projectId, entry.projectTitle]).toEqual([null, null, null, null]);
    expect(await entryNames(jinshan)).toEqual(names());
  });

  it('200: while the review is blind, the public vote page names nobody, although the vote phase itself does not hide them', async () => {
    const competition = (await jinshan.get(`/api/competitions/${competitionId}`)).json() as { phases: Array<{ kind: string; hideAuthors: boolean }> };
    expect(competition.phases.find((p) => p.kind === 'public_vote')!.hideAuthors).toBe(false);
    expect(await publicNames()).toEqual([null, null]);
  });

  it('200: an organiser who is also a rater of the blind review sees no names either', async () => {
    const me = (await jinshan.get('/api/auth/me')).json() as { userId: number };
    expect((await jinshan.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: me.userId, groupId: 'reps' }] })).statusCode).toBe(201);
    expect(await entryNames(jinshan)).toEqual([null, null]);
  });

  it('200: once the review is no longer blind, the names come back on both', async () => {
    await setBlind(false);
    expect(await entryNames(rater)).toEqual(names());
    expect(await publicNames()).toEqual(names());
  });
});
