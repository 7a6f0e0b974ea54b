import { useState } from 'react';
import { Table, type TableColumnsType } from 'antd';
import type { Page } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/form-errors.ts';
import { LoadFailed } from './ResultPages.tsx';

interface Props<T extends { id: number }> {
  /** Cache key; the page number is added. */
  queryKey: readonly unknown[];
  fetch: (page: number, pageSize: number) => Promise<Page<T>>;
  columns: TableColumnsType<T>;
  emptyText: string;
  testId: string;
}

/** A small server-paged table of the records that link to a detail page's record. */
export function LinkedTable<T extends { id: number }>({ queryKey, fetch, columns, emptyText, testId }: Props<T>) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const { data, isPending, error, refetch } = useQuery({
    queryKey: [...queryKey, page],
    queryFn: () => fetch(page, pageSize),
    placeholderData: keepPreviousData,
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  return (
    <Table<T>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={isPending}
      dataSource={data?.items ?? []}
      columns={columns}
      locale={{ emptyText }}
      pagination={(data?.total ?? 0) > pageSize ? { current: page, pageSize, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('common.total', { total }) } : false}
    />
  );
}
