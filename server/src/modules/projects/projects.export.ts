import type { ProjectListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { projectsAfter } from './projects.repo.ts';
import { divisionFilterPath, todayOf } from './work-scope.ts';

type Row = Awaited<ReturnType<typeof projectsAfter>>[number];

/** A milestone as one line of the 节点 cell: `title（due，已完成/未完成[，无佐证]）`. */
function milestoneLine(m: Row['milestones'][number]): string {
  const state = m.completed_at === null ? '未完成' : m.evidence ? '已完成' : '已完成，无佐证';
  return `${m.title}（${m.due_date}，${state}）`;
}

/** The filtered project list, all pages, with milestones, as .xlsx (scope checked first; audited as project.export). */
export async function exportProjects(reply: FastifyReply, ctx: ActorContext, query: ProjectListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const { divisionId: _division, page: _page, pageSize: _size, ...rest } = query;
  const search = { ...rest, subtreePath, scopePath: ctx.actor.scopePath, today: todayOf(ctx) };
  const namePath = await divisionPathNames(ctx.db);
  return exportList<Row>(reply, ctx, {
    entity: 'project',
    label: 'entities.project',
    filter: { ...rest, ...(query.divisionId ? { divisionId: query.divisionId } : {}) },
    columns: [
      { header: '所属区划', value: (p) => namePath(p.division_path), width: 28 },
      { header: '名称', value: (p) => p.title, width: 32 },
      { header: '状态', value: (p) => zhLabel(`projectStatuses.${p.status}`) },
      { header: '责任单位', value: (p) => p.organisation_name, width: 24 },
      { header: '责任人', value: (p) => p.person_name },
      { header: '品牌', value: (p) => p.brand_name },
      { header: '开始日期', value: (p) => p.start_date, width: 12 },
      { header: '结束日期', value: (p) => p.end_date, width: 12 },
      { header: '节点数', value: (p) => Number(p.milestone_count ?? 0) },
      { header: '已完成节点', value: (p) => Number(p.completed_count ?? 0) },
      { header: '逾期节点', value: (p) => Number(p.overdue_count ?? 0) },
      { header: '节点', value: (p) => p.milestones.map(milestoneLine).join('\n'), width: 48 },
      { header: '目标', value: (p) => p.goal, width: 40 },
      { header: '归档', value: (p) => (p.archived_at ? '已归档' : '正常') },
    ],
    page: (afterId, limit) => projectsAfter(ctx.db, search, afterId, limit),
  });
}
