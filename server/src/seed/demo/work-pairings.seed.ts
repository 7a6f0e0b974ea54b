import { divisionId, type SeedContext } from './context.ts';
import type { WorkCounts, WorkSeedDates } from './work-context.ts';
import { addDays, bozhouRuralProjectKinds, bozhouVillageSuffixes, bozhouVillageWords, spreadBetween } from './work.data.ts';
import { insertActivities, insertPairs, insertProgramme, insertProjects, organisationsIn, type ActivitySeed, type ProjectSeed } from './work.insert.ts';
import { insertOrganisations } from './registry-orgs.insert.ts';

/** Lu'an: all 29 democratic-party branches should pair with a community by 31 December; 13 have. */
export async function seedLuan(ctx: SeedContext, d: WorkSeedDates, counts: WorkCounts): Promise<void> {
  const city = divisionId(ctx, '安徽省/六安市');
  const branches = await organisationsIn(ctx, city, 'party_branch');
  const communities = await organisationsIn(ctx, city, 'community');
  if (branches.length !== 29) ctx.log(`work: expected 29 party branches in 六安市, found ${branches.length}`);
  const programme = await insertProgramme(ctx, {
    divisionId: city,
    title: '民主党派支部结对共建社区',
    kind: 'party_branch_community',
    targetType: 'party_branch',
    partnerType: 'community',
    startDate: d.yearStart,
    deadline: `${d.year}-12-31`,
    description: '全市 29 个民主党派支部年底前全部与社区结对共建。',
  });
  const paired = Math.min(13, branches.length, communities.length);
  const latest = addDays(d.today, -30) < d.yearStart ? d.yearStart : addDays(d.today, -30);
  const pairIds = await insertPairs(
    ctx,
    { id: programme, divisionId: city },
    Array.from({ length: paired }, (_, i) => ({ organisationId: branches[i]!.id, partnerId: communities[i]!.id, startDate: spreadBetween(i, paired, d.yearStart, latest) })),
  );
  // Ten pairs are active; the last three have had no activity yet.
  const rows: ActivitySeed[] = pairIds.slice(0, 10).flatMap((pairId, i) =>
    [spreadBetween(i, 10, d.yearStart, d.today), addDays(d.today, -5 - i) < d.yearStart ? d.yearStart : addDays(d.today, -5 - i)].map((date, k) => ({
      divisionId: communities[i]!.division_id,
      title: k === 0 ? '结对共建签约暨首次联席会' : '结对共建进社区服务',
      date,
      kind: k === 0 ? 'seminar' : 'volunteer_service',
      pairId,
      participantCount: 18 + i,
      summary: '支部党员与社区居民面对面，开展政策宣讲和便民服务。',
      organiserIds: [branches[i]!.id, communities[i]!.id],
    })),
  );
  counts.activities += (await insertActivities(ctx, rows, d.author.id)).length;
  counts.programmes += 1;
  counts.pairs += pairIds.length;
}

/** Bozhou (万企兴万村): 412 villages, each paired with one of 412 private enterprises, and 206 rural projects. */
export async function seedBozhou(ctx: SeedContext, d: WorkSeedDates, counts: WorkCounts): Promise<void> {
  const cityPath = '安徽省/亳州市';
  const city = divisionId(ctx, cityPath);
  const districts = [...ctx.divisionIds.keys()].filter((key) => key.startsWith(`${cityPath}/`)).map((key) => divisionId(ctx, key));
  let villages = await organisationsIn(ctx, city, 'community');
  if (villages.length < 412) {
    const rows = [];
    for (let i = villages.length; i < 412; i += 1) {
      const name = `${bozhouVillageWords[i % bozhouVillageWords.length]}${bozhouVillageSuffixes[Math.floor(i / bozhouVillageWords.length)]}村民委员会`;
      rows.push({ divisionId: districts[i % districts.length] ?? city, name, type: 'community' as const });
    }
    await insertOrganisations(ctx, rows);
    counts.organisations += rows.length;
    villages = await organisationsIn(ctx, city, 'community');
  }
  const enterprises = await organisationsIn(ctx, city, 'enterprise');
  const programme = await insertProgramme(ctx, {
    divisionId: city,
    title: '万企兴万村结对帮扶',
    kind: 'enterprise_village',
    targetType: 'community',
    partnerType: 'enterprise',
    startDate: `${d.year - 2}-03-01`,
    deadline: `${d.year}-12-31`,
    description: '全市 412 家民营企业结对 412 个村，发展产业、吸纳就业、捐资助村。',
  });
  const count = Math.min(412, villages.length, enterprises.length);
  const pairIds = await insertPairs(
    ctx,
    { id: programme, divisionId: city },
    Array.from({ length: count }, (_, i) => ({ organisationId: villages[i]!.id, partnerId: enterprises[i]!.id, startDate: spreadBetween(i, count, `${d.year - 2}-03-01`, `${d.year - 1}-06-30`) })),
  );
  const projects: ProjectSeed[] = Array.from({ length: Math.min(206, count) }, (_, i) => {
    const village = villages[i * 2 % count]!;
    const status = (['active', 'done', 'active', 'reviewed'] as const)[i % 4]!;
    return {
      divisionId: village.division_id,
      title: `${village.name.replace('村民委员会', '')}${bozhouRuralProjectKinds[i % bozhouRuralProjectKinds.length]}项目`,
      organisationId: enterprises[i * 2 % count]!.id,
      status,
      startDate: spreadBetween(i, 206, `${d.year - 2}-04-01`, `${d.year - 1}-12-31`),
      endDate: `${d.year + 1}-06-30`,
      milestones: [{ title: '项目落地', dueDate: spreadBetween(i, 206, `${d.year - 1}-01-01`, addDays(d.today, -1)), state: status === 'active' && i % 10 === 0 ? 'open' : 'evidenced' }],
    };
  });
  counts.projects += (await insertProjects(ctx, projects, d.author)).length;
  // Four in five pairs were visited this quarter; the rest show up as "no activity in the last quarter".
  const since = addDays(d.today, -80);
  const visits: ActivitySeed[] = pairIds
    .map((pairId, i) => ({ pairId, i }))
    .filter(({ i }) => i % 5 !== 0)
    .map(({ pairId, i }) => ({
      divisionId: villages[i]!.division_id,
      title: '企业负责人进村走访',
      date: spreadBetween(i, count, since < d.yearStart ? d.yearStart : since, d.today),
      kind: 'visit',
      pairId,
      participantCount: 6 + (i % 10),
      summary: '对接村集体产业项目，商议用工和农产品收购。',
      organiserIds: [enterprises[i]!.id],
    }));
  counts.activities += (await insertActivities(ctx, visits, d.author.id)).length;
  counts.programmes += 1;
  counts.pairs += pairIds.length;
}

/** Bengbu: the democratic parties' 21 branches paired with 21 communities, 21 service projects, 100+ activities a year. */
export async function seedBengbu(ctx: SeedContext, d: WorkSeedDates, counts: WorkCounts): Promise<void> {
  const city = divisionId(ctx, '安徽省/蚌埠市');
  const branches = await organisationsIn(ctx, city, 'party_branch');
  const communities = await organisationsIn(ctx, city, 'community');
  const count = Math.min(21, branches.length, communities.length);
  const programme = await insertProgramme(ctx, {
    divisionId: city,
    title: '民主党派结对共建社区',
    kind: 'party_branch_community',
    targetType: 'party_branch',
    partnerType: 'community',
    startDate: `${d.year - 1}-09-01`,
    deadline: `${d.year}-12-31`,
    description: '各民主党派与 21 个社区结对，每个结对一项服务项目，每季度召开一次交流会。',
  });
  const pairIds = await insertPairs(ctx, { id: programme, divisionId: city }, Array.from({ length: count }, (_, i) => ({ organisationId: branches[i]!.id, partnerId: communities[i]!.id, startDate: `${d.year - 1}-09-01` })));
  const projectIds = await insertProjects(
    ctx,
    Array.from({ length: count }, (_, i) => ({
      divisionId: city,
      title: `${communities[i]!.name.replace('社区居民委员会', '')}社区“同心”服务项目`,
      goal: '党派专长与社区需求对接，全年服务不少于 5 次',
      organisationId: branches[i]!.id,
      status: 'active' as const,
      startDate: `${d.year - 1}-09-01`,
      endDate: `${d.year}-12-31`,
      milestones: [
        { title: '社区需求调研', dueDate: `${d.year - 1}-10-31`, state: 'evidenced' as const },
        { title: '服务实施', dueDate: addDays(d.today, i % 7 === 0 ? -10 : 30), state: 'open' as const },
      ],
    })),
    d.author,
  );
  counts.projects += projectIds.length;
  const kinds = ['volunteer_service', 'visit', 'event', 'training', 'volunteer_service'];
  const rows: ActivitySeed[] = [];
  pairIds.forEach((pairId, i) => {
    // The last two pairs went quiet after spring: they appear among the stale pairs.
    const until = i >= count - 2 ? addDays(d.yearStart, 60) : d.today;
    for (let k = 0; k < 5; k += 1) {
      rows.push({
        divisionId: city,
        title: `结对共建服务进社区（${k + 1}）`,
        date: spreadBetween(k * count + i, 5 * count, d.yearStart, until > d.today ? d.today : until),
        kind: kinds[k]!,
        pairId,
        projectId: projectIds[i]!,
        participantCount: 25 + ((i + k) % 30),
        summary: '法律咨询、义诊、助学和政策宣讲进社区。',
        organiserIds: [branches[i]!.id, communities[i]!.id],
      });
    }
  });
  for (let quarter = 0; quarter < 4; quarter += 1) {
    const date = `${d.year}-${String(quarter * 3 + 2).padStart(2, '0')}-15`;
    if (date > d.today) break;
    rows.push({
      divisionId: city,
      title: `民主党派结对共建第${quarter + 1}季度交流会`,
      date,
      kind: 'seminar',
      participantCount: 42,
      summary: '各结对组交流本季度服务情况，部署下季度重点。',
      minutes: '一、各结对组汇报；二、交流经验做法；三、研究下季度服务计划。',
      organiserIds: branches.slice(0, 3).map((b) => b.id),
    });
  }
  counts.activities += (await insertActivities(ctx, rows, d.author.id)).length;
  counts.programmes += 1;
  counts.pairs += pairIds.length;
}
