import { activityKinds, organisationTypes, pairingKinds } from '@tongxin/core';
import { someTime } from './gen-registry.ts';
import { dayMs, historyStart, hourMs, iso, placeName, ymd } from './plan.ts';
import { seededRandom, type Random } from './random.ts';
import { flushIfFull, listOf, pickOr, t, type World } from './world.ts';

const stamps = [['version', 'int'], ['created_at', 'text'], ['updated_at', 'text']] as const;
const projects = t('projects', [
  ['id', 'int'], ['division_id', 'int'], ['title', 'text'], ['goal', 'text'], ['responsible_organisation_id', 'int'], ['brand_id', 'int'], ['start_date', 'text'], ['end_date', 'text'], ['status', 'text'], ['created_by', 'int'], ['archived_at', 'text'], ...stamps,
]);
const milestones = t('project_milestones', [['id', 'int'], ['project_id', 'int'], ['title', 'text'], ['due_date', 'text'], ['completed_at', 'text'], ['completed_by', 'int'], ['sort_order', 'int'], ...stamps]);
const statusHistory = t('project_status_history', [['id', 'int'], ['project_id', 'int'], ['from_status', 'text'], ['to_status', 'text'], ['actor_id', 'int'], ['actor_name', 'text'], ['at', 'text'], ['note', 'text']]);
const programmes = t('pairing_programmes', [
  ['id', 'int'], ['division_id', 'int'], ['title', 'text'], ['kind', 'text'], ['target_type', 'text'], ['partner_type', 'text'], ['start_date', 'text'], ['deadline', 'text'], ['created_by', 'int'], ...stamps,
]);
const pairs = t('pairs', [['id', 'int'], ['programme_id', 'int'], ['division_id', 'int'], ['organisation_id', 'int'], ['partner_organisation_id', 'int'], ['start_date', 'text'], ['end_date', 'text'], ['created_by', 'int'], ...stamps]);
const activities = t('activities', [
  ['id', 'int'], ['division_id', 'int'], ['title', 'text'], ['date', 'text'], ['kind', 'text'], ['venue_id', 'int'], ['project_id', 'int'], ['pair_id', 'int'], ['participant_count', 'int'], ['summary', 'text'], ['created_by', 'int'], ['archived_at', 'text'], ...stamps,
]);
const organisers = t('activity_organisers', [['activity_id', 'int'], ['organisation_id', 'int']]);

const kindLabel: Record<(typeof activityKinds)[number], string> = {
  event: '主题活动', training: '技能培训', visit: '走访慰问', seminar: '座谈会', talk: '政策宣讲', volunteer_service: '志愿服务', study_session: '学习交流',
};
const kindWeights = [['event', 25], ['training', 10], ['visit', 20], ['seminar', 12], ['talk', 10], ['volunteer_service', 18], ['study_session', 5]] as const;

/** The office that acts for a division: the town's, else the district's (or the division's own). */
const officeUser = (world: World, division: number) => world.staffOf[world.townOf[division] || world.districtOf[division] || division] || 1;

/** An organisation of one type from the town's list (a few tries), or any of the town's. */
function orgOfType(random: Random, world: World, town: number, type: string): number | null {
  const list = world.orgsByTown.get(town);
  if (!list?.length) return null;
  const wanted = organisationTypes.indexOf(type as (typeof organisationTypes)[number]);
  for (let i = 0; i < 8; i++) {
    const id = list[random.int(list.length)]!;
    if (world.orgType[id] === wanted) return id;
  }
  return list[random.int(list.length)]!;
}

export async function generateProjects(world: World): Promise<void> {
  const random = seededRandom(world.seed, 'projects');
  const projectWriter = world.sink.table(projects);
  const milestoneWriter = world.sink.table(milestones);
  const historyWriter = world.sink.table(statusHistory);
  let milestoneId = 1;
  let historyId = 1;
  for (let id = 1; id <= world.plan.projects; id++) {
    const where = random.next();
    const division = where < 0.6 ? random.pick(world.towns) : where < 0.9 ? random.pick(world.districts) : random.pick(world.villages);
    const town = world.townOf[division]!;
    if (town) listOf(world.projectsByTown, town).push(id);
    const created = someTime(random, world);
    const start = created + random.int(60) * dayMs;
    const end = start + random.between(30, 400) * dayMs;
    let status: string;
    if (start > world.now) status = 'planned';
    else if (end > world.now) status = random.chance(0.9) ? 'active' : 'planned';
    else status = random.weighted([['done', 50], ['reviewed', 35], ['active', 15]]);
    const user = officeUser(world, division);
    const name = world.staffName.get(user) ?? null;
    // The history up to the present status, each step after the one before and never after "today".
    const steps: Array<[string | null, string, number]> = [[null, 'planned', created]];
    const order = ['planned', 'active', 'done', 'reviewed'];
    let at = created;
    for (let s = 1; s <= order.indexOf(status); s++) {
      at = Math.min(world.now - hourMs, Math.max(at + hourMs, s === 1 ? start : s === 2 ? end : end + random.int(60) * dayMs));
      steps.push([order[s - 1]!, order[s]!, at]);
    }
    projectWriter.add([
      id, division, `${placeName(id, '同心项目')}`, '为群众办实事', pickOr(random, world.orgsByTown.get(town), null), random.chance(0.1) ? 1 + random.int(world.plan.brands) : null,
      ymd(start), ymd(end), status, user, random.chance(0.01) ? iso(at) : null, steps.length, iso(created), iso(at),
    ]);
    for (const [from, to, when] of steps) historyWriter.add([historyId++, id, from, to, user, name, iso(when), null]);
    const count = random.between(2, 5);
    for (let m = 0; m < count; m++) {
      const due = start + Math.round(((m + 1) / count) * (end - start));
      const done = status === 'done' || status === 'reviewed' || (due < world.now && random.chance(0.8)) || (due >= world.now && random.chance(0.2));
      const completed = done ? Math.min(world.now - hourMs, due - random.int(10) * dayMs) : null;
      milestoneWriter.add([milestoneId++, id, `第${m + 1}阶段`, ymd(due), completed ? iso(completed) : null, completed ? user : null, m, 1, iso(created), iso(completed ?? created)]);
    }
    await flushIfFull(projectWriter, historyWriter, milestoneWriter);
  }
  await projectWriter.flush();
  await historyWriter.flush();
  await milestoneWriter.flush();
}

export async function generatePairings(world: World): Promise<void> {
  const random = seededRandom(world.seed, 'pairings');
  const programmeWriter = world.sink.table(programmes);
  const pairWriter = world.sink.table(pairs);
  const programmeInfo: Array<{ division: number; towns: number[]; partner: string; start: number }> = [];
  for (let id = 1; id <= world.plan.programmes; id++) {
    const atCity = random.chance(0.2);
    const division = atCity ? random.pick(world.cities) : random.pick(world.districts);
    const districts = atCity ? (world.districtsByCity.get(division) ?? []) : [division];
    const towns = districts.flatMap((d) => world.townsByDistrict.get(d) ?? []);
    const kind = random.pick(pairingKinds);
    const partner = kind === 'party_branch_community' ? 'party_branch' : kind === 'enterprise_village' ? 'enterprise' : random.pick(['enterprise', 'chamber']);
    const start = historyStart + random.int(world.now - historyStart - 30 * dayMs);
    programmeInfo.push({ division, towns, partner, start });
    const created = start - random.int(30) * dayMs;
    programmeWriter.add([id, division, placeName(id, '结对共建行动'), kind, 'community', partner, ymd(start), ymd(start + random.between(180, 720) * dayMs), world.staffOf[division] || 1, 1, iso(created), iso(created)]);
  }
  await programmeWriter.flush();
  let pairId = 1;
  for (let i = 0; i < world.plan.pairs; i++) {
    const programme = 1 + random.int(world.plan.programmes);
    const info = programmeInfo[programme - 1]!;
    if (!info.towns.length) continue;
    const town = random.pick(info.towns);
    const target = orgOfType(random, world, town, 'community');
    const partner = orgOfType(random, world, town, info.partner);
    if (target === null || partner === null || target === partner) continue;
    const start = info.start + random.int(Math.max(1, world.now - info.start));
    const id = pairId++;
    listOf(world.pairsByTown, town).push(id);
    pairWriter.add([id, programme, info.division, target, partner, ymd(start), random.chance(0.05) ? ymd(start + random.int(Math.max(1, world.now - start))) : null, world.staffOf[info.division] || 1, 1, iso(start), iso(start)]);
    if (pairWriter.full) await pairWriter.flush();
  }
  await pairWriter.flush();
}

export async function generateActivities(world: World): Promise<void> {
  const random = seededRandom(world.seed, 'activities');
  const activityWriter = world.sink.table(activities);
  const organiserWriter = world.sink.table(organisers);
  const span = world.now - historyStart;
  for (let id = 1; id <= world.plan.activities; id++) {
    const where = random.next();
    const division = where < 0.5 ? random.pick(world.villages) : where < 0.9 ? random.pick(world.towns) : random.pick(world.districts);
    const town = world.townOf[division]!;
    // More activities recently than three years ago (the platform is used more and more).
    const day = historyStart + Math.floor(Math.sqrt(random.next()) * span);
    const kind = random.weighted(kindWeights);
    const venue = random.chance(0.3) ? pickOr(random, world.venuesByTown.get(town), null) : null;
    const project = random.chance(0.1) ? pickOr(random, world.projectsByTown.get(town), null) : null;
    const pair = random.chance(0.05) ? pickOr(random, world.pairsByTown.get(town), null) : null;
    const created = iso(Math.min(world.now - 1, day + random.int(72) * hourMs));
    activityWriter.add([
      id, division, `${kindLabel[kind]}（第${1 + (id % 40)}期）`, ymd(day), kind, venue, project, pair, random.between(5, 300), '组织开展活动，收集意见建议。', officeUser(world, division),
      random.chance(0.01) ? created : null, 1, created, created,
    ]);
    const first = pickOr(random, world.orgsByTown.get(town), null);
    if (first !== null && random.chance(0.85)) {
      organiserWriter.add([id, first]);
      const second = random.chance(0.15) ? pickOr(random, world.orgsByTown.get(town), null) : null;
      if (second !== null && second !== first) organiserWriter.add([id, second]);
    }
    await flushIfFull(activityWriter, organiserWriter);
  }
  await activityWriter.flush();
  await organiserWriter.flush();
}
