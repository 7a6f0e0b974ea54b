import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { useUrlState } from './url-state.ts';

export const pageSizes = [10, 20, 50, 100];
const defaultPageSize = 20;

type UrlState = ReturnType<typeof useUrlState>;

export interface ListPaging<S extends string> {
  page: number;
  pageSize: number;
  sort?: S;
  order?: 'asc' | 'desc';
}

/** Page, page size and sort from the URL; anything malformed (a hand-edited link) is dropped. */
export function readPaging<S extends string>(url: UrlState, sortKeys: readonly S[]): ListPaging<S> {
  const pageSize = url.getNumber('pageSize', defaultPageSize)!;
  const sort = url.get('sort');
  const order = url.get('order');
  return {
    page: url.getNumber('page', 1)!,
    pageSize: pageSizes.includes(pageSize) ? pageSize : defaultPageSize,
    ...(sort && (sortKeys as readonly string[]).includes(sort) ? { sort: sort as S } : {}),
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
  };
}

/** Column props for a server-sorted column: the arrow follows the URL. */
export function sortable<S extends string>(paging: ListPaging<S>, key: S) {
  const active = paging.sort === key;
  return {
    key,
    sorter: true,
    sortOrder: active ? (paging.order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
  };
}

/** The pager of a server-paged table; changes go through `tableChange`. */
/** `estimated`: the server marked the total as approximate (a province's list), shown as "约 N 条". */
export function tablePagination(paging: ListPaging<string>, total: number, t: TFunction, estimated = false): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    pageSizeOptions: pageSizes,
    showSizeChanger: true,
    showTotal: (count) => (estimated ? t('scaleLists.aboutTotal', { total: count }) : t('common.total', { total: count })),
  };
}

/** Paging and sorting clicks of a table, written to the URL (filters stay as they are). */
export function tableChange<T>(url: UrlState): NonNullable<TableProps<T>['onChange']> {
  return (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const key = one?.order ? String(one.columnKey ?? one.field ?? '') : '';
      url.set({ sort: key || null, order: key ? (one?.order === 'descend' ? 'desc' : 'asc') : null });
      return;
    }
    const page = pagination.current ?? 1;
    const pageSize = pagination.pageSize ?? defaultPageSize;
    url.set({ page: page === 1 ? null : page, pageSize: pageSize === defaultPageSize ? null : pageSize }, { keepPage: true });
  };
}
