import { demoOrganisationNames } from './registry-orgs.data.ts';
import { divisionId, type SeedContext } from './context.ts';
import type { WorkCounts, WorkSeedDates } from './work-context.ts';
import { addDays, jinshanServiceProjects, qingpuProjects, spreadBetween, xinEActivities } from './work.data.ts';
import { insertActivities, insertProjects, organisationByName, organisationsIn, type ActivitySeed, type ProjectSeed } from './work.insert.ts';

/** Qingpu's town projects (some milestones overdue, one unevidenced) and Jinshan's 19 service projects. */
export async function seedProjects(ctx: SeedContext, d: WorkSeedDates, counts: WorkCounts): Promise<Map<string, number>> {
  const rows: ProjectSeed[] = [];
  for (const project of qingpuProjects) {
    const offsets = project.milestones.map(([, offset]) => offset);
    const organisation = project.organisation ? await organisationByName(ctx, project.organisation) : undefined;
    rows.push({
      divisionId: divisionId(ctx, project.town),
      title: project.title,
      goal: project.goal,
      organisationId: organisation?.id ?? null,
      status: project.status,
      startDate: addDays(d.today, Math.min(...offsets) - 20),
      endDate: addDays(d.today, Math.max(...offsets) + 20),
      milestones: project.milestones.map(([title, offset, state]) => ({ title, dueDate: addDays(d.today, offset), state })),
    });
  }
  const platform = await organisationByName(ctx, demoOrganisationNames.jinshanPlatform);
  const statuses = ['active', 'done', 'active', 'reviewed'] as const;
  jinshanServiceProjects.forEach((title, i) => {
    const status = statuses[i % statuses.length]!;
    const closed = status === 'done' || status === 'reviewed';
    rows.push({
      divisionId: divisionId(ctx, '上海市/金山区'),
      title: `${title}服务项目`,
      goal: '金山区两新组织统战服务平台年度服务项目',
      organisationId: platform?.id ?? null,
      status,
      startDate: addDays(d.today, -200 + i),
      endDate: addDays(d.today, 60 + i),
      milestones: [
        { title: '项目启动', dueDate: addDays(d.today, -150 + i * 3), state: 'evidenced' },
        { title: '中期服务', dueDate: addDays(d.today, i % 3 === 0 ? -(i + 2) : 20 + i), state: closed ? 'evidenced' : 'open' },
      ],
    });
  });
  const ids = await insertProjects(ctx, rows, d.author);
  counts.projects += ids.length;
  return new Map(rows.map((row, i) => [row.title, ids[i]!]));
}

/** 幸福·新e园 (Huaxin): 64 activities from 1 January to today. Created here when the venue seed has not. */
export async function seedXinEActivities(ctx: SeedContext, d: WorkSeedDates, counts: WorkCounts, projects: Map<string, number>): Promise<void> {
  const town = divisionId(ctx, '上海市/青浦区/华新镇');
  let venue = await ctx.db.selectFrom('venues').select(['id', 'division_id']).where('name', '=', '幸福·新e园').orderBy('id').executeTakeFirst();
  if (!venue) {
    venue = await ctx.db
      .insertInto('venues')
      .values({
        division_id: town,
        name: '幸福·新e园',
        type: 'complex',
        level: 'town',
        address: '上海市青浦区华新镇',
        is_public: 1,
        description: '华新镇社区统战综合阵地',
        created_at: ctx.at,
        updated_at: ctx.at,
      })
      .returning(['id', 'division_id'])
      .executeTakeFirstOrThrow();
    ctx.log('work: created venue 幸福·新e园 (no venue seed had made it)');
  }
  const chamber = await organisationByName(ctx, demoOrganisationNames.huaxinChamber);
  const firms = (await organisationsIn(ctx, town, 'enterprise')).slice(0, 12);
  const project = projects.get('“幸福·新e园”阵地提升');
  const count = 64;
  const rows: ActivitySeed[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = xinEActivities[i % xinEActivities.length]!;
    const organisers = [chamber?.id, firms.length ? firms[i % firms.length]!.id : undefined].filter((id): id is number => id !== undefined);
    rows.push({
      divisionId: venue.division_id,
      title: `${kind.title}（第${Math.floor(i / xinEActivities.length) + 1}期）`,
      date: spreadBetween(i, count, d.yearStart, d.today),
      kind: kind.kind,
      venueId: venue.id,
      projectId: i % 4 === 0 ? (project ?? null) : null,
      participantCount: 20 + ((i * 7) % 60),
      summary: kind.summary,
      organiserIds: organisers,
    });
  }
  counts.activities += (await insertActivities(ctx, rows, d.author.id)).length;
}
