import type { MembershipRole } from '@tongxin/core';
import { divisionId, type SeedContext, type Seeder } from './context.ts';
import { insertMemberships, insertOrganisations, insertPeople, type MemberSeed, type OrgSeed, type PersonSeed } from './registry-orgs.insert.ts';
import * as data from './registry-orgs.data.ts';

/**
 * Organisations, people and memberships of the demo (shared/design/demo-facts.md). Everything is
 * written in batches of at most 500 rows, so the ~5,000 organisations take well under a second.
 * Counts that the facts state are produced as rows: the Huaxin chamber's 154 member enterprises
 * (34 council), Henglan's 78 linked organisations and 474 members, all 4,077 两新组织 of Jinshan.
 */

/** Firm names from word × industry, in a fixed order. */
function firmNames(prefix: string, words: string[], industries: string[], count: number, suffix = ''): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    names.push(`${prefix}${words[i % words.length]}${industries[Math.floor(i / words.length) % industries.length]}${suffix}`);
  }
  return names;
}

/** Shared across the seeder, so every invented person has a distinct name and phone. */
interface Counters {
  person: number;
}

function nextPerson(counters: Counters) {
  const n = counters.person;
  counters.person += 1;
  return { name: data.personName(n), phone: data.demoPhone(n + 1) };
}

async function seedHuaxin(ctx: SeedContext, counters: Counters) {
  const town = divisionId(ctx, '上海市/青浦区/华新镇');
  const [chamber] = await insertOrganisations(ctx, [
    {
      divisionId: town,
      name: data.demoOrganisationNames.huaxinChamber,
      type: 'chamber',
      foundedOn: '2003-06-18',
      contactName: '许志明',
      contactPhone: '13900009001',
      address: '上海市青浦区华新镇华腾路 1288 号',
      description: '华新镇域内民营企业的联合组织；会员企业 154 家，其中理事单位 34 家。',
    },
  ]);
  const names = firmNames('上海华新', data.huaxinWords, data.huaxinIndustries, 154, '有限公司');
  const firms = await insertOrganisations(
    ctx,
    names.map((name, i) => ({ divisionId: town, name, type: 'enterprise' as const, foundedOn: data.spreadDate(i, 1995, 2022) })),
  );
  // The first 34 firms sit on the council; the other 120 are members.
  const members: MemberSeed[] = firms.map((id, i) => ({
    organisationId: chamber!,
    memberOrganisationId: id,
    role: i < 34 ? 'council' : 'member',
    since: data.spreadDate(i, 2004, 2024),
  }));
  const leaders: Array<{ role: MembershipRole; position: string; firm: number }> = [
    { role: 'president', position: '董事长', firm: 0 },
    { role: 'vice_president', position: '总经理', firm: 1 },
    { role: 'vice_president', position: '董事长', firm: 2 },
    { role: 'secretary_general', position: '商会秘书长', firm: -1 },
  ];
  const people = await insertPeople(
    ctx,
    leaders.map((leader) => ({ divisionId: town, ...nextPerson(counters), organisationId: leader.firm < 0 ? chamber! : firms[leader.firm]!, position: leader.position })),
  );
  people.forEach((id, i) => members.push({ organisationId: chamber!, memberPersonId: id, role: leaders[i]!.role, since: '2021-01-01' }));
  await insertMemberships(ctx, members);
  return { organisations: 1 + firms.length, people: people.length, memberships: members.length };
}

async function seedZhaoxiang(ctx: SeedContext, counters: Counters) {
  const prefix = '上海市/青浦区/赵巷镇/';
  const villages = [...ctx.divisionIds.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  const committeeName = (village: string) => (village.endsWith('村') ? `${village}村民委员会` : village.endsWith('社区') ? `${village}居民委员会` : village);
  const committees = await insertOrganisations(
    ctx,
    villages.map((village) => ({ divisionId: divisionId(ctx, prefix + village), name: committeeName(village), type: 'community' as const })),
  );
  // One liaison officer (联络员) per village or community.
  const officers = await insertPeople(
    ctx,
    villages.map((village, i) => ({ divisionId: divisionId(ctx, prefix + village), ...nextPerson(counters), organisationId: committees[i]!, position: '联络员' })),
  );
  return { organisations: committees.length, people: officers.length, memberships: 0 };
}

async function seedXujing(ctx: SeedContext) {
  const town = divisionId(ctx, '上海市/青浦区/徐泾镇');
  const [chamber] = await insertOrganisations(ctx, [
    { divisionId: town, name: data.demoOrganisationNames.xujingChamber, type: 'chamber', foundedOn: '2006-09-28', address: '上海市青浦区徐泾镇徐乐路 188 号' },
  ]);
  const firms = await insertOrganisations(
    ctx,
    firmNames('上海徐泾', data.xujingWords, data.xujingIndustries, 24, '有限公司').map((name, i) => ({ divisionId: town, name, type: 'enterprise' as const, foundedOn: data.spreadDate(i, 2000, 2020) })),
  );
  await insertMemberships(ctx, firms.map((id, i) => ({ organisationId: chamber!, memberOrganisationId: id, role: i < 6 ? 'council' : 'member', since: data.spreadDate(i, 2007, 2023) })));
  return { organisations: 1 + firms.length, people: 0, memberships: firms.length };
}

/** All 4,077 两新组织 of Jinshan at the end of 2021, spread over its eleven towns, plus the service platform. */
async function seedJinshan(ctx: SeedContext) {
  const prefix = '上海市/金山区/';
  const towns = [...ctx.divisionIds.keys()].filter((key) => key.startsWith(prefix) && key.split('/').length === 3);
  const rows: OrgSeed[] = [];
  const perTown = new Map<string, number>();
  for (let i = 0; i < 4077; i += 1) {
    const town = towns[i % towns.length]!;
    const n = perTown.get(town) ?? 0;
    perTown.set(town, n + 1);
    const short = town.slice(prefix.length).replace(/(镇|街道)$/, '');
    const name = `${short}${data.jinshanWords[n % data.jinshanWords.length]}${data.jinshanKinds[Math.floor(n / data.jinshanWords.length) % data.jinshanKinds.length]}`;
    rows.push({ divisionId: divisionId(ctx, town), name, type: 'new_org', foundedOn: data.spreadDate(i, 2000, 2021) });
  }
  await insertOrganisations(ctx, rows);
  const district = divisionId(ctx, '上海市/金山区');
  const [platform] = await insertOrganisations(ctx, [
    { divisionId: district, name: data.demoOrganisationNames.jinshanPlatform, type: 'service_centre', foundedOn: '2019-07-01', address: '上海市金山区卫零路 485 号' },
  ]);
  const units = await insertOrganisations(ctx, data.jinshanPlatformMembers.map((name) => ({ divisionId: district, name, type: 'other' as const })));
  await insertMemberships(ctx, units.map((id) => ({ organisationId: platform!, memberOrganisationId: id, role: 'member', since: '2019-07-01' })));
  return { organisations: rows.length + 1 + units.length, people: 0, memberships: units.length };
}

/** Henglan's chamber committee (since 2019), 78 linked organisations and their 474 members. */
async function seedHenglan(ctx: SeedContext, counters: Counters) {
  const townPath = '广东省/中山市/横栏镇';
  const town = divisionId(ctx, townPath);
  const villages = [...ctx.divisionIds.keys()].filter((key) => key.startsWith(`${townPath}/`));
  const [committee] = await insertOrganisations(ctx, [
    { divisionId: town, name: data.demoOrganisationNames.henglanCommittee, type: 'chamber', foundedOn: '2019-05-16', address: '广东省中山市横栏镇康龙路 9 号' },
  ]);
  const firmRows = firmNames('中山市横栏', data.henglanWords, data.henglanIndustries, 78).map((name, i) => ({
    divisionId: divisionId(ctx, villages[i % villages.length]!),
    name,
    type: 'enterprise' as const,
    foundedOn: data.spreadDate(i, 1998, 2021),
  }));
  const firms = await insertOrganisations(ctx, firmRows);
  const positions = ['董事长', '总经理', '副总经理', '部门经理', '技术主管', '行政主管'];
  const peopleRows: PersonSeed[] = [];
  for (let i = 0; i < 474; i += 1) {
    const firm = i % firms.length;
    peopleRows.push({ divisionId: firmRows[firm]!.divisionId, ...nextPerson(counters), organisationId: firms[firm]!, position: positions[Math.floor(i / firms.length) % positions.length]! });
  }
  const people = await insertPeople(ctx, peopleRows);
  const members: MemberSeed[] = [
    ...firms.map((id, i) => ({ organisationId: committee!, memberOrganisationId: id, role: (i < 15 ? 'council' : 'member') as MembershipRole, since: '2019-05-16' })),
    ...people.map((id, i) => ({ organisationId: committee!, memberPersonId: id, role: (i === 0 ? 'president' : i < 4 ? 'vice_president' : i === 4 ? 'secretary_general' : 'member') as MembershipRole, since: data.spreadDate(i, 2019, 2024) })),
  ];
  await insertMemberships(ctx, members);
  return { organisations: 1 + firms.length, people: people.length, memberships: members.length };
}

/** Democratic-party branches of Bengbu (21) and Lu'an (29), and the communities they will pair with. */
async function seedAnhuiBranches(ctx: SeedContext) {
  const bengbu = divisionId(ctx, '安徽省/蚌埠市');
  const bengbuRows: OrgSeed[] = [];
  for (let i = 0; i < 21; i += 1) {
    const party = data.democraticParties[i % data.democraticParties.length]!;
    const number = ['一', '二', '三'][Math.floor(i / data.democraticParties.length)]!;
    bengbuRows.push({ divisionId: bengbu, name: `${party}蚌埠市委会第${number}支部`, type: 'party_branch', foundedOn: data.spreadDate(i, 1995, 2015) });
  }
  for (const community of data.bengbuCommunities) bengbuRows.push({ divisionId: bengbu, name: `蚌埠市${community}社区居民委员会`, type: 'community' });
  const luanPath = '安徽省/六安市';
  const districts = [...ctx.divisionIds.keys()].filter((key) => key.startsWith(`${luanPath}/`));
  const luanRows: OrgSeed[] = [];
  for (let i = 0; i < 29; i += 1) {
    const party = data.democraticParties[i % data.democraticParties.length]!;
    const district = districts[(i + Math.floor(i / data.democraticParties.length)) % districts.length]!;
    luanRows.push({ divisionId: divisionId(ctx, district), name: `${party}六安市${district.slice(luanPath.length + 1)}第${1 + Math.floor(i / 7)}支部`, type: 'party_branch', foundedOn: data.spreadDate(i, 1998, 2020) });
  }
  data.luanCommunities.forEach((community, i) =>
    luanRows.push({ divisionId: divisionId(ctx, districts[i % districts.length]!), name: `${community}社区居民委员会`, type: 'community' }),
  );
  await insertOrganisations(ctx, [...bengbuRows, ...luanRows]);
  return { organisations: bengbuRows.length + luanRows.length, people: 0, memberships: 0 };
}

/** Gongjing's new-social-strata association and its branch in the aviation industrial park (December 2020). */
async function seedGongjing(ctx: SeedContext, counters: Counters) {
  const district = divisionId(ctx, '四川省/自贡市/贡井区');
  const [association] = await insertOrganisations(ctx, [
    {
      divisionId: district,
      name: data.demoOrganisationNames.gongjingAssociation,
      type: 'association_new_strata',
      foundedOn: '2018-11-20',
      description: '制定“八项制度”；建有“同心汇智园”与五个主题实践基地。',
    },
  ]);
  const [branch] = await insertOrganisations(ctx, [
    { divisionId: district, name: data.demoOrganisationNames.gongjingBranch, type: 'association_new_strata', parentId: association!, foundedOn: '2020-12-18' },
  ]);
  const roles: MembershipRole[] = ['president', 'vice_president', 'secretary_general', 'council', 'member', 'member'];
  const people = await insertPeople(ctx, roles.map(() => ({ divisionId: district, ...nextPerson(counters), organisationId: association!, position: null })));
  await insertMemberships(ctx, [
    ...people.map((id, i) => ({ organisationId: association!, memberPersonId: id, role: roles[i]!, since: '2018-11-20' })),
    { organisationId: association!, memberOrganisationId: branch!, role: 'member', since: '2020-12-18' },
  ]);
  return { organisations: 2, people: people.length, memberships: people.length + 1 };
}

/** 412 private enterprises of Bozhou, spread over its four districts and counties. */
async function seedBozhou(ctx: SeedContext) {
  const cityPath = '安徽省/亳州市';
  const districts = [...ctx.divisionIds.keys()].filter((key) => key.startsWith(`${cityPath}/`));
  const names = firmNames('亳州', data.bozhouWords, data.bozhouIndustries, 412);
  await insertOrganisations(
    ctx,
    names.map((name, i) => ({ divisionId: divisionId(ctx, districts[i % districts.length]!), name, type: 'enterprise' as const, foundedOn: data.spreadDate(i, 2000, 2022) })),
  );
  return { organisations: names.length, people: 0, memberships: 0 };
}

export const registryOrgsSeeder: Seeder = {
  name: 'registry-orgs',
  async run(ctx) {
    const counters: Counters = { person: 0 };
    const parts = [
      await seedHuaxin(ctx, counters),
      await seedZhaoxiang(ctx, counters),
      await seedXujing(ctx),
      await seedJinshan(ctx),
      await seedHenglan(ctx, counters),
      await seedAnhuiBranches(ctx),
      await seedGongjing(ctx, counters),
      await seedBozhou(ctx),
    ];
    const sum = (key: 'organisations' | 'people' | 'memberships') => parts.reduce((total, part) => total + part[key], 0);
    ctx.log(`registry: ${sum('organisations')} organisations, ${sum('people')} people, ${sum('memberships')} memberships`);
  },
};
