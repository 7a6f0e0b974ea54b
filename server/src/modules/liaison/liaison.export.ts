import type { RelationshipListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList } from '../imports/list-export.ts';
import { divisionFilterPath, todayOf } from '../projects/work-scope.ts';
import { isContactDue, relationshipsAfter, type RelationshipWithNames } from './liaison.repo.ts';
import { monthsBefore } from '@tongxin/core';

/**
 * 交朋友 relationships as on screen (same filters, every page) as .xlsx: the representative's
 * phone masked, each row's contact count and last contact, audited as liaison_relationship.export.
 */
export async function exportRelationships(reply: FastifyReply, ctx: ActorContext, query: RelationshipListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const today = todayOf(ctx);
  const since = monthsBefore(today, 3);
  const cadreUserId = query.mine ? ctx.actor.userId : query.cadreUserId;
  const search = { scopePath: ctx.actor.scopePath, subtreePath, q: query.q, cadreUserId, personId: query.personId, today, since };
  const namePath = await divisionPathNames(ctx.db);
  const { page: _page, pageSize: _size, ...filter } = query;
  return exportList<RelationshipWithNames>(reply, ctx, {
    entity: 'liaison_relationship',
    label: 'insight.exports.liaison',
    filter,
    columns: [
      { header: '所属区划', value: (r) => namePath(r.division_path), width: 28 },
      { header: '联系干部', value: (r) => r.cadre_name, width: 14 },
      { header: '联系对象', value: (r) => r.person_name, width: 14 },
      { header: '单位', value: (r) => r.organisation_name, width: 24 },
      { header: '职务', value: (r) => r.person_position, width: 16 },
      { header: '联系电话', value: (r) => r.person_phone, phone: true, width: 16 },
      { header: '结对日期', value: (r) => r.since, width: 12 },
      { header: '结束日期', value: (r) => r.until, width: 12 },
      { header: '联系次数', value: (r) => Number(r.contact_count ?? 0) },
      { header: '最近联系', value: (r) => r.last_contact_date, width: 12 },
      { header: '本季度待联系', value: (r) => (isContactDue(r, today, since) ? '是' : '否') },
      { header: '备注', value: (r) => r.note, width: 30 },
    ],
    page: (afterId, limit) => relationshipsAfter(ctx.db, search, afterId, limit),
  });
}
