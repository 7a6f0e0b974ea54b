import type { LeadListQuery, TalentListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { leadsAfter, type LeadWithNames } from './leads.repo.ts';
import { divisionFor } from './leads.service.ts';
import { talentsAfter, type TalentWithNames } from './talents.repo.ts';

/** Fen as yuan for a sheet cell (integer fen ÷ 100 prints as its two-decimal amount). */
const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);

/** The filtered lead list, all pages, as .xlsx (scope checked first; audited as lead.export). */
export async function exportLeads(reply: FastifyReply, ctx: ActorContext, query: LeadListQuery) {
  const { divisionId, page: _page, pageSize: _size, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionFor(ctx, ctx.db, divisionId, 'query.divisionId', 'read');
  const search = { ...rest, scopePath: ctx.actor.scopePath, subtreePath: subtree?.path };
  const namePath = await divisionPathNames(ctx.db);
  return exportList<LeadWithNames>(reply, ctx, {
    entity: 'lead',
    label: 'entities.lead',
    filter: { ...rest, ...(divisionId ? { divisionId } : {}) },
    columns: [
      { header: '所属区划', value: (l) => namePath(l.division_path), width: 28 },
      { header: '企业名称', value: (l) => l.firm_name, width: 32 },
      { header: '行业', value: (l) => l.sector },
      { header: '来源', value: (l) => zhLabel(`judging.leadOrigins.${l.origin}`) },
      { header: '引荐组织', value: (l) => l.source_organisation_name, width: 24 },
      { header: '阶段', value: (l) => zhLabel(`judging.leadStages.${l.stage}`) },
      { header: '首次接触日期', value: (l) => l.first_contact_on, width: 12 },
      { header: '签约日期', value: (l) => l.signed_on, width: 12 },
      { header: '合同金额（元）', value: (l) => yuan(l.contract_fen), width: 16 },
      { header: '落地日期', value: (l) => l.landed_on, width: 12 },
      { header: '到位金额（元）', value: (l) => yuan(l.landed_fen), width: 16 },
      { header: '备注', value: (l) => l.note, width: 32 },
      { header: '状态', value: (l) => (l.archived_at ? '已归档' : '正常') },
    ],
    page: (afterId, limit) => leadsAfter(ctx.db, search, afterId, limit),
  });
}

/** The filtered talent-intake list, all pages, as .xlsx (scope checked first; audited as talent_intake.export). */
export async function exportTalents(reply: FastifyReply, ctx: ActorContext, query: TalentListQuery) {
  const { divisionId, page: _page, pageSize: _size, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionFor(ctx, ctx.db, divisionId, 'query.divisionId', 'read');
  const search = { ...rest, scopePath: ctx.actor.scopePath, subtreePath: subtree?.path };
  const namePath = await divisionPathNames(ctx.db);
  return exportList<TalentWithNames>(reply, ctx, {
    entity: 'talent_intake',
    label: 'entities.talent_intake',
    filter: { ...rest, ...(divisionId ? { divisionId } : {}) },
    columns: [
      { header: '所属区划', value: (r) => namePath(r.division_path), width: 28 },
      { header: '日期', value: (r) => r.date, width: 12 },
      { header: '人数', value: (r) => r.count },
      { header: '领域', value: (r) => r.field },
      { header: '来源', value: (r) => r.origin },
      { header: '备注', value: (r) => r.note, width: 32 },
      { header: '状态', value: (r) => (r.archived_at ? '已归档' : '正常') },
    ],
    page: (afterId, limit) => talentsAfter(ctx.db, search, afterId, limit),
  });
}
