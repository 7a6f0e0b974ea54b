import type { ResourceListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { exportXlsx, keysetRows } from '../../kernel/export-xlsx.ts';
import { divisionNamesByPath, filterDivision } from '../../kernel/registry-lookups.ts';
import { sheetLabel } from '../../kernel/sheet-labels.ts';
import { resourcesAfter, servicesOf, type ResourceRow } from './resources.repo.ts';

export type ResourceExportQuery = Omit<ResourceListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

type ExportRow = ResourceRow & { divisionNames: string; serviceNames: string };

/**
 * The filtered resource list as .xlsx with masked phones (audited), in the import template's
 * columns. Scope and the division filter are checked before the first byte.
 *
 * @example
 * app.get('/api/resources/export', …, async (request, reply) => exportResources(reply, contextOf(request), request.query));
 */
export async function exportResources(reply: FastifyReply, ctx: ActorContext, query: ResourceExportQuery) {
  const filterPath = await filterDivision(ctx, query.divisionId);
  const filter = { ...query, scopePath: ctx.actor.scopePath, filterPath };
  return exportXlsx<ExportRow>(reply, ctx, {
    entity: 'resource',
    label: 'entities.resource',
    filter: query,
    columns: [
      { header: '所属区划', value: (r) => r.divisionNames, width: 30 },
      { header: '名称', value: (r) => r.name, width: 24 },
      { header: '类别', value: (r) => sheetLabel('resourceKinds', r.kind) },
      { header: '提供服务', value: (r) => r.serviceNames, width: 30 },
      { header: '所属组织', value: (r) => r.organisation_name },
      { header: '联系人', value: (r) => r.person_name },
      { header: '联系电话', value: (r) => r.contact_phone, phone: true },
      { header: '简介', value: (r) => r.description, width: 40 },
    ],
    rows: keysetRows(async (afterId, limit) => {
      const rows = await resourcesAfter(ctx.db, filter, afterId, limit);
      const [names, services] = await Promise.all([
        divisionNamesByPath(ctx.db, rows.map((row) => row.division_path)),
        servicesOf(ctx.db, rows.map((row) => row.id)),
      ]);
      return rows.map((row) => ({
        ...row,
        divisionNames: (names.get(row.division_path) ?? []).join('/'),
        serviceNames: (services.get(row.id) ?? []).map((service) => service.name).join('、'),
      }));
    }),
  });
}
