import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { maskPhone, translate } from '@tongxin/core';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { nowIso, type ActorContext } from '../http/context.ts';
import { recordAudit } from './audit-log.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { shanghaiDateKey } from '@tongxin/core/calendar/index';

export type ExportCell = string | number | Date | null | undefined;

export interface ExportColumn<T> {
  /** Header in the sheet (简体中文, like the import template, so an export can be re-imported). */
  header: string;
  value: (row: T) => ExportCell;
  /** Masked with `maskPhone` (`138****5678`): exports never carry a full number. */
  phone?: boolean;
  /** Column width in characters; default from the header. */
  width?: number;
}

export interface ExportOptions<T> {
  /** `organisation` → audit action `organisation.export`, ASCII file name `organisation-20261125.xlsx`. */
  entity: string;
  /** Locale key naming the list (`entities.organisation`): sheet name and Chinese file name. */
  label: string;
  /** The filter the list was exported with, recorded in the audit entry as given. */
  filter: Record<string, unknown>;
  columns: ReadonlyArray<ExportColumn<T>>;
  /** The rows, already scope-filtered by the caller's repo; read once, a page at a time. */
  rows: AsyncIterable<T>;
  /** Division recorded on the audit entry; default the actor's. */
  divisionId?: number | null;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Stream a list as .xlsx with exceljs' WorkbookWriter: rows are written and dropped one by one, so
 * 100,000 rows cost a page of memory, not a workbook. Phone columns are masked. One audit entry
 * `<entity>.export` with the filter and the row count is written before the file is finished, so
 * every complete download is on record. The caller checks rights and scope BEFORE calling (a 403
 * cannot be sent once the file has started).
 *
 * @example
 * // organisations.routes.ts
 * app.get('/api/organisations/export', { schema: { tags, querystring: organisationFilter } }, async (request, reply) => {
 *   const ctx = contextOf(request);
 *   const filter = request.query;
 *   assertCan(ctx.actor, 'list', null);
 *   return exportXlsx(reply, ctx, {
 *     entity: 'organisation',
 *     label: 'entities.organisation',
 *     filter,
 *     columns: [
 *       { header: '名称', value: (o: OrganisationRow) => o.name },
 *       { header: '联系电话', value: (o) => o.contact_phone, phone: true },
 *     ],
 *     rows: keysetRows((afterId, limit) => listForExport(ctx.db, ctx.actor.scopePath, filter, afterId, limit)),
 *   });
 * });
 */
export async function exportXlsx<T>(reply: FastifyReply, ctx: ActorContext, options: ExportOptions<T>): Promise<FastifyReply> {
  const title = translate(ctx.locale, options.label);
  // The office's day (Beijing), not UTC's: an export at 07:00 in Shanghai is dated that day.
  const day = shanghaiDateKey(nowIso(ctx)).replaceAll('-', '');
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.columns = options.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? Math.max(10, column.header.length * 2 + 4),
  }));
  sheet.getRow(1).font = { bold: true };

  const write = async () => {
    let count = 0;
    let complete = true;
    for await (const row of options.rows) {
      // The client went away: stop reading the database, but still record what was sent.
      if (output.destroyed) {
        complete = false;
        break;
      }
      const cells = options.columns.map((column) => {
        const value = column.value(row);
        return column.phone && typeof value === 'string' ? maskPhone(value) : (value ?? null);
      });
      sheet.addRow(cells).commit();
      count += 1;
      // Let the zip stream drain to a slow client instead of buffering the whole file in memory.
      if (count % 500 === 0) {
        if (output.writableNeedDrain) await once(output, 'drain');
        else await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await recordAudit(ctx.db, ctx, {
      action: `${options.entity}.export`,
      entity: options.entity,
      entityId: null,
      divisionId: options.divisionId === undefined ? ctx.actor.divisionId : options.divisionId,
      detail: { filter: options.filter, rows: count, ...(complete ? {} : { complete: false }) },
    });
    if (!complete) return;
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));

  return reply
    .header('content-type', xlsxType)
    .header('content-disposition', attachmentDisposition(`${title}_${day}.xlsx`, `${options.entity}-${day}.xlsx`))
    .send(output);
}

/**
 * Rows of a list a page at a time by ascending id (keyset paging: no OFFSET, constant cost per
 * page), as the AsyncIterable `exportXlsx` reads.
 *
 * @example
 * keysetRows((afterId, limit) =>
 *   db.selectFrom('organisations').selectAll()
 *     .where(divisionInScope('organisations.division_id', scopePath))
 *     .where('id', '>', afterId).orderBy('id').limit(limit).execute())
 */
export async function* keysetRows<T extends { id: number }>(
  fetchPage: (afterId: number, limit: number) => Promise<T[]>,
  pageSize = 1000,
): AsyncGenerator<T> {
  let afterId = 0;
  for (;;) {
    const page = await fetchPage(afterId, pageSize);
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    afterId = page[page.length - 1]!.id;
  }
}
