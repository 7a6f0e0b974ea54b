import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { findResourcesOffering } from '../../modules/resources/resources.repo.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { SeedContext } from './context.ts';
import { divisionsSeeder } from './divisions.seed.ts';
import { registryOrgsSeeder } from './registry-orgs.seed.ts';
import { registryVenuesSeeder } from './registry-venues.seed.ts';

let handle: DatabaseHandle;
const divisionIds = new Map<string, number>();
beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: '2026-11-01T00:00:00.000Z', divisionIds, log: () => {} };
    await divisionsSeeder.run(ctx);
    await registryOrgsSeeder.run(ctx);
    await registryVenuesSeeder.run(ctx);
  });
});
afterAll(async () => handle.close());

async function pathOf(namePath: string): Promise<string> {
  return (await handle.db.selectFrom('divisions').select('path').where('id', '=', divisionIds.get(namePath)!).executeTakeFirstOrThrow()).path;
}

/** Venues in a subtree, by type and level: `[type, level, count]` sorted. */
async function venueCounts(namePath: string) {
  const rows = await handle.db
    .selectFrom('venues as v')
    .innerJoin('divisions as d', 'd.id', 'v.division_id')
    .select(['v.type', 'v.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.path', 'like', `${await pathOf(namePath)}%`)
    .groupBy(['v.type', 'v.level'])
    .execute();
  return rows.map((row) => [row.type, row.level, Number(row.n)]).sort((a, b) => String(a).localeCompare(String(b)));
}

async function venue(name: string) {
  return handle.db
    .selectFrom('venues as v')
    .leftJoin('organisations as o', 'o.id', 'v.owner_organisation_id')
    .leftJoin('brands as b', 'b.id', 'v.brand_id')
    .select(['v.type', 'v.is_public', 'v.hotline', 'o.name as owner', 'b.name as brand'])
    .where('v.name', '=', name)
    .executeTakeFirstOrThrow();
}

describe('demo venues, brands and resources', () => {

  it('Huaxin: 商会之家 owned by the chamber, and 幸福·新e园, both carrying the town brand', async () => {
    expect(await venue('商会之家')).toMatchObject({ type: 'chamber_home', owner: '华新镇商会', brand: '幸福华新·同心荟', is_public: 1 });
    expect(await venue('幸福·新e园')).toMatchObject({ brand: '幸福华新·同心荟' });
    expect(await venue('同心巷聚')).toMatchObject({ type: 'complex', brand: '同心巷聚' });
    expect(await venue('同心巷聚文化公园')).toMatchObject({ type: 'culture_park' });
  });

  it('Henglan: one public service centre with a landline hotline in each of the 11 villages', async () => {
    const rows = await handle.db
      .selectFrom('venues as v')
      .innerJoin('divisions as d', 'd.id', 'v.division_id')
      .select(['d.name as village', 'v.hotline', 'v.address', 'v.is_public'])
      .where('d.path', 'like', `${await pathOf('广东省/中山市/横栏镇')}%`)
      .where('v.type', '=', 'service_centre')
      .execute();
    expect(rows).toHaveLength(11);
    expect(new Set(rows.map((row) => row.village)).size).toBe(11);
    expect(rows.every((row) => row.is_public === 1 && /^0760-\d{8}$/.test(row.hotline!) && row.address)).toBe(true);
  });

  it('Anhui: Suzhou 6 stations, Xuancheng 4 bases, Anqing 12 education bases, Huangshan 4/2/6 across all 7 counties, Ma’anshan 18 platforms', async () => {
    expect(await venueCounts('安徽省/宿州市')).toEqual([
      ['service_station', 'district', 2],
      ['service_station', 'municipal', 2],
      ['service_station', 'town', 2],
    ]);
    expect(await venueCounts('安徽省/宣城市')).toEqual([['practice_base', 'municipal', 4]]);
    expect(await venueCounts('安徽省/安庆市')).toEqual([
      ['education_base', 'municipal', 6],
      ['education_base', 'national', 2],
      ['education_base', 'provincial', 4],
    ]);
    expect(await venueCounts('安徽省/黄山市')).toEqual([
      ['practice_base', 'district', 6],
      ['practice_base', 'municipal', 2],
      ['practice_base', 'provincial', 4],
    ]);
    const counties = await handle.db
      .selectFrom('venues as v')
      .innerJoin('divisions as d', 'd.id', 'v.division_id')
      .select('d.name')
      .distinct()
      .where('d.parent_id', '=', divisionIds.get('安徽省/黄山市')!)
      .execute();
    expect(counties).toHaveLength(7);
    const maanshan = await venueCounts('安徽省/马鞍山市');
    expect(maanshan.reduce((sum, [, , n]) => sum + Number(n), 0)).toBe(18);
  });

  it('Gongjing: 同心汇智园 (owned by the association) and five themed practice bases', async () => {
    expect(await venue('同心汇智园')).toMatchObject({ owner: '贡井区新的社会阶层人士联谊会' });
    expect(await venueCounts('四川省/自贡市/贡井区')).toEqual([['practice_base', 'district', 6]]);
  });

  it('Jinshan: the platform venue and its 19 service projects as resources of the 18 member units', async () => {
    expect(await venue('金山区两新组织统战服务平台')).toMatchObject({ type: 'service_centre', owner: '金山区两新组织统战服务平台' });
    const resources = await handle.db.selectFrom('resources').select(['organisation_id']).where('division_id', '=', divisionIds.get('上海市/金山区')!).execute();
    expect(resources).toHaveLength(19);
    expect(new Set(resources.map((row) => row.organisation_id)).size).toBe(18);
    expect(resources.every((row) => row.organisation_id !== null)).toBe(true);
    const legal = await handle.db.selectFrom('service_kinds').select('id').where('code', '=', 'legal_advice').executeTakeFirstOrThrow();
    expect((await findResourcesOffering(handle.db, await pathOf('上海市/金山区'), [legal.id])).length).toBe(4);
  });

  it('brands for Fengjing, Jinshanwei, Lüxiang and each Qingpu town with a venue', async () => {
    const rows = await handle.db
      .selectFrom('brands as b')
      .innerJoin('divisions as d', 'd.id', 'b.division_id')
      .select('d.name')
      .execute();
    expect(rows.map((row) => row.name).sort()).toEqual(['吕巷镇', '华新镇', '枫泾镇', '横栏镇', '赵巷镇', '金山区', '金山卫镇'].sort());
  });

  it('never publishes a mobile number in the guide', async () => {
    const hotlines = await handle.db.selectFrom('venues').select('hotline').where('is_public', '=', 1).execute();
    expect(hotlines.some((row) => row.hotline !== null && /^1[3-9]\d{9}$/.test(row.hotline))).toBe(false);
  });
});
