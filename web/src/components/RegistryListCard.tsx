import type { ReactNode } from 'react';
import { Button, Card, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/form-errors.ts';
import type { exportPaths } from '../api/imports.ts';
import { tableChange, tablePagination, type ListPaging } from '../lib/list-state.ts';
import type { useUrlState } from '../lib/url-state.ts';
import { ArchiveAction } from './ArchiveAction.tsx';
import { ExportButton } from './imports/ExportButton.tsx';
import { ImportButton } from './imports/ImportButton.tsx';
import { ListActions } from './ListActions.tsx';
import { LoadFailed } from './ResultPages.tsx';

interface Row {
  id: number;
  archived: boolean;
}

interface Props<T extends Row> {
  title: string;
  /** Export and import entity (`organisation`, `venue`…), and the prefix of the test ids. */
  entity: keyof typeof exportPaths;
  testIdPrefix: string;
  /** The filters in the URL: the export sends them, the table pages by them. */
  filters: ListPaging<string>;
  url: ReturnType<typeof useUrlState>;
  query: { data?: { items: T[]; total: number; totalIsEstimate?: boolean } | undefined; isPending: boolean; isFetching: boolean; error: unknown; refetch: () => unknown };
  columns: TableColumnsType<T>;
  scrollX: number;
  canWrite: boolean;
  onCreate: () => void;
  createLabel: string;
  /** Reload the list (after an import). */
  refreshAll: () => Promise<unknown> | void;
  filterBar: ReactNode;
  /** Buttons before the export (a link to a matrix), and imports after the list's own. */
  before?: ReactNode;
  moreImports?: ReactNode;
  /** The create/edit drawer. */
  children?: ReactNode;
}

/**
 * The frame every registry list shares: refresh, export, import and create above; the filters; the
 * table paged and sorted through the URL, archived rows muted; a load failure with a retry.
 */
export function RegistryListCard<T extends Row>({ title, entity, testIdPrefix, filters, url, query, columns, scrollX, canWrite, onCreate, createLabel, refreshAll, filterBar, before, moreImports, children }: Props<T>) {
  const { t } = useTranslation();
  const { data, isPending, isFetching, error, refetch } = query;
  return (
    <Card
      title={title}
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? onCreate : undefined} createLabel={createLabel} createTestId={`${testIdPrefix}-create`}>
          {before}
          <ExportButton entity={entity} filters={Object.fromEntries(Object.entries(filters))} />
          {canWrite && <ImportButton entity={entity} onImported={() => void refreshAll()} />}
          {canWrite && moreImports}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        {filterBar}
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<T>
            data-testid={`${testIdPrefix}-table`}
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: scrollX }}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Typography.Text type="secondary">{t('registry.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t, data?.totalIsEstimate === true)}
            onChange={tableChange<T>(url)}
          />
        )}
      </Flex>
      {children}
    </Card>
  );
}

/** The last column of a registry list: edit and archive/restore, for those who may write. */
export function editArchiveColumn<T extends Row & { version: number }>(
  t: TFunction,
  options: { canWrite: boolean; testIdPrefix: string; onEdit: (id: number) => void; archive: (row: T, archive: boolean) => Promise<unknown>; onDone: () => Promise<unknown> | void; width?: number },
) {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: options.width ?? 150,
    fixed: 'right' as const,
    render: (_: unknown, row: T) =>
      options.canWrite ? (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => options.onEdit(row.id)} data-testid={`${options.testIdPrefix}-edit-${row.id}`}>
            {t('common.edit')}
          </Button>
          <ArchiveAction archived={row.archived} run={(archive) => options.archive(row, archive)} onDone={options.onDone} />
        </Space>
      ) : null,
  };
}
