import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { organisationLinks } from '../../modules/organisations/organisation-links.repo.ts';
import { openTestDatabase } from '../../test/test-db.ts';
import type { SeedContext } from './context.ts';
import { divisionsSeeder } from './divisions.seed.ts';
import { demoOrganisationNames } from './registry-orgs.data.ts';
import { registryOrgsSeeder } from './registry-orgs.seed.ts';

let handle: DatabaseHandle;
const divisionIds = new Map<string, number>();
beforeAll(async () => {
  handle = await openTestDatabase();
  await handle.db.transaction().execute(async (trx) => {
    const ctx: SeedContext = { db: trx, at: '2026-11-01T00:00:00.000Z', divisionIds, log: () => {} };
    await divisionsSeeder.run(ctx);
    await registryOrgsSeeder.run(ctx);
  });
});
afterAll(async () => handle.close());

async function orgId(name: string): Promise<number> {
  return (await handle.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function countOrgs(type: string, pathPrefix: string): Promise<number> {
  const row = await handle.db
    .selectFrom('organisations as o')
    .innerJoin('divisions as d', 'd.id', 'o.division_id')
    .where('o.type', '=', type)
    .where('d.path', 'like', `${pathPrefix}%`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function pathOf(namePath: string): Promise<string> {
  return (await handle.db.selectFrom('divisions').select('path').where('id', '=', divisionIds.get(namePath)!).executeTakeFirstOrThrow()).path;
}

describe('demo registry seed', () => {

  it('gives the Huaxin chamber 154 member enterprises, 34 of them council members, counted from membership rows', async () => {
    const links = await organisationLinks(handle.db, await orgId(demoOrganisationNames.huaxinChamber), null, '2026-11-25');
    expect(links.memberOrganisations.total).toBe(154);
    expect(links.memberOrganisations.byRole).toMatchObject({ council: 34, member: 120 });
    expect(links.memberPeople.byRole).toMatchObject({ president: 1, vice_president: 2, secretary_general: 1 });
  });

  it('gives each of the 40 villages of Zhaoxiang one liaison officer with a phone in the reserved range', async () => {
    const officers = await handle.db
      .selectFrom('people as p')
      .innerJoin('divisions as d', 'd.id', 'p.division_id')
      .where('p.position', '=', '联络员')
      .where('d.path', 'like', `${await pathOf('上海市/青浦区/赵巷镇')}%`)
      .select(['p.division_id', 'p.phone'])
      .execute();
    expect(officers).toHaveLength(40);
    expect(new Set(officers.map((o) => o.division_id)).size).toBe(40);
    expect(officers.every((o) => /^1390000\d{4}$/.test(o.phone!))).toBe(true);
  });

  it('has all 4,077 两新组织 of Jinshan, over its eleven towns, and the platform with 18 member units', async () => {
    expect(await countOrgs('new_org', await pathOf('上海市/金山区'))).toBe(4077);
    const towns = await handle.db
      .selectFrom('organisations')
      .where('type', '=', 'new_org')
      .select('division_id')
      .distinct()
      .execute();
    expect(towns).toHaveLength(11);
    const platform = await organisationLinks(handle.db, await orgId(demoOrganisationNames.jinshanPlatform), null, '2026-11-25');
    expect(platform.memberOrganisations.total).toBe(18);
  });

  it("links Henglan's chamber committee to 78 organisations with 470+ members", async () => {
    const links = await organisationLinks(handle.db, await orgId(demoOrganisationNames.henglanCommittee), null, '2026-11-25');
    expect(links.memberOrganisations.total).toBe(78);
    expect(links.memberPeople.total).toBeGreaterThanOrEqual(470);
  });

  it("has Bengbu's and Lu'an's party branches, Gongjing's association with its branch, and Bozhou's 412 enterprises", async () => {
    expect(await countOrgs('party_branch', await pathOf('安徽省/蚌埠市'))).toBe(21);
    expect(await countOrgs('party_branch', await pathOf('安徽省/六安市'))).toBe(29);
    expect(await countOrgs('enterprise', await pathOf('安徽省/亳州市'))).toBe(412);
    const branch = await handle.db.selectFrom('organisations').select(['parent_id', 'founded_on']).where('name', '=', demoOrganisationNames.gongjingBranch).executeTakeFirstOrThrow();
    expect(branch).toEqual({ parent_id: await orgId(demoOrganisationNames.gongjingAssociation), founded_on: '2020-12-18' });
    expect(await orgId(demoOrganisationNames.xujingChamber)).toBeGreaterThan(0);
  });

  it('never repeats a name within a division (the duplicate rule of the API and the import)', async () => {
    const repeats = await handle.db
      .selectFrom('organisations')
      .select(['division_id', 'name'])
      .groupBy(['division_id', 'name'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(repeats).toEqual([]);
  });
});
