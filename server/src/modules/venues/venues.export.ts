import { type VenueListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { exportXlsx, keysetRows } from '../../kernel/export-xlsx.ts';
import { divisionNamesByPath, filterDivision } from './registry-lookups.ts';
import { sheetLabel } from './sheet-labels.ts';
import { venuesAfter, type VenueRow } from './venues.repo.ts';

export type VenueExportQuery = Omit<VenueListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

type ExportRow = VenueRow & { divisionNames: string };

/**
 * The filtered venue list as .xlsx, with the import template's headers so a file can go back in.
 * Scope and the division filter are checked before the first byte (a 403 cannot follow a file).
 *
 * @example
 * app.get('/api/venues/export', …, async (request, reply) => exportVenues(reply, contextOf(request), request.query));
 */
export async function exportVenues(reply: FastifyReply, ctx: ActorContext, query: VenueExportQuery) {
  const filterPath = await filterDivision(ctx, query.divisionId);
  const filter = { ...query, scopePath: ctx.actor.scopePath, filterPath };
  return exportXlsx<ExportRow>(reply, ctx, {
    entity: 'venue',
    label: 'entities.venue',
    filter: query,
    columns: [
      { header: '所属区划', value: (v) => v.divisionNames, width: 30 },
      { header: '名称', value: (v) => v.name, width: 24 },
      { header: '类型', value: (v) => sheetLabel('venueTypes', v.type) },
      { header: '级别', value: (v) => sheetLabel('venueLevels', v.level) },
      { header: '星级', value: (v) => v.star_rating },
      { header: '地址', value: (v) => v.address, width: 30 },
      // A venue's hotline is what it publishes, but exports mask every phone all the same.
      { header: '服务热线', value: (v) => v.hotline, phone: true },
      { header: '开放时间', value: (v) => v.opening_hours },
      { header: '所属组织', value: (v) => v.owner_name },
      { header: '品牌', value: (v) => v.brand_name },
      { header: '是否公开', value: (v) => (v.is_public === 1 ? '是' : '否') },
      { header: '简介', value: (v) => v.description, width: 40 },
    ],
    rows: keysetRows(async (afterId, limit) => {
      const rows = await venuesAfter(ctx.db, filter, afterId, limit);
      const names = await divisionNamesByPath(ctx.db, rows.map((row) => row.division_path));
      return rows.map((row) => ({ ...row, divisionNames: (names.get(row.division_path) ?? []).join('/') }));
    }),
  });
}
