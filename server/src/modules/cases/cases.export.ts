import type { CaseListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { clocksOfCases, isOverdue } from './case-clocks.ts';
import { casesAfter, type CaseRow } from './cases.repo.ts';
import { caseSearchOf } from './cases.service.ts';

type Row = CaseRow & { overdue: boolean };

/** `2026-11-25T02:00:00.000Z` → `2026-11-25 10:00` (Shanghai), as the office reads a time. */
const shanghaiTime = (iso: string | null): string | null => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

/**
 * The filtered case list, all pages, as .xlsx: the caller's scope and units (as the list), the
 * submitter's phone masked, audited as case.export. "Overdue" runs on each page's clocks.
 */
export async function exportCases(reply: FastifyReply, ctx: ActorContext, query: CaseListQuery) {
  const search = await caseSearchOf(ctx, query);
  const namePath = await divisionPathNames(ctx.db);
  const now = ctx.clock.now();
  const { page: _page, pageSize: _size, ...filter } = query;
  return exportList<Row>(reply, ctx, {
    entity: 'case',
    label: 'entities.case',
    filter,
    columns: [
      { header: '受理编号', value: (c) => c.ticket_no, width: 18 },
      { header: '标题', value: (c) => c.title, width: 32 },
      { header: '类型', value: (c) => zhLabel(`requests.kinds.${c.kind}`) },
      { header: '类别', value: (c) => zhLabel(`requests.categories.${c.category}`) },
      { header: '渠道', value: (c) => zhLabel(`requests.channels.${c.channel}`) },
      { header: '状态', value: (c) => zhLabel(`requests.dispatchStates.${c.state}`) },
      { header: '受理时间', value: (c) => shanghaiTime(c.received_at), width: 18 },
      { header: '所属区划', value: (c) => namePath(c.division_path), width: 28 },
      { header: '提交人', value: (c) => c.submitter_name },
      { header: '联系电话', value: (c) => c.submitter_phone, phone: true, width: 16 },
      { header: '提交单位', value: (c) => c.submitter_organisation_name, width: 24 },
      { header: '是否逾期', value: (c) => (c.overdue ? '是' : '否') },
      { header: '是否解决', value: (c) => (c.solved === null ? null : c.solved ? '是' : '否') },
      { header: '满意度', value: (c) => (c.satisfaction ? zhLabel(`requests.satisfaction.${c.satisfaction}`) : null) },
      { header: '办结时间', value: (c) => shanghaiTime(c.closed_at), width: 18 },
    ],
    page: async (afterId, limit) => {
      const rows = await casesAfter(ctx.db, search, afterId, limit);
      const { clocks } = await clocksOfCases(ctx.db, rows, now);
      return rows.map((row) => ({ ...row, overdue: isOverdue(clocks.get(row.id)!) }));
    },
    ...(query.overdue === undefined ? {} : { keep: (row: Row) => row.overdue === (query.overdue === 'true') }),
  });
}
