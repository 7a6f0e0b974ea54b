import type { BrandListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { exportXlsx, keysetRows } from '../../kernel/export-xlsx.ts';
import { divisionNamesByPath, filterDivision } from '../../kernel/registry-lookups.ts';
import { sheetLabel } from '../../kernel/sheet-labels.ts';
import { brandsAfter, type BrandRow } from './brands.repo.ts';

export type BrandExportQuery = Omit<BrandListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

/**
 * The filtered brand list as .xlsx (audited). Scope and the division filter are checked first.
 *
 * @example
 * app.get('/api/brands/export', …, async (request, reply) => exportBrands(reply, contextOf(request), request.query));
 */
export async function exportBrands(reply: FastifyReply, ctx: ActorContext, query: BrandExportQuery) {
  const filterPath = await filterDivision(ctx, query.divisionId);
  const filter = { ...query, scopePath: ctx.actor.scopePath, filterPath };
  return exportXlsx<BrandRow & { divisionNames: string }>(reply, ctx, {
    entity: 'brand',
    label: 'entities.brand',
    filter: query,
    columns: [
      { header: '所属区划', value: (b) => b.divisionNames, width: 30 },
      { header: '名称', value: (b) => b.name, width: 24 },
      { header: '领域', value: (b) => sheetLabel('brandFields', b.field ?? 'none') },
      { header: '简介', value: (b) => b.description, width: 40 },
    ],
    rows: keysetRows(async (afterId, limit) => {
      const rows = await brandsAfter(ctx.db, filter, afterId, limit);
      const names = await divisionNamesByPath(ctx.db, rows.map((row) => row.division_path));
      return rows.map((row) => ({ ...row, divisionNames: (names.get(row.division_path) ?? []).join('/') }));
    }),
  });
}
