import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addEntry, addOrganisation, addUser, createCompetition, setPhase } from './judging.fixture.ts';

/**
 * A hand-built competition scored through the API. Groups: experts 0.5, reps 0.3, public 0.2 (no
 * votes here, so it is missing and the others are normalised); dimensions innovation /40, effect
 * /60, recommend (independent). Raters: ex1 (experts, organisation A), ex2 (experts), rep1 (reps,
 * organisation B). Expected totals are worked out by hand in the results test.
 */
let t: TestApp;
let jinshan: TestClient;
let ex1: TestClient;
let ex2: TestClient;
let rep1: TestClient;
let competitionId: number;
const e: Record<'E1' | 'E2' | 'E3' | 'E4', number> = { E1: 0, E2: 0, E3: 0, E4: 0 };
const users: Record<string, number> = {};
const raters: Record<string, number> = {};
let orgA: number;
let orgB: number;

const path = (entry: number, suffix = '') => `/api/competitions/${competitionId}/review/entries/${entry}${suffix}`;
const score = (client: TestClient, entry: number, scores: Record<string, number>, version?: number) => client.put(path(entry), { scores, ...(version ? { version } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  const district = t.fixture.divisions.jinshan.id;
  jinshan = await t.signIn('jinshan.admin');
  orgA = await addOrganisation(t, '金山甲公司', district);
  orgB = await addOrganisation(t, '金山乙协会', district, 'new_org');
  const orgC = await addOrganisation(t, '金山丙社区', district, 'community');
  for (const name of ['ex1', 'ex2', 'rep1']) users[name] = await addUser(t, name, district);
  users.outsider = await addUser(t, 'qp.expert', t.fixture.divisions.qingpu.id);
  [ex1, ex2, rep1] = await Promise.all([t.signIn('ex1'), t.signIn('ex2'), t.signIn('rep1')]);
  competitionId = (await createCompetition(jinshan, district)).id;
  e.E1 = (await addEntry(jinshan, competitionId, { title: '项目一', organisationId: orgA })).id;
  e.E2 = (await addEntry(jinshan, competitionId, { title: '项目二', organisationId: orgB })).id;
  e.E3 = (await addEntry(jinshan, competitionId, { title: '项目三', organisationId: orgC, summary: '三' })).id;
  e.E4 = (await addEntry(jinshan, competitionId, { title: '项目四', organisationName: '某社区（未登记）' })).id;
});
afterAll(async () => t.close());

describe('raters and assignments', () => {
  it('201: raters join groups with their organisation (for the conflict bar)', async () => {
    const response = await jinshan.post(`/api/competitions/${competitionId}/raters`, {
      raters: [
        { userId: users.ex1, groupId: 'experts', organisationId: orgA },
        { userId: users.ex2, groupId: 'experts' },
        { userId: users.rep1, groupId: 'reps', organisationId: orgB },
      ],
    });
    expect(response.statusCode).toBe(201);
    for (const r of response.json()) raters[r.username] = r.id;
    expect(response.json().map((r: { username: string; groupId: string; organisationName: string | null }) => [r.username, r.groupId, r.organisationName])).toEqual([
      ['ex1', 'experts', '金山甲公司'],
      ['ex2', 'experts', null],
      ['rep1', 'reps', '金山乙协会'],
    ]);
  });

  it('400: an unknown group, a user outside the organiser’s subtree; 409: the same user twice', async () => {
    const unknown = await jinshan.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: users.ex1, groupId: 'judges' }] });
    expect(unknown.json().error.fields[0].path).toBe('body.raters.0.groupId');
    const outside = await jinshan.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: users.outsider, groupId: 'experts' }] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].path).toBe('body.raters.0.userId');
    expect((await jinshan.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: users.ex2, groupId: 'reps' }] })).statusCode).toBe(409);
  });

  it('200: by rule every rater gets every entry except their own organisation’s (skipped as conflicts); repeats are "exists"', async () => {
    const response = await jinshan.post(`/api/competitions/${competitionId}/assignments`, { mode: 'rule' });
    expect(response.statusCode).toBe(200);
    expect(response.json().created).toBe(10);
    expect(response.json().skipped).toEqual(
      expect.arrayContaining([
        { raterId: raters.ex1, entryId: e.E1, row: null, reason: 'conflict' },
        { raterId: raters.rep1, entryId: e.E2, row: null, reason: 'conflict' },
      ]),
    );
    const again = await jinshan.post(`/api/competitions/${competitionId}/assignments`, { mode: 'pairs', pairs: [{ raterId: raters.ex2, entryId: e.E1 }, { raterId: raters.ex1, entryId: e.E1 }] });
    expect(again.json()).toEqual({ created: 0, skipped: [{ raterId: raters.ex1, entryId: e.E1, row: null, reason: 'conflict' }, { raterId: raters.ex2, entryId: e.E1, row: null, reason: 'exists' }] });
    const list = await jinshan.post(`/api/competitions/${competitionId}/assignments`, { mode: 'list', rows: [{ username: 'nobody', entryCode: '001' }, { username: 'ex2', entryCode: '999' }] });
    expect(list.json().skipped.map((s: { row: number; reason: string }) => [s.row, s.reason])).toEqual([[1, 'unknown_rater'], [2, 'unknown_entry']]);
    expect((await jinshan.get(`/api/competitions/${competitionId}/assignments`)).json()).toHaveLength(10);
  });
});

describe('scoring rules', () => {
  it('409: no scoring outside the review phase', async () => {
    const response = await ex2.put(path(e.E1), { scores: { innovation: 35, effect: 55 } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'invalid_transition', details: { reason: 'phase_closed', phase: 'review' } });
  });

  it('403: the API bars a rater from their own organisation’s entry (read and write), whatever the UI shows', async () => {
    await setPhase(jinshan, competitionId, 'review', true);
    const write = await score(ex1, e.E1, { innovation: 40, effect: 60 });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.details).toEqual({ reason: 'conflict_of_interest' });
    expect((await ex1.get(path(e.E1))).statusCode).toBe(403);
    expect((await ex1.post(path(e.E1, '/abstain'), { reason: '本单位项目' })).statusCode).toBe(403);
  });

  it('200: a rater sees progress 0 / 3 and the entries they may review; "next" is an entry with the fewest reviews', async () => {
    const view = (await ex1.get(`/api/competitions/${competitionId}/review`)).json();
    expect(view.progress).toEqual({ done: 0, total: 3 });
    expect(view.entries.map((x: { id: number }) => x.id)).toEqual([e.E2, e.E3, e.E4]);
    expect([e.E2, e.E3, e.E4]).toContain(view.nextEntryId);
  });

  it('400: unknown dimension, a score above its maximum, a counted dimension left out, a negative or non-number score', async () => {
    const response = await score(ex1, e.E2, { innovation: 41, speed: 3 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.scores.effect', 'body.scores.innovation', 'body.scores.speed']);
    expect((await ex1.put(path(e.E2), { scores: { innovation: -1, effect: 'x' } })).statusCode).toBe(400);
    expect((await ex1.put(path(e.E2), {})).statusCode).toBe(400);
  });

  it('200: save and next — the answer names the next entry and the progress; abstaining needs a reason', async () => {
    const saved = await score(ex1, e.E2, { innovation: 30, effect: 50, recommend: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'scored', myReview: { sum: 80 }, progress: { done: 1, total: 3 } });
    expect(saved.json().nextEntryId).not.toBe(e.E2);
    expect((await score(ex1, e.E3, { innovation: 20, effect: 40, recommend: 0 })).statusCode).toBe(200);
    expect((await ex1.post(path(e.E4, '/abstain'), { reason: '' })).statusCode).toBe(400);
    const abstained = await ex1.post(path(e.E4, '/abstain'), { reason: '与申报人有亲属关系' });
    expect(abstained.json()).toMatchObject({ status: 'abstained', nextEntryId: null, progress: { done: 3, total: 3 } });
    expect((await auditRows(t.handle, 'competition.abstain'))[0]).toMatchObject({ entity_id: String(e.E4) });
  });

  it('409: changing a saved review needs its version; 200 with it', async () => {
    expect((await score(ex1, e.E2, { innovation: 30, effect: 50, recommend: 1 })).statusCode).toBe(409);
    const current = (await ex1.get(path(e.E2))).json();
    expect((await score(ex1, e.E2, { innovation: 30, effect: 50, recommend: 1 }, current.myReview.version)).statusCode).toBe(200);
  });

  it('200: other raters’ scores are omitted when hidden, and shown by group only (no names) when the phase allows', async () => {
    await score(ex2, e.E2, { innovation: 20, effect: 40 });
    const hidden = (await ex2.get(path(e.E2))).json();
    expect(hidden).not.toHaveProperty('others');
    expect(JSON.stringify(hidden)).not.toContain('"sum":80');
    const phase = (await jinshan.get(`/api/competitions/${competitionId}`)).json().phases[1];
    await jinshan.patch(`/api/competitions/${competitionId}/phases/review`, { showOtherScores: true, hideAuthors: true, version: phase.version });
    const shown = (await ex2.get(path(e.E2))).json();
    expect(shown.others).toEqual([{ groupId: 'experts', scores: { innovation: 30, effect: 50, recommend: 1 }, sum: 80, abstained: false }]);
    expect(JSON.stringify(shown)).not.toContain('ex1');
    expect(shown.organisationName).toBeNull();
    const again = (await jinshan.get(`/api/competitions/${competitionId}`)).json().phases[1];
    await jinshan.patch(`/api/competitions/${competitionId}/phases/review`, { showOtherScores: false, hideAuthors: false, version: again.version });
    expect((await ex2.get(path(e.E2))).json()).not.toHaveProperty('others');
  });

  it('403: when raters see only assigned entries, an unassigned entry is neither listed nor scorable', async () => {
    await jinshan.post(`/api/competitions/${competitionId}/assignments/remove`, { pairs: [{ raterId: raters.ex2, entryId: e.E4 }] });
    const phase = (await jinshan.get(`/api/competitions/${competitionId}`)).json().phases[1];
    await jinshan.patch(`/api/competitions/${competitionId}/phases/review`, { raterVisibility: 'assigned', version: phase.version });
    const view = (await ex2.get(`/api/competitions/${competitionId}/review`)).json();
    expect(view.entries.map((x: { id: number }) => x.id)).not.toContain(e.E4);
    const refused = await score(ex2, e.E4, { innovation: 10, effect: 10 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toEqual({ reason: 'not_assigned' });
    await jinshan.post(`/api/competitions/${competitionId}/assignments`, { mode: 'pairs', pairs: [{ raterId: raters.ex2, entryId: e.E4 }] });
    expect((await score(ex2, e.E4, { innovation: 10, effect: 10 })).statusCode).toBe(200);
  });

  it('403: someone who is not a rater cannot open the rater page; 401 without a session', async () => {
    const huaxin = await t.signIn('huaxin.staff');
    expect((await huaxin.get(`/api/competitions/${competitionId}/review`)).json().error.code).toBe('out_of_scope');
    expect((await jinshan.get(`/api/competitions/${competitionId}/review`)).json().error).toMatchObject({ code: 'forbidden', details: { reason: 'not_a_rater' } });
    expect((await t.anonymous().get(`/api/competitions/${competitionId}/review`)).statusCode).toBe(401);
  });

  it('200: a rater from another district (added by a system admin) reviews by assignment, but cannot see results', async () => {
    const admin = await t.signIn('admin');
    expect((await admin.post(`/api/competitions/${competitionId}/raters`, { raters: [{ userId: users.outsider, groupId: 'reps' }] })).statusCode).toBe(201);
    const outsider = await t.signIn('qp.expert');
    expect((await outsider.get(`/api/competitions/reviewing`)).json()).toEqual([
      { competitionId, title: '创新项目评审', divisionName: '金山区', groupId: 'reps', reviewOpen: true, progress: { done: 0, total: 0 } },
    ]);
    expect((await outsider.get(`/api/competitions/${competitionId}`)).json().allowed).toEqual(['review']);
    expect((await outsider.get(`/api/competitions/${competitionId}/results`)).statusCode).toBe(403);
  });
});

describe('results', () => {
  it('200: weighted totals, group figures, spread, counts, too-few flags, independent dimension, ranks and proposed awards', async () => {
    await score(ex2, e.E1, { innovation: 35, effect: 55, recommend: 1 });
    await score(ex2, e.E3, { innovation: 30, effect: 30 });
    await score(rep1, e.E1, { innovation: 30, effect: 40 });
    await score(rep1, e.E3, { innovation: 40, effect: 60 });
    await score(rep1, e.E4, { innovation: 20, effect: 30 });
    const response = await jinshan.get(`/api/competitions/${competitionId}/results`);
    expect(response.statusCode).toBe(200);
    const results = response.json();
    expect(results).toMatchObject({ maxTotal: 100, aggregate: 'mean', minReviews: 3, tieRule: [{ by: 'total' }, { by: 'group', groupId: 'experts' }, { by: 'review_count' }, { by: 'shared_place' }] });
    const row = (id: number) => results.entries.find((x: { entryId: number }) => x.entryId === id);
    // E1: experts 90, reps 70, public missing → (0.5×90 + 0.3×70) / 0.8 = 82.5
    expect(row(e.E1).total).toBe(82.5);
    expect(row(e.E1).groups.map((g: { figure: number | null }) => g.figure)).toEqual([90, 70, null]);
    expect(row(e.E1).missingGroups).toEqual(['public']);
    // E2: experts mean(80, 60) = 70 only (rep1 is barred) → 70
    expect(row(e.E2).total).toBe(70);
    // E3: experts mean(60, 60) = 60, reps 100 → (30 + 30) / 0.8 = 75; spread 100 − 60
    expect(row(e.E3)).toMatchObject({ reviewCount: 3, tooFewReviews: false, spread: 40, independent: { recommend: 0 } });
    expect(row(e.E3).total).toBe(75);
    // E4: experts 20 (ex1 abstained), reps 50 → (10 + 15) / 0.8 = 31.25
    expect(row(e.E4)).toMatchObject({ abstentions: 1, reviewCount: 2, tooFewReviews: true, independent: { recommend: null } });
    expect(row(e.E4).total).toBe(31.25);
    expect(results.entries.map((x: { entryId: number; rank: number; award: string | null }) => [x.entryId, x.rank, x.award])).toEqual([
      [e.E1, 1, 'first'],
      [e.E3, 2, 'second'],
      [e.E2, 3, 'second'],
      [e.E4, 4, null],
    ]);
    expect(row(e.E2).tooFewReviews).toBe(true);
  });
});

describe('decision and publication', () => {
  it('404: the public result does not exist before publication', async () => {
    expect((await t.anonymous().get(`/api/public/competitions/${competitionId}/result`)).statusCode).toBe(404);
  });

  it('200: a draft decision follows the award bands; the committee adjusts it; 400 for an unknown award', async () => {
    const draft = await jinshan.post(`/api/competitions/${competitionId}/decision`, { note: '经评审委员会审议' });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().awards.map((a: { entryId: number; awardId: string }) => [a.entryId, a.awardId])).toEqual([[e.E1, 'first'], [e.E3, 'second'], [e.E2, 'second']]);
    const bad = await jinshan.put(`/api/competitions/${competitionId}/decision`, { awards: [{ entryId: e.E1, awardId: 'gold' }], version: draft.json().version });
    expect(bad.json().error.fields[0].path).toBe('body.awards.0.awardId');
    const edited = await jinshan.put(`/api/competitions/${competitionId}/decision`, { awards: [{ entryId: e.E1, awardId: 'first' }, { entryId: e.E3, awardId: 'second' }], version: draft.json().version });
    expect(edited.json()).toMatchObject({ status: 'draft', awards: [{ entryId: e.E1, awardName: '一等奖' }, { entryId: e.E3, awardName: '二等奖' }] });
  });

  it('409: publishing while the review phase is open; 200 in one step once closed; the public sees only what was published', async () => {
    let decision = (await jinshan.get(`/api/competitions/${competitionId}/decision`)).json();
    const early = await jinshan.post(`/api/competitions/${competitionId}/decision/publish`, { version: decision.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toEqual({ reason: 'phase_open', phase: 'review' });
    await setPhase(jinshan, competitionId, 'review', false);
    decision = (await jinshan.get(`/api/competitions/${competitionId}/decision`)).json();
    const published = await jinshan.post(`/api/competitions/${competitionId}/decision/publish`, { version: decision.version });
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    const detail = (await jinshan.get(`/api/competitions/${competitionId}`)).json();
    expect(detail).toMatchObject({ published: true, currentPhase: 'published' });
    const result = await t.anonymous().get(`/api/public/competitions/${competitionId}/result`);
    expect(result.statusCode).toBe(200);
    expect(result.json()).toMatchObject({
      title: '创新项目评审',
      divisionName: '金山区',
      note: '经评审委员会审议',
      awards: [
        { awardId: 'first', name: '一等奖', entries: [{ title: '项目一', organisationName: '金山甲公司', rank: 1, total: 82.5 }] },
        { awardId: 'second', name: '二等奖', entries: [{ title: '项目三', rank: 2, total: 75 }] },
      ],
      ranking: null,
    });
    expect(JSON.stringify(result.json())).not.toContain('项目二');
    const list = (await t.anonymous().get('/api/public/competitions')).json();
    expect(list).toEqual([expect.objectContaining({ id: competitionId, published: true, voteOpen: false })]);
  });

  it('409: after publication nothing changes — entries, phases, decisions, scores', async () => {
    expect((await jinshan.post(`/api/competitions/${competitionId}/entries`, { title: '迟到的项目' })).statusCode).toBe(409);
    expect((await jinshan.post(`/api/competitions/${competitionId}/decision`, {})).statusCode).toBe(409);
    expect((await jinshan.post(`/api/competitions/${competitionId}/phases/review/open`, { version: 99 })).statusCode).toBe(409);
    expect((await score(ex2, e.E2, { innovation: 1, effect: 1 }, 1)).statusCode).toBe(409);
  });
});

describe('ties', () => {
  it('200: equal totals are split by the experts’ figure, and both are flagged as tied on the total', async () => {
    const tie = await createCompetition(jinshan, t.fixture.divisions.jinshan.id, {
      title: '并列测试',
      voteGroupId: null,
      settings: {
        groups: [{ id: 'experts', weight: 1 }, { id: 'reps', weight: 1 }],
        dimensions: [{ id: 'q', maxScore: 100 }],
        minReviews: 1,
        tieBreakGroupIds: ['experts'],
      },
    });
    const a = await addEntry(jinshan, tie.id, { title: 'A' });
    const b = await addEntry(jinshan, tie.id, { title: 'B' });
    await jinshan.post(`/api/competitions/${tie.id}/raters`, { raters: [{ userId: users.ex1, groupId: 'experts' }, { userId: users.rep1, groupId: 'reps' }] });
    await setPhase(jinshan, tie.id, 'review', true);
    const put = (client: TestClient, entry: number, q: number) => client.put(`/api/competitions/${tie.id}/review/entries/${entry}`, { scores: { q } });
    await put(ex1, a.id, 60);
    await put(rep1, a.id, 80);
    await put(ex1, b.id, 80);
    await put(rep1, b.id, 60);
    const results = (await jinshan.get(`/api/competitions/${tie.id}/results`)).json();
    expect(results.entries.map((x: { entryId: number; total: number; rank: number; tiedOnTotal: boolean }) => [x.entryId, x.total, x.rank, x.tiedOnTotal])).toEqual([
      [b.id, 70, 1, true],
      [a.id, 70, 2, true],
    ]);
  });
});
