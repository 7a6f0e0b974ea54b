import type { SearchResult } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { activityDocument } from './search.documents.ts';
import { indexDocument, removeDocument } from './search.index.ts';
import { reindexAll } from './search.reindex.ts';

let t: TestApp;
let admin: TestClient;
let huaxinStaff: TestClient;
let zhaoxiangStaff: TestClient;
let qingpuStaff: TestClient;
const ids: Record<string, number> = {};

async function created(response: { statusCode: number; body: string; json(): unknown }) {
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: number }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
  huaxinStaff = await t.signIn('huaxin.staff');
  zhaoxiangStaff = await t.signIn('zhaoxiang.staff');
  qingpuStaff = await t.signIn('qingpu.staff');
  const { huaxin, zhaoxiang } = t.fixture.divisions;
  // Records through the registry's own API, as users make them.
  ids.tongxin = await created(await huaxinStaff.post('/api/organisations', { divisionId: huaxin.id, name: '同心会', type: 'association_new_strata', description: '华新镇新的社会阶层人士联谊会' }));
  ids.traditional = await created(await huaxinStaff.post('/api/organisations', { divisionId: huaxin.id, name: '統戰之家服務中心', type: 'service_centre' }));
  ids.chamber = await created(await huaxinStaff.post('/api/organisations', { divisionId: huaxin.id, name: '华新镇商会', type: 'chamber', contactPhone: '13900001111' }));
  ids.zhaoxiangOrg = await created(await zhaoxiangStaff.post('/api/organisations', { divisionId: zhaoxiang.id, name: '赵巷同心志愿服务队', type: 'volunteer_team' }));
  ids.person = await created(await huaxinStaff.post('/api/people', { divisionId: huaxin.id, name: '王小明', phone: '13812348888', organisationId: ids.chamber, position: '秘书长' }));
  ids.otherPerson = await created(await zhaoxiangStaff.post('/api/people', { divisionId: zhaoxiang.id, name: '王小红', phone: '13812349999' }));
  // Activities straight into their table: this test is about search, not the activities module.
  const at = '2026-11-01T00:00:00.000Z';
  const activity = await t.handle.db
    .insertInto('activities')
    .values({ division_id: huaxin.id, title: '企业走访', date: '2026-10-12', kind: 'visit', summary: '走访会员企业，宣讲统战工作政策，联系人电话13911112222。', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.activity = activity.id;
  await reindexAll(t.handle.db);
});
afterAll(async () => t.close());

async function search(client: TestClient, query: string): Promise<SearchResult> {
  const response = await client.get(`/api/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SearchResult;
}

const hitsOf = (result: SearchResult, kind: string) => result.groups.find((group) => group.kind === kind)?.items ?? [];
const titles = (result: SearchResult, kind: string) => hitsOf(result, kind).map((hit) => hit.title);

describe('GET /api/search', () => {
  it('200: simplified finds traditional and traditional finds simplified, with the match marked in the text as written', async () => {
    const simplified = await search(huaxinStaff, `q=${encodeURIComponent('统战')}`);
    const [hit] = hitsOf(simplified, 'organisation');
    expect(hit).toMatchObject({ title: '統戰之家服務中心', id: ids.traditional, matchedBy: 'text', divisionName: '华新镇' });
    expect(hit!.title.slice(...hit!.titleRanges[0]!)).toBe('統戰');
    const traditional = await search(huaxinStaff, `q=${encodeURIComponent('會員企業')}`);
    const [activity] = hitsOf(traditional, 'activity');
    expect(activity).toMatchObject({ id: ids.activity, title: '企业走访' });
    expect(activity!.snippet!.slice(...activity!.snippetRanges[0]!)).toBe('会员企业');
  });

  it('200: pinyin and initials find names (tongxin, txh, whole syllables and whole initials only), people by given name too', async () => {
    for (const q of ['txh', 'tongxinhui']) {
      const [hit] = hitsOf(await search(huaxinStaff, `q=${q}&kinds=organisation`), 'organisation');
      expect(hit, q).toMatchObject({ title: '同心会', matchedBy: 'pinyin' });
    }
    for (const q of ['tongxin', 'TongXin']) {
      const result = await search(huaxinStaff, `q=${q}&kinds=organisation`);
      const [hit] = hitsOf(result, 'organisation');
      expect(hit, q).toMatchObject({ title: '同心会', matchedBy: 'pinyin' });
      expect(hit!.title.slice(...hit!.titleRanges[0]!)).toBe('同心');
    }
    expect(titles(await search(huaxinStaff, 'q=wxm&kinds=person'), 'person')).toEqual(['王小明']);
    expect(titles(await search(huaxinStaff, 'q=xiaoming&kinds=person'), 'person')).toEqual(['王小明']);
  });

  it('200: one- and two-character queries match inside words', async () => {
    expect(titles(await search(huaxinStaff, `q=${encodeURIComponent('心')}&kinds=organisation`), 'organisation')).toContain('同心会');
    expect(titles(await search(huaxinStaff, `q=${encodeURIComponent('商会')}&kinds=organisation`), 'organisation')).toEqual(['华新镇商会']);
    const exact = await search(huaxinStaff, `q=${encodeURIComponent('同心会')}&kinds=organisation`);
    expect(hitsOf(exact, 'organisation')[0]!.score).toBeGreaterThanOrEqual(100);
  });

  it('200: a town user never finds records of another town; the district finds both; the admin everything', async () => {
    const huaxin = await search(huaxinStaff, `q=${encodeURIComponent('同心')}`);
    expect(titles(huaxin, 'organisation')).toEqual(['同心会']);
    expect(huaxin.groups.flatMap((group) => group.items).every((hit) => hit.divisionId === t.fixture.divisions.huaxin.id)).toBe(true);
    const zhaoxiang = await search(zhaoxiangStaff, `q=${encodeURIComponent('同心')}`);
    expect(titles(zhaoxiang, 'organisation')).toEqual(['赵巷同心志愿服务队']);
    expect(titles(await search(zhaoxiangStaff, `q=${encodeURIComponent('王小明')}`), 'person')).toEqual([]);
    expect(titles(await search(zhaoxiangStaff, 'q=tongxin'), 'organisation')).toEqual(['赵巷同心志愿服务队']);
    expect(titles(await search(qingpuStaff, `q=${encodeURIComponent('同心')}`), 'organisation').sort()).toEqual(['同心会', '赵巷同心志愿服务队'].sort());
    expect(titles(await search(admin, `q=${encodeURIComponent('王小')}`), 'person').sort()).toEqual(['王小明', '王小红']);
  });

  it('200: people are found by name only: their phone, whole or in part, finds nothing; phones typed in free text are masked', async () => {
    for (const q of ['13812348888', '1381234', '8888', '13900001111']) {
      const result = await search(admin, `q=${q}`);
      expect(result.groups, q).toEqual([]);
    }
    const [person] = hitsOf(await search(huaxinStaff, `q=${encodeURIComponent('王小明')}`), 'person');
    expect(person).toMatchObject({ title: '王小明', subtitle: '华新镇商会 · 秘书长', snippet: null });
    expect(JSON.stringify(person)).not.toContain('1381234');
    expect((await search(admin, 'q=13911112222')).groups).toEqual([]);
    const stored = await t.handle.db.selectFrom('search_documents').select('body').where('kind', '=', 'activity').executeTakeFirstOrThrow();
    expect(stored.body).toContain('139****2222');
  });

  it('200: results are grouped by kind and limited per kind; `kinds` narrows; `more` says there are others', async () => {
    const result = await search(huaxinStaff, `q=${encodeURIComponent('会')}&limit=1`);
    const organisations = result.groups.find((group) => group.kind === 'organisation')!;
    expect(organisations.items).toHaveLength(1);
    expect(organisations.more).toBe(true);
    const only = await search(huaxinStaff, `q=${encodeURIComponent('会')}&kinds=person,activity`);
    expect(only.groups.map((group) => group.kind).every((kind) => ['person', 'activity'].includes(kind))).toBe(true);
  });

  it('200: a query made of bigrams that occur apart but not together finds nothing', async () => {
    // 企业走访 has 企业 and 走访; 业走 joins them; 企业访 does not occur.
    expect((await search(huaxinStaff, `q=${encodeURIComponent('企业访')}`)).groups).toEqual([]);
    expect(titles(await search(huaxinStaff, `q=${encodeURIComponent('企业 走访')}`), 'activity')).toEqual(['企业走访']);
  });

  it('200: indexDocument and removeDocument keep the index in step with a module write', async () => {
    const { huaxin } = t.fixture.divisions;
    await indexDocument(t.handle.db, activityDocument({ id: 999_001, division_id: huaxin.id, title: '同心筑梦助学活动', summary: '捐资助学', date: '2026-09-01' }));
    expect(titles(await search(huaxinStaff, `q=${encodeURIComponent('筑梦')}`), 'activity')).toEqual(['同心筑梦助学活动']);
    await indexDocument(t.handle.db, activityDocument({ id: 999_001, division_id: huaxin.id, title: '同心圆梦助学活动', summary: null, date: '2026-09-01' }));
    expect((await search(huaxinStaff, `q=${encodeURIComponent('筑梦')}`)).groups).toEqual([]);
    expect(titles(await search(huaxinStaff, `q=${encodeURIComponent('圆梦')}`), 'activity')).toEqual(['同心圆梦助学活动']);
    await removeDocument(t.handle.db, 'activity', 999_001);
    expect((await search(huaxinStaff, `q=${encodeURIComponent('圆梦')}`)).groups).toEqual([]);
  });

  it('400: an empty or over-long query, an unknown kind, a limit out of range', async () => {
    for (const query of ['q=', `q=${'长'.repeat(61)}`, 'q=a&kinds=galaxy', 'q=a&limit=0', 'q=a&limit=51', '']) {
      const response = await huaxinStaff.get(`/api/search?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('401: not signed in', async () => {
    expect((await t.anonymous().get('/api/search?q=a')).statusCode).toBe(401);
  });
});

describe('POST /api/search/reindex', () => {
  it('403: staff may not rebuild the index', async () => {
    expect((await huaxinStaff.post('/api/search/reindex', {})).statusCode).toBe(403);
  });

  it('200: a system admin rebuilds it; counts per kind; audited', async () => {
    const response = await admin.post('/api/search/reindex', {});
    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toMatchObject({ organisation: 4, person: 2, activity: 1 });
    const [row] = await auditRows(t.handle, 'search.reindex');
    expect(row).toBeDefined();
    expect(titles(await search(huaxinStaff, 'q=txh'), 'organisation')).toEqual(['同心会']);
  });
});
