import type { ActivityListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { divisionFilterPath } from '../projects/work-scope.ts';
import { activitiesAfter } from './activities.repo.ts';

/** The filtered activity list, all pages, as .xlsx (scope checked before the file starts; audited as activity.export). */
export async function exportActivities(reply: FastifyReply, ctx: ActorContext, query: ActivityListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const { divisionId: _division, page: _page, pageSize: _size, ...rest } = query;
  const search = { ...rest, subtreePath, scopePath: ctx.actor.scopePath };
  const namePath = await divisionPathNames(ctx.db);
  return exportList<Awaited<ReturnType<typeof activitiesAfter>>[number]>(reply, ctx, {
    entity: 'activity',
    label: 'entities.activity',
    filter: { ...rest, ...(query.divisionId ? { divisionId: query.divisionId } : {}) },
    columns: [
      { header: '所属区划', value: (a) => namePath(a.division_path), width: 28 },
      { header: '名称', value: (a) => a.title, width: 32 },
      { header: '日期', value: (a) => a.date, width: 12 },
      { header: '类型', value: (a) => zhLabel(`activityKinds.${a.kind}`) },
      { header: '阵地', value: (a) => a.venue_name, width: 20 },
      { header: '项目', value: (a) => a.project_title, width: 24 },
      { header: '组织单位', value: (a) => a.organisers.map((o) => o.name).join('、'), width: 28 },
      { header: '参与人数', value: (a) => a.participant_count },
      { header: '照片数', value: (a) => Number(a.photo_count ?? 0) },
      { header: '简介', value: (a) => a.summary, width: 40 },
      { header: '状态', value: (a) => (a.archived_at ? '已归档' : '正常') },
    ],
    page: (afterId, limit) => activitiesAfter(ctx.db, search, afterId, limit),
  });
}
