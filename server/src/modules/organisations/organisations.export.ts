import { pathIds, shanghaiToday, translate, type MemberListQuery, type OrganisationListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { Executor } from '../../db/database.ts';
import { readerOf, type ActorContext } from '../../http/context.ts';
import { exportXlsx, keysetRows } from '../../kernel/export-xlsx.ts';
import { allDivisionNames } from '../divisions/index.ts';
import { membersAfter } from './memberships.repo.ts';
import { loadOrganisation, subtreeFilter } from './organisations.service.ts';
import { organisationsAfter } from './organisations.repo.ts';

/**
 * Name paths of divisions (`上海市/青浦区/华新镇`), the form the import reads back, so an exported
 * sheet can be edited and imported again. Loaded once per export.
 *
 * @example
 * const names = await divisionNamePaths(db); names('/1/2/5/') // "上海市/青浦区/华新镇"
 */
export async function divisionNamePaths(db: Executor): Promise<(path: string) => string> {
  const rows = await allDivisionNames(db);
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (path) => pathIds(path).map((id) => names.get(id) ?? '').join('/');
}

/** Values are written as the import reads them (Chinese labels), whatever the user's language. */
const zh = (key: string) => translate('zh-CN', key);

export type OrganisationExportQuery = Omit<OrganisationListQuery, 'page' | 'pageSize' | 'after'>;

/** The filtered organisation list as .xlsx: scope checked first (403 before the file starts), phones masked, audited. */
export async function exportOrganisations(reply: FastifyReply, ctx: ActorContext, query: OrganisationExportQuery) {
  const { divisionId, sort: _sort, order: _order, ...rest } = query;
  const subtreePath = await subtreeFilter(ctx, divisionId);
  const namePath = await divisionNamePaths(ctx.db);
  const search = { ...rest, scopePath: ctx.actor.scopePath, subtreePath };
  return exportXlsx(reply, ctx, {
    entity: 'organisation',
    label: 'entities.organisation',
    filter: query,
    columns: [
      { header: '所属区划', value: (o) => namePath(o.division_path), width: 28 },
      { header: '名称', value: (o) => o.name, width: 32 },
      { header: '类型', value: (o) => zh(`organisationTypes.${o.type}`) },
      { header: '上级组织', value: (o) => o.parent_name, width: 24 },
      { header: '成立日期', value: (o) => o.founded_on, width: 12 },
      { header: '联系人', value: (o) => o.contact_name },
      { header: '联系电话', value: (o) => o.contact_phone, phone: true, width: 16 },
      { header: '地址', value: (o) => o.address, width: 32 },
      { header: '简介', value: (o) => o.description, width: 40 },
      { header: '状态', value: (o) => (o.archived_at ? '已归档' : '正常') },
    ],
    rows: keysetRows((afterId, limit) => organisationsAfter(readerOf(ctx), search, afterId, limit)),
  });
}

export type MemberExportQuery = Omit<MemberListQuery, 'page' | 'pageSize'>;

/** The filtered members of one organisation as .xlsx, in the import's columns (member people's phones are not exported). */
export async function exportMembers(reply: FastifyReply, ctx: ActorContext, organisationId: number, query: MemberExportQuery) {
  const organisation = await loadOrganisation(ctx, ctx.db, organisationId, 'read');
  const namePath = await divisionNamePaths(ctx.db);
  const search = { ...query, organisationId, scopePath: ctx.actor.scopePath, today: shanghaiToday(ctx.clock.now()) };
  return exportXlsx(reply, ctx, {
    entity: 'membership',
    label: 'entities.membership',
    filter: { organisationId, ...query },
    divisionId: organisation.division_id,
    columns: [
      { header: '组织', value: (m) => m.organisation_name, width: 28 },
      { header: '成员', value: (m) => m.mo_name ?? m.mp_name, width: 32 },
      { header: '成员类别', value: (m) => (m.member_organisation_id !== null ? '单位' : '个人') },
      { header: '职务角色', value: (m) => zh(`membershipRoles.${m.role}`) },
      { header: '起始日期', value: (m) => m.since, width: 12 },
      { header: '结束日期', value: (m) => m.until, width: 12 },
      { header: '成员所属区划', value: (m) => namePath(m.mo_division_path ?? m.mp_division_path ?? ''), width: 28 },
    ],
    rows: keysetRows((afterId, limit) => membersAfter(ctx.db, search, afterId, limit)),
  });
}
