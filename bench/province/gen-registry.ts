import { organisationTypes, venueLevels, venueTypes } from '@tongxin/core';
import { dayMs, givenNames, historyStart, iso, placeName, surnames, ymd } from './plan.ts';
import { seededRandom, type Random } from './random.ts';
import { flushIfFull, listOf, pickOr, t, type World } from './world.ts';

const stamps = [['version', 'int'], ['created_at', 'text'], ['updated_at', 'text']] as const;
const organisations = t('organisations', [
  ['id', 'int'], ['division_id', 'int'], ['name', 'text'], ['type', 'text'], ['founded_on', 'text'], ['contact_name', 'text'], ['contact_phone', 'text'], ['address', 'text'], ['archived_at', 'text'], ...stamps,
]);
const people = t('people', [['id', 'int'], ['division_id', 'int'], ['name', 'text'], ['phone', 'text'], ['organisation_id', 'int'], ['position', 'text'], ['archived_at', 'text'], ...stamps]);
const memberships = t('memberships', [
  ['id', 'int'], ['organisation_id', 'int'], ['member_organisation_id', 'int'], ['member_person_id', 'int'], ['role', 'text'], ['since', 'text'], ['until', 'text'], ...stamps,
]);
const brands = t('brands', [['id', 'int'], ['division_id', 'int'], ['name', 'text'], ['field', 'text'], ['archived_at', 'text'], ...stamps]);
const venues = t('venues', [
  ['id', 'int'], ['division_id', 'int'], ['name', 'text'], ['type', 'text'], ['level', 'text'], ['star_rating', 'int'], ['address', 'text'], ['owner_organisation_id', 'int'], ['brand_id', 'int'], ['is_public', 'int'], ['archived_at', 'text'], ...stamps,
]);

type OrgType = (typeof organisationTypes)[number];
const typeWeights: Array<readonly [OrgType, number]> = [
  ['enterprise', 45], ['volunteer_team', 15], ['new_org', 10], ['party_branch', 8], ['chamber', 4], ['association_new_strata', 2],
  ['association_intellectuals', 2], ['association_hometown', 2], ['service_centre', 4], ['other', 8],
];
const typeSuffix: Record<OrgType, string> = {
  chamber: '商会', association_new_strata: '新联会', association_intellectuals: '知联会', association_hometown: '同乡会', party_branch: '党派支部',
  community: '村居委', new_org: '两新组织', enterprise: '实业有限公司', volunteer_team: '志愿服务队', service_centre: '服务中心', other: '协会',
};
const roleWeights = [['member', 80], ['council', 10], ['vice_president', 5], ['president', 3], ['secretary_general', 2]] as const;

export const personName = (random: Random) => `${random.pick(surnames)}${random.pick(givenNames)}`;
export const mobile = (random: Random) => `1${random.pick(['39', '38', '37', '50', '58', '86', '89'])}${String(random.int(100_000_000)).padStart(8, '0')}`;
/** A creation time between the start of the history and "today". */
export const someTime = (random: Random, world: World) => historyStart + random.int(world.now - historyStart);

/** Organisations (one 村居 per village, the rest spread over towns, villages and districts), people, memberships, brands, venues. */
export async function generateRegistry(world: World): Promise<void> {
  const { plan, sink } = world;
  const random = seededRandom(world.seed, 'registry');
  const orgWriter = sink.table(organisations);
  world.orgDivision = new Int32Array(plan.organisations + 1);
  world.orgType = new Uint8Array(plan.organisations + 1);
  const groups: number[] = [];
  for (let id = 1; id <= plan.organisations; id++) {
    let division: number;
    let type: OrgType;
    if (id <= plan.villages) {
      division = world.villages[id - 1]!;
      type = 'community';
    } else {
      const where = random.next();
      division = where < 0.6 ? random.pick(world.villages) : where < 0.9 ? random.pick(world.towns) : random.pick(world.districts);
      type = random.weighted(typeWeights);
    }
    world.orgDivision[id] = division;
    world.orgType[id] = organisationTypes.indexOf(type);
    const town = world.townOf[division]!;
    if (town) listOf(world.orgsByTown, town).push(id);
    if (type === 'chamber' || type.startsWith('association')) groups.push(id);
    const created = someTime(random, world);
    const archived = random.chance(0.03) ? iso(created + random.int(world.now - created)) : null;
    orgWriter.add([
      id, division, placeName(id, typeSuffix[type]), type, ymd(created - random.int(8000) * dayMs), personName(random), mobile(random),
      `${placeName(id % 997, '路')}${1 + random.int(999)}号`, archived, 1, iso(created), iso(archived ? Date.parse(archived) : created),
    ]);
    if (orgWriter.full) await orgWriter.flush();
  }
  await orgWriter.flush();
  world.organisationCount = plan.organisations;

  const personWriter = sink.table(people);
  const memberWriter = sink.table(memberships);
  let membershipId = 1;
  for (let id = 1; id <= plan.people; id++) {
    const org = 1 + random.int(plan.organisations);
    const created = someTime(random, world);
    const role = random.weighted(roleWeights);
    personWriter.add([id, world.orgDivision[org]!, personName(random), mobile(random), org, role === 'member' ? null : '负责人', null, 1, iso(created), iso(created)]);
    const until = random.chance(0.05) ? ymd(created + random.int(world.now - created)) : null;
    memberWriter.add([membershipId++, org, null, id, role, ymd(created), until, 1, iso(created), iso(created)]);
    await flushIfFull(personWriter, memberWriter);
  }
  // Chambers and associations have member organisations from their own town.
  for (const group of groups) {
    const local = world.orgsByTown.get(world.townOf[world.orgDivision[group]!]!) ?? [];
    const count = Math.min(local.length, random.between(3, 25));
    const chosen = new Set<number>();
    for (let i = 0; i < count; i++) {
      const member = local[random.int(local.length)]!;
      if (member === group || chosen.has(member)) continue;
      chosen.add(member);
      const created = someTime(random, world);
      memberWriter.add([membershipId++, group, member, null, random.weighted(roleWeights), ymd(created), null, 1, iso(created), iso(created)]);
    }
    await flushIfFull(personWriter, memberWriter);
  }
  await personWriter.flush();
  await memberWriter.flush();

  const brandWriter = sink.table(brands);
  for (let id = 1; id <= plan.brands; id++) {
    const created = someTime(random, world);
    brandWriter.add([id, random.chance(0.8) ? random.pick(world.districts) : random.pick(world.cities), placeName(id * 13, '同心品牌'), random.pick(['助学', '助老', '法律', '医疗', '文化']), null, 1, iso(created), iso(created)]);
  }
  await brandWriter.flush();

  const venueWriter = sink.table(venues);
  for (let id = 1; id <= plan.venues; id++) {
    const where = random.next();
    const division = where < 0.6 ? random.pick(world.towns) : where < 0.9 ? random.pick(world.villages) : random.pick(world.districts);
    const town = world.townOf[division]!;
    if (town) listOf(world.venuesByTown, town).push(id);
    const level = random.weighted<(typeof venueLevels)[number]>([['national', 1], ['provincial', 4], ['municipal', 10], ['district', 30], ['town', 55]]);
    const created = someTime(random, world);
    venueWriter.add([
      id, division, placeName(id, '同心阵地'), random.pick(venueTypes), level, random.chance(0.6) ? random.between(1, 5) : null, `${placeName(id % 991, '街')}${1 + random.int(500)}号`,
      pickOr(random, world.orgsByTown.get(town), null), random.chance(0.2) ? 1 + random.int(plan.brands) : null, random.chance(0.6) ? 1 : 0,
      random.chance(0.02) ? iso(created + random.int(world.now - created)) : null, 1, iso(created), iso(created),
    ]);
    if (venueWriter.full) await venueWriter.flush();
  }
  await venueWriter.flush();
  world.venueCount = plan.venues;
}
