import type { SearchResult } from '@tongxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.ts';
import { reindexAll } from './search.reindex.ts';
import { orderGroups } from './search.service.ts';
import { pinyinMatchScore } from './search.tokens.ts';

describe('pinyinMatchScore', () => {
  it('takes whole syllables and whole initials only', () => {
    expect(pinyinMatchScore('同心会', 'name', 'tongxinhui')).toBe(85);
    expect(pinyinMatchScore('同心会', 'name', 'txh')).toBe(80);
    expect(pinyinMatchScore('同心会', 'name', 'tongxin')).toBe(70);
    expect(pinyinMatchScore('同心会', 'name', 'tong')).toBe(70);
    expect(pinyinMatchScore('同心会', 'name', 'tx')).toBe(0); // shares initials, is not the name's initials
    expect(pinyinMatchScore('同心会', 'name', 'tongx')).toBe(0); // ends inside a syllable
    expect(pinyinMatchScore('花戏农业科技有限公司', 'name', 'huaxin')).toBe(0); // hua·xi·nong
    expect(pinyinMatchScore('田雪芳', 'person', 'tx')).toBe(0);
    expect(pinyinMatchScore('王小明', 'person', 'xiaoming')).toBe(85);
    expect(pinyinMatchScore('王小明', 'person', 'wxm')).toBe(80);
  });
  it('scores a later part of a name below the name itself', () => {
    expect(pinyinMatchScore('赵巷同心志愿服务队', 'name', 'tongxin')).toBe(55);
    expect(pinyinMatchScore('赵巷同心志愿服务队', 'name', 'txzyfwd')).toBe(60);
    expect(pinyinMatchScore('赵巷同心志愿服务队', 'name', 'zhaoxiang')).toBe(70);
  });
});

describe('orderGroups', () => {
  it('puts the group with an organisation named exactly as typed first, then by score, then organisations before other kinds', () => {
    const groups = [
      { kind: 'article', items: [{ score: 110, title: '华新镇商会' }] },
      { kind: 'venue', items: [{ score: 60, title: '商会之家' }] },
      { kind: 'organisation', items: [{ score: 110, title: '华新镇商会' }] },
    ];
    expect(orderGroups(groups, (title) => title === '华新镇商会').map((group) => group.kind)).toEqual(['organisation', 'article', 'venue']);
    expect(orderGroups(groups, () => false).map((group) => group.kind)).toEqual(['organisation', 'article', 'venue']);
  });
});

let t: TestApp;
let staff: TestClient;
const titlesOf = (result: SearchResult, kind: string) => result.groups.find((group) => group.kind === kind)?.items.map((hit) => hit.title) ?? [];

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.signIn('huaxin.staff');
  const { huaxin } = t.fixture.divisions;
  const create = async (name: string, type: string) => {
    const response = await staff.post('/api/organisations', { divisionId: huaxin.id, name, type });
    expect(response.statusCode, response.body).toBe(201);
  };
  // The one named exactly first, then 30 newer ones that contain the name, more than the pool holds.
  await create('华新商会', 'chamber');
  for (let i = 0; i < 30; i++) await create(`华新商会第${i + 1}联络组`, 'association_new_strata');
  await create('田雪芳工作室', 'association_new_strata');
  await create('通协会', 'association_new_strata');
  await reindexAll(t.handle.db);
});
afterAll(async () => t.close());

async function search(query: string): Promise<SearchResult> {
  const response = await staff.get(`/api/search?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SearchResult;
}

describe('GET /api/search ranking', () => {
  it('200: the organisation named exactly as typed comes first, though 30 newer names contain it', async () => {
    const result = await search(`q=${encodeURIComponent('华新商会')}&limit=5`);
    expect(result.groups[0]!.kind).toBe('organisation');
    expect(titlesOf(result, 'organisation')[0]).toBe('华新商会');
    expect(result.groups[0]!.items[0]!.score).toBe(110);
  });
  it('200: pinyin finds by whole syllables or whole initials, not by shared initials', async () => {
    expect(titlesOf(await search('q=txh&kinds=organisation'), 'organisation')).toEqual(['通协会']);
    expect(titlesOf(await search('q=tongxiehui&kinds=organisation'), 'organisation')).toEqual(['通协会']);
    // `tx` is the initials of neither 通协会 (txh) nor 田雪芳工作室 (txfgzs): nothing.
    expect(titlesOf(await search('q=tx&kinds=organisation'), 'organisation')).toEqual([]);
    expect(titlesOf(await search('q=tianxuefang&kinds=organisation'), 'organisation')).toEqual(['田雪芳工作室']);
  });
});

describe('search hit dates', () => {
  it('a timestamp is shown as its Beijing day, a calendar date as it is', async () => {
    const { day } = await import('./search.documents.ts');
    expect(day('2026-11-23T22:30:00.000Z')).toBe('2026-11-24');
    expect(day('2026-11-24T15:59:59.000Z')).toBe('2026-11-24');
    expect(day('2026-11-24T16:00:00.000Z')).toBe('2026-11-25');
    expect(day('2026-11-24')).toBe('2026-11-24');
    expect(day(null)).toBe(null);
  });
});
