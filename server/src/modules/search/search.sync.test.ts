import type { SearchKind, SearchResult } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';

/*
 * The index follows the records: every module's write puts its record into the search index (or
 * takes it out) in the same transaction. Nothing here calls reindex, so a module that forgets to
 * index fails its line.
 */

let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn('huaxin.staff');
});
afterAll(async () => t.close());

async function ok<T = { id: number; version: number }>(response: { statusCode: number; body: string; json(): unknown }, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

async function found(kind: SearchKind, q: string): Promise<Array<{ id: number; title: string }>> {
  const result = await ok<SearchResult>(await staff.get(`/api/search?q=${encodeURIComponent(q)}&kinds=${kind}&limit=20`));
  return (result.groups.find((group) => group.kind === kind)?.items ?? []).map(({ id, title }) => ({ id, title }));
}

const ids = (hits: Array<{ id: number }>) => hits.map((hit) => hit.id);

describe('search index kept current by the modules', () => {
  it('organisations: created, renamed, archived and restored through the API', async () => {
    const huaxin = t.fixture.divisions.huaxin.id;
    const org = await ok(await staff.post('/api/organisations', { divisionId: huaxin, name: '晨曦联谊会', type: 'association_new_strata' }), 201);
    expect(ids(await found('organisation', '晨曦'))).toEqual([org.id]);
    expect(ids(await found('organisation', 'chenxi'))).toEqual([org.id]);
    const renamed = await ok(await staff.patch(`/api/organisations/${org.id}`, { name: '暮光联谊会', version: org.version }));
    expect(await found('organisation', '晨曦')).toEqual([]);
    expect(ids(await found('organisation', '暮光'))).toEqual([org.id]);
    const archived = await ok(await staff.post(`/api/organisations/${org.id}/archive`, { version: renamed.version }));
    expect(await found('organisation', '暮光')).toEqual([]);
    await ok(await staff.post(`/api/organisations/${org.id}/unarchive`, { version: archived.version }));
    expect(ids(await found('organisation', '暮光'))).toEqual([org.id]);
  });

  it('people: by name (and pinyin) once created, gone once archived', async () => {
    const person = await ok(await staff.post('/api/people', { divisionId: t.fixture.divisions.huaxin.id, name: '欧阳晓岚', phone: '13900007777' }), 201);
    expect(ids(await found('person', '晓岚'))).toEqual([person.id]);
    expect(ids(await found('person', 'oyxl'))).toEqual([person.id]);
    await ok(await staff.post(`/api/people/${person.id}/archive`, { version: person.version }));
    expect(await found('person', '晓岚')).toEqual([]);
  });

  it('people: a renamed organisation shows under its people’s names at once', async () => {
    const huaxin = t.fixture.divisions.huaxin.id;
    const org = await ok(await staff.post('/api/organisations', { divisionId: huaxin, name: '晨星科技有限公司', type: 'enterprise' }), 201);
    await ok(await staff.post('/api/people', { divisionId: huaxin, name: '司马云舒', organisationId: org.id }), 201);
    const subtitle = async () => (await ok<SearchResult>(await staff.get(`/api/search?q=${encodeURIComponent('云舒')}&kinds=person`))).groups[0]?.items.map((hit) => hit.subtitle);
    expect(await subtitle()).toEqual(['晨星科技有限公司']);
    await ok(await staff.patch(`/api/organisations/${org.id}`, { name: '晨光科技有限公司', version: org.version }));
    expect(await subtitle()).toEqual(['晨光科技有限公司']);
  });

  it('venues: found once created, under the new name after an edit', async () => {
    const venue = await ok(
      await staff.post('/api/venues', { divisionId: t.fixture.divisions.huaxin.id, name: '枫林同心驿站', type: 'complex', level: 'town', address: '华新镇枫林路1号' }),
      201,
    );
    expect(ids(await found('venue', '枫林'))).toEqual([venue.id]);
    await ok(await staff.patch(`/api/venues/${venue.id}`, { name: '松林同心驿站', version: venue.version }));
    expect(await found('venue', '枫林驿')).toEqual([]);
    expect(ids(await found('venue', '松林'))).toEqual([venue.id]);
  });

  it('projects and activities: created, edited, archived', async () => {
    const project = await ok(await staff.post('/api/projects', { divisionId: t.fixture.divisions.huaxin.id, title: '稻香助农计划', goal: '帮助农户销售大米' }), 201);
    expect(ids(await found('project', '稻香'))).toEqual([project.id]);
    expect(ids(await found('project', '大米'))).toEqual([project.id]);
    const edited = await ok(await staff.patch(`/api/projects/${project.id}`, { title: '麦浪助农计划', version: project.version }));
    expect(await found('project', '稻香')).toEqual([]);
    await ok(await staff.post(`/api/projects/${project.id}/archive`, { version: edited.version }));
    expect(await found('project', '麦浪')).toEqual([]);

    const activity = await ok(await staff.post('/api/activities', { title: '桂花巷座谈', date: '2026-11-20', kind: 'seminar', summary: '听取商户意见' }), 201);
    expect(ids(await found('activity', '桂花'))).toEqual([activity.id]);
    expect(ids(await found('activity', '商户'))).toEqual([activity.id]);
    await ok(await staff.post(`/api/activities/${activity.id}/archive`, { version: activity.version }));
    expect(await found('activity', '桂花')).toEqual([]);
  });

  it('needs and cases: found by title once registered, edits followed', async () => {
    const village = t.fixture.divisions.huaxinVillage.id;
    const need = await ok(await staff.post('/api/needs', { divisionId: village, title: '蜂蜜滞销求助', description: '养蜂户的蜂蜜卖不出去' }), 201);
    expect(ids(await found('need', '蜂蜜'))).toEqual([need.id]);
    await ok(await staff.patch(`/api/needs/${need.id}`, { title: '茶叶滞销求助', version: need.version }));
    expect(ids(await found('need', '茶叶'))).toEqual([need.id]);
    expect(ids(await found('need', '蜂蜜'))).toEqual([need.id]); // still in the description

    const kase = await ok(await staff.post('/api/cases', { divisionId: village, category: 'help', channel: 'hotline', title: '桥栏松动', content: '村口小桥栏杆松动' }), 201);
    expect(ids(await found('case', '桥栏'))).toEqual([kase.id]);
    await ok(await staff.patch(`/api/cases/${kase.id}`, { title: '路面塌陷', version: kase.version }));
    expect(ids(await found('case', '塌陷'))).toEqual([kase.id]);
  });
});
