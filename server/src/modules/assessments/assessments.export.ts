import type { AssessmentListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { assessmentsAfter, fromCenti, type AssessmentWithNames } from './assessments.repo.ts';
import { assessmentSearchOf } from './assessments.service.ts';

/**
 * Base assessments as on screen (same filters, every page) as .xlsx: the venue, the year's total
 * and the stars it set; audited as assessment.export.
 */
export async function exportAssessments(reply: FastifyReply, ctx: ActorContext, query: AssessmentListQuery) {
  const { page: _page, pageSize: _size, ...search } = await assessmentSearchOf(ctx, query);
  const namePath = await divisionPathNames(ctx.db);
  const { page: _p, pageSize: _s, ...filter } = query;
  return exportList<AssessmentWithNames>(reply, ctx, {
    entity: 'assessment',
    label: 'insight.exports.assessments',
    filter,
    columns: [
      { header: '年度', value: (a) => a.year },
      { header: '考核表', value: (a) => a.checklist_title, width: 28 },
      { header: '阵地', value: (a) => a.venue_name, width: 28 },
      { header: '阵地类型', value: (a) => zhLabel(`venueTypes.${a.venue_type}`), width: 14 },
      { header: '阵地级别', value: (a) => zhLabel(`venueLevels.${a.venue_level}`) },
      { header: '所属区划', value: (a) => namePath(a.venue_division_path), width: 28 },
      { header: '状态', value: (a) => zhLabel(`judging.assessmentStatuses.${a.status}`) },
      { header: '评分表数', value: (a) => Number(a.sheet_count) },
      { header: '总分', value: (a) => fromCenti(a.total_centi) },
      { header: '星级', value: (a) => a.stars },
      { header: '确定时间', value: (a) => a.finalised_at, width: 22 },
    ],
    page: (afterId, limit) => assessmentsAfter(ctx.db, search, afterId, limit),
  });
}
