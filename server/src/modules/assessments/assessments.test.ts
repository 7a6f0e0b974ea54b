import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { addUser } from '../competitions/judging.fixture.ts';

/**
 * A Qingpu checklist for practice bases (facilities 30, activities 40, management 30, a safety
 * deduction up to 10; 3★ from 70, 4★ from 85, 5★ from 95) assessed by two assessors.
 */
let t: TestApp;
let qingpuAdmin: TestClient;
let qingpuStaff: TestClient;
let assessor: TestClient;
let checklistId: number;
const venues = { huaxinBase: 0, zhaoxiangBase: 0, huaxinSchool: 0, jinshanBase: 0 };

const checklist = {
  title: '青浦区实践创新基地年度考核',
  venueType: 'practice_base',
  year: 2026,
  criteria: [
    { id: 'facilities', name: '阵地设施', maxPoints: 30 },
    { id: 'activities', name: '活动开展', maxPoints: 40 },
    { id: 'management', name: '制度管理', maxPoints: 30 },
    { id: 'incident', name: '安全事故', maxPoints: 10, deduction: true },
  ],
  starThresholds: [
    { stars: 3, minTotal: 70 },
    { stars: 4, minTotal: 85 },
    { stars: 5, minTotal: 95 },
  ],
};

async function addVenue(name: string, divisionId: number, type: string, level = 'provincial') {
  const row = await t.handle.db
    .insertInto('venues')
    .values({ division_id: divisionId, name, type, level, star_rating: null, address: null, hotline: null, opening_hours: null, owner_organisation_id: null, brand_id: null, is_public: 0, description: null, archived_at: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const assessmentOf = async (venueId: number) => (await qingpuAdmin.get(`/api/assessments?venueId=${venueId}`)).json().items[0];
const starsOf = async (venueId: number) => (await t.handle.db.selectFrom('venues').select(['star_rating', 'version']).where('id', '=', venueId).executeTakeFirstOrThrow());

beforeAll(async () => {
  t = await createTestApp();
  qingpuAdmin = await t.signIn('qingpu.admin');
  qingpuStaff = await t.signIn('qingpu.staff');
  await addUser(t, 'huaxin.assessor', t.fixture.divisions.huaxin.id, ['reviewer']);
  assessor = await t.signIn('huaxin.assessor');
  venues.huaxinBase = await addVenue('华新同心实践基地', t.fixture.divisions.huaxin.id, 'practice_base');
  venues.zhaoxiangBase = await addVenue('赵巷实践基地', t.fixture.divisions.zhaoxiang.id, 'practice_base', 'municipal');
  venues.huaxinSchool = await addVenue('华新教育基地', t.fixture.divisions.huaxin.id, 'education_base');
  venues.jinshanBase = await addVenue('金山实践基地', t.fixture.divisions.jinshan.id, 'practice_base');
});
afterAll(async () => t.close());

describe('checklists', () => {
  it('201: a district admin sets a checklist with criteria, a deduction and star thresholds', async () => {
    const response = await qingpuAdmin.post('/api/assessment-checklists', { divisionId: t.fixture.divisions.qingpu.id, ...checklist });
    expect(response.statusCode).toBe(201);
    checklistId = response.json().id;
    expect(response.json()).toMatchObject({ maxTotal: 100, venueType: 'practice_base', assessments: { total: 0, finalised: 0 } });
    expect(response.json().criteria[3]).toEqual({ id: 'incident', name: '安全事故', maxPoints: 10, deduction: true });
  });

  it('400: thresholds that do not rise with stars, repeated criteria, an unknown venue type, missing year', async () => {
    const response = await qingpuAdmin.post('/api/assessment-checklists', {
      divisionId: t.fixture.divisions.qingpu.id,
      ...checklist,
      venueType: 'castle',
      year: undefined,
      criteria: [checklist.criteria[0], checklist.criteria[0]],
      starThresholds: [{ stars: 3, minTotal: 90 }, { stars: 4, minTotal: 80 }],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.venueType', 'body.year']));
    const rules = await qingpuAdmin.post('/api/assessment-checklists', { divisionId: t.fixture.divisions.qingpu.id, ...checklist, criteria: [checklist.criteria[0], checklist.criteria[0]], starThresholds: [{ stars: 3, minTotal: 90 }, { stars: 4, minTotal: 80 }] });
    expect(rules.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.criteria', 'body.starThresholds']);
  });

  it('403: a town cannot set a district checklist; 401 without a session', async () => {
    const huaxin = await t.signIn('huaxin.staff');
    expect((await huaxin.post('/api/assessment-checklists', { divisionId: t.fixture.divisions.qingpu.id, ...checklist })).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/assessment-checklists')).statusCode).toBe(401);
  });
});

describe('assessments and star ratings', () => {
  it('201: opening assessments takes every practice base of the subtree (not other types, not other districts), once', async () => {
    const opened = await qingpuAdmin.post(`/api/assessment-checklists/${checklistId}/assessments`, {});
    expect(opened.json()).toEqual({ created: 2, skipped: 0 });
    expect((await qingpuAdmin.post(`/api/assessment-checklists/${checklistId}/assessments`, {})).json()).toEqual({ created: 0, skipped: 2 });
    const wrongType = await qingpuAdmin.post(`/api/assessment-checklists/${checklistId}/assessments`, { venueIds: [venues.huaxinSchool] });
    expect(wrongType.json().error.fields[0].path).toBe('body.venueIds.0');
    expect((await qingpuAdmin.post(`/api/assessment-checklists/${checklistId}/assessments`, { venueIds: [venues.jinshanBase] })).statusCode).toBe(400);
  });

  it('200: each assessor fills their own sheet; the preview combines sheets by mean per criterion', async () => {
    const id = (await assessmentOf(venues.huaxinBase)).id;
    const first = await qingpuStaff.put(`/api/assessments/${id}/sheets/mine`, { scores: { facilities: 28, activities: 36, management: 25, incident: 0 } });
    expect(first.statusCode).toBe(200);
    expect(first.json().sheets[0].total).toBe(89);
    const second = await assessor.put(`/api/assessments/${id}/sheets/mine`, { scores: { facilities: 27, activities: 38, management: 26, incident: 2 }, comment: '台账齐全' });
    // Means: 27.5 + 37 + 25.5 − 1 = 89 → 4 stars (85 ≤ 89 < 95)
    expect(second.json().preview).toEqual({ total: 89, earned: 90, deducted: 1, missing: [], stars: 4, maxTotal: 100 });
    expect(second.json().sheets.map((s: { assessorName: string }) => s.assessorName)).toEqual(['qingpu.staff', 'huaxin.assessor']);
  });

  it('400: a score above the criterion’s maximum, an unknown criterion, a negative score; 409: a changed sheet needs its version', async () => {
    const id = (await assessmentOf(venues.huaxinBase)).id;
    const bad = await assessor.put(`/api/assessments/${id}/sheets/mine`, { scores: { facilities: 31, cleanliness: 5 } }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'body.scores.facilities', message: 'Must be at most 30' },
      { path: 'body.scores.cleanliness', message: expect.any(String) },
    ]);
    expect((await assessor.put(`/api/assessments/${id}/sheets/mine`, { scores: { facilities: -1 } })).statusCode).toBe(400);
    expect((await assessor.put(`/api/assessments/${id}/sheets/mine`, { scores: { facilities: 20 } })).statusCode).toBe(409);
  });

  it('403: a reviewer assesses but cannot finalise; another town cannot read the assessment or the history', async () => {
    const assessment = await assessmentOf(venues.huaxinBase);
    const refused = await assessor.post(`/api/assessments/${assessment.id}/finalise`, { version: assessment.version });
    expect(refused.statusCode).toBe(403);
    const zhaoxiang = await t.signIn('zhaoxiang.staff');
    expect((await zhaoxiang.get(`/api/assessments/${assessment.id}`)).statusCode).toBe(403);
    expect((await zhaoxiang.get(`/api/assessments/venues/${venues.huaxinBase}/star-history`)).statusCode).toBe(403);
    expect((await zhaoxiang.get('/api/assessments')).json().items.map((a: { venue: { name: string } }) => a.venue.name)).toEqual(['赵巷实践基地']);
    expect((await zhaoxiang.put(`/api/assessments/${assessment.id}/sheets/mine`, { scores: { facilities: 1 } })).statusCode).toBe(403);
  });

  it('200: finalising applies the thresholds to the venue: 89 points → 4 stars, recorded in the history and the audit', async () => {
    const assessment = await assessmentOf(venues.huaxinBase);
    const before = await starsOf(venues.huaxinBase);
    const response = await qingpuAdmin.post(`/api/assessments/${assessment.id}/finalise`, { version: assessment.version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'final', total: 89, stars: 4, venue: { starRating: 4 } });
    expect(await starsOf(venues.huaxinBase)).toEqual({ star_rating: 4, version: before.version + 1 });
    const history = (await qingpuAdmin.get(`/api/assessments/venues/${venues.huaxinBase}/star-history`)).json();
    expect(history).toMatchObject({ starRating: 4, history: [{ stars: 4, previousStars: null, total: 89, checklistTitle: checklist.title, year: 2026, changedBy: 'qingpu.admin' }] });
    expect((await auditRows(t.handle, 'assessment.finalise'))[0]).toMatchObject({ entity_id: String(assessment.id) });
    expect((await qingpuStaff.put(`/api/assessments/${assessment.id}/sheets/mine`, { scores: { facilities: 1 }, version: 1 })).statusCode).toBe(409);
    expect((await qingpuAdmin.post(`/api/assessments/${assessment.id}/finalise`, { version: response.json().version })).statusCode).toBe(409);
  });

  it('200: a total exactly on a threshold reaches it; a reopened assessment finalised again adds to the history', async () => {
    let assessment = (await qingpuAdmin.post(`/api/assessments/${(await assessmentOf(venues.huaxinBase)).id}/reopen`, { version: (await assessmentOf(venues.huaxinBase)).version })).json();
    const mine = (client: TestClient, scores: Record<string, number>) => {
      const sheet = assessment.sheets.find((s: { assessorName: string; version: number }) => s.assessorName === (client === qingpuStaff ? 'qingpu.staff' : 'huaxin.assessor'));
      return client.put(`/api/assessments/${assessment.id}/sheets/mine`, { scores, version: sheet.version });
    };
    await mine(qingpuStaff, { facilities: 30, activities: 40, management: 25, incident: 0 });
    assessment = (await mine(assessor, { facilities: 30, activities: 40, management: 25, incident: 0 })).json();
    expect(assessment.preview).toMatchObject({ total: 95, stars: 5 });
    const final = await qingpuAdmin.post(`/api/assessments/${assessment.id}/finalise`, { version: assessment.version });
    expect(final.json().stars).toBe(5);
    const history = (await qingpuAdmin.get(`/api/assessments/venues/${venues.huaxinBase}/star-history`)).json().history;
    expect(history.map((h: { stars: number; previousStars: number | null }) => [h.stars, h.previousStars])).toEqual([[5, 4], [4, null]]);
  });

  it('409: a criterion nobody scored blocks finalising; below the lowest threshold the venue is not rated', async () => {
    const assessment = await assessmentOf(venues.zhaoxiangBase);
    await qingpuStaff.put(`/api/assessments/${assessment.id}/sheets/mine`, { scores: { facilities: 20, activities: 25 } });
    const incomplete = await qingpuAdmin.post(`/api/assessments/${assessment.id}/finalise`, { version: assessment.version });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().error.details).toEqual({ reason: 'incomplete', missing: ['management', 'incident'] });
    const filled = await qingpuStaff.put(`/api/assessments/${assessment.id}/sheets/mine`, { scores: { facilities: 20, activities: 25, management: 20, incident: 0 }, version: 1 });
    const final = await qingpuAdmin.post(`/api/assessments/${assessment.id}/finalise`, { version: filled.json().version });
    expect(final.json()).toMatchObject({ total: 65, stars: 0, venue: { starRating: null } });
    expect((await starsOf(venues.zhaoxiangBase)).star_rating).toBeNull();
  });

  it('409: criteria and thresholds are frozen once an assessment is final; the title still changes', async () => {
    const current = (await qingpuAdmin.get(`/api/assessment-checklists/${checklistId}`)).json();
    expect(current.assessments).toEqual({ total: 2, finalised: 2 });
    const frozen = await qingpuAdmin.patch(`/api/assessment-checklists/${checklistId}`, { starThresholds: [{ stars: 5, minTotal: 99 }], version: current.version });
    expect(frozen.statusCode).toBe(409);
    expect((await qingpuAdmin.patch(`/api/assessment-checklists/${checklistId}`, { title: '2026 年度考核', version: current.version })).statusCode).toBe(200);
  });

  it('404: unknown ids', async () => {
    expect((await qingpuAdmin.get('/api/assessments/99999')).statusCode).toBe(404);
    expect((await qingpuAdmin.get('/api/assessment-checklists/99999')).statusCode).toBe(404);
    expect((await qingpuAdmin.get('/api/assessments/venues/99999/star-history')).statusCode).toBe(404);
  });
});
