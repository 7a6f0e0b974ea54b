import { pathIds, translate } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { Executor } from '../../db/database.ts';
import type { ActorContext } from '../../http/context.ts';
import { exportXlsx, keysetRows, type ExportColumn } from './export-xlsx.ts';

/*
 * One export mechanism for every list (issue 16): a list declares its entity, its columns and how
 * to read one page of its filtered rows after an id (the same filters as its paged list, scope
 * first); `exportList` streams them with `exportXlsx` (masked phones, one audit entry
 * `<entity>.export` with the filter and the row count). Only a page of rows is in memory at a time.
 */

export interface ListExport<T extends { id: number }> {
  /** `activity` → audit action `activity.export`, file `activity-20261125.xlsx`. */
  entity: string;
  /** Locale key naming the list (sheet name and Chinese file name). */
  label: string;
  /** The filter as the caller gave it (recorded in the audit entry). */
  filter: Record<string, unknown>;
  /** Typed from `page` (NoInfer): each column reads the page's row type. */
  columns: ReadonlyArray<ExportColumn<NoInfer<T>>>;
  /** One page of the filtered, scope-limited rows with id > afterId, by ascending id. */
  page: (afterId: number, limit: number) => Promise<T[]>;
  /** A filter no query can express (computed per row, e.g. a case's running clock), applied after paging. */
  keep?: (row: T) => boolean;
  divisionId?: number | null;
}

/**
 * Stream a declared list export. The caller has already checked rights and scope (a 403 cannot be
 * sent once the file has started).
 *
 * @example
 * return exportList(reply, ctx, { entity: 'activity', label: 'entities.activity', filter: query,
 *   columns: [{ header: '名称', value: (a) => a.title }], page: (afterId, limit) => activitiesAfter(ctx.db, search, afterId, limit) });
 */
export function exportList<T extends { id: number }>(reply: FastifyReply, ctx: ActorContext, list: ListExport<T>): Promise<FastifyReply> {
  const { page, keep, ...rest } = list;
  return exportXlsx(reply, ctx, { ...rest, rows: keep ? kept(keysetRows(page), keep) : keysetRows(page) });
}

async function* kept<T>(rows: AsyncIterable<T>, keep: (row: T) => boolean): AsyncGenerator<T> {
  for await (const row of rows) if (keep(row)) yield row;
}

/** Values are written in Chinese labels (as the imports read them), whatever the user's language. */
export const zhLabel = (key: string): string => translate('zh-CN', key);

/** `0/1`-free yes/no for a sheet. */
export const yesNo = (value: boolean | number | null | undefined): string => (value ? '是' : '否');

/**
 * Division name paths (`上海市/青浦区/华新镇`) by materialised path, loaded once per export.
 *
 * @example
 * const names = await divisionPathNames(db); names('/1/2/5/') // "上海市/青浦区/华新镇"
 */
export async function divisionPathNames(db: Executor): Promise<(path: string) => string> {
  const rows = await db.selectFrom('divisions').select(['id', 'name']).execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (path) => pathIds(path).map((id) => names.get(id) ?? '').join('/');
}
