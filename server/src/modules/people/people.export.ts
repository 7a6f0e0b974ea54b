import { shanghaiToday, translate, type PersonListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { exportXlsx, keysetRows } from '../../kernel/export-xlsx.ts';
import { divisionNamePaths } from '../organisations/organisations.export.ts';
import { subtreeFilter } from '../organisations/organisations.service.ts';
import { peopleAfter } from './people.repo.ts';

export type PersonExportQuery = Omit<PersonListQuery, 'page' | 'pageSize'>;

/**
 * The filtered people list as .xlsx in the import's columns: scope checked before the file starts
 * (403), every phone masked (`138****5678`), one audit entry `person.export`.
 */
export async function exportPeople(reply: FastifyReply, ctx: ActorContext, query: PersonExportQuery) {
  const { divisionId, sort: _sort, order: _order, ...rest } = query;
  const subtreePath = await subtreeFilter(ctx, divisionId);
  const namePath = await divisionNamePaths(ctx.db);
  const search = { ...rest, scopePath: ctx.actor.scopePath, subtreePath, today: shanghaiToday(ctx.clock.now()) };
  return exportXlsx(reply, ctx, {
    entity: 'person',
    label: 'entities.person',
    filter: query,
    columns: [
      { header: '所属区划', value: (p) => namePath(p.division_path), width: 28 },
      { header: '姓名', value: (p) => p.name },
      { header: '电话', value: (p) => p.phone, phone: true, width: 16 },
      { header: '所在组织', value: (p) => p.organisation_name, width: 28 },
      { header: '职务', value: (p) => p.position },
      { header: '角色', value: (p) => p.roles.map((role) => translate('zh-CN', `membershipRoles.${role}`)).join('、') },
      { header: '状态', value: (p) => (p.archived_at ? '已归档' : '正常') },
    ],
    rows: keysetRows((afterId, limit) => peopleAfter(ctx.db, search, afterId, limit)),
  });
}
