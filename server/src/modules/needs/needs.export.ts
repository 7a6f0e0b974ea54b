import type { NeedListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { needsAfter, type NeedRow } from './needs.repo.ts';
import { needSearchOf } from './needs.service.ts';

const shanghaiDay = (iso: string | null): string | null => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : null);

/** The filtered need list, all pages, as .xlsx (the list's visibility; phones masked; audited as need.export). */
export async function exportNeeds(reply: FastifyReply, ctx: ActorContext, query: NeedListQuery) {
  const search = await needSearchOf(ctx, query);
  const namePath = await divisionPathNames(ctx.db);
  const { page: _page, pageSize: _size, ...filter } = query;
  return exportList<NeedRow>(reply, ctx, {
    entity: 'need',
    label: 'entities.need',
    filter,
    columns: [
      { header: '编号', value: (n) => n.ticket_no, width: 18 },
      { header: '标题', value: (n) => n.title, width: 32 },
      { header: '所属区划', value: (n) => namePath(n.division_path), width: 28 },
      { header: '状态', value: (n) => zhLabel(`requests.claimStates.${n.state}`) },
      { header: '期望完成日期', value: (n) => n.wanted_by, width: 12 },
      { header: '渠道', value: (n) => zhLabel(`requests.channels.${n.channel}`) },
      { header: '提交人', value: (n) => n.submitter_name },
      { header: '联系电话', value: (n) => n.submitter_phone, phone: true, width: 16 },
      { header: '认领单位', value: (n) => n.claimant_name, width: 24 },
      { header: '发布日期', value: (n) => shanghaiDay(n.published_at), width: 12 },
      { header: '认领日期', value: (n) => shanghaiDay(n.claimed_at), width: 12 },
      { header: '完成日期', value: (n) => shanghaiDay(n.fulfilled_at), width: 12 },
      { header: '说明', value: (n) => n.description, width: 40 },
    ],
    page: (afterId, limit) => needsAfter(ctx.db, search, afterId, limit),
  });
}
