import { useState } from 'react';
import { Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, TableOutlined } from '@ant-design/icons';
import type { Brand, BrandField } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { brandKeys, brandSortKeys, listBrands, setBrandArchived, type BrandFilters as Filters } from '../../api/brands.ts';
import { messageOf } from '../../api/form-errors.ts';
import { archivedStates, brandFields, oneOf, someOf } from '../../api/registry-enums.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { ImportButton } from '../../components/imports/ImportButton.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
import { writesRegistry } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { BrandDrawer, type BrandDrawerTarget } from './BrandDrawer.tsx';
import { fieldFilterOptions, placeField } from './brand-field-options.ts';

const fieldValues = [...brandFields, placeField] as const;

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  return {
    q: url.get('q'),
    divisionId: url.getNumber('divisionId'),
    field: someOf(fieldValues, url.get('field')).join(',') || undefined,
    archived: oneOf(archivedStates, url.get('archived')),
    ...readPaging(url, brandSortKeys),
  };
}

/** 品牌: one brand per town (一街镇一品牌) and one per field of work (一领域一特色). */
export function BrandsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<BrandDrawerTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: brandKeys.list(filters), queryFn: () => listBrands(filters), placeholderData: keepPreviousData });
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: brandKeys.all });
  const canWrite = writesRegistry(me);

  const columns = [
    { title: t('brands.name'), dataIndex: 'name', ...sortable(filters, 'name'), render: (name: string, row: Brand) => <Link to={`/brands/${row.id}`} data-testid={`brand-link-${row.id}`}>{name}</Link> },
    { title: t('brands.field'), dataIndex: 'field', width: 150, ...sortable(filters, 'field'), render: (field: BrandField | null) => <Tag color={field ? 'purple' : 'red'}>{t(`brandFields.${field ?? placeField}`)}</Tag> },
    { title: t('registry.common.division'), dataIndex: 'divisionName', width: 140 },
    { title: t('brands.description'), dataIndex: 'description', ellipsis: true, render: (text: string | null) => text ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right' as const,
      render: (_: unknown, row: Brand) =>
        canWrite ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer(row.id)} data-testid={`brand-edit-${row.id}`}>
              {t('common.edit')}
            </Button>
            <ArchiveAction archived={row.archived} run={(archive) => setBrandArchived(row.id, archive, row.version)} onDone={refreshAll} />
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('brands.title')}
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? () => setDrawer('create') : undefined} createLabel={t('registry.brands.create')} createTestId="brand-create">
          <Button icon={<TableOutlined />} onClick={() => void navigate('/brand-matrix')}>
            {t('brands.matrix')}
          </Button>
          <ExportButton entity="brand" filters={{ ...filters }} />
          {canWrite && <ImportButton entity="brand" onImported={() => void refreshAll()} />}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={8} wrap="wrap" data-testid="brand-filters">
          <SearchBox data-testid="brand-filter-q" value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('brands.searchPlaceholder')} style={{ width: 200 }} />
          <DivisionPicker data-testid="brand-filter-division" value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('registry.common.allDivisions')} style={{ width: 200 }} />
          <Select<string[]>
            data-testid="brand-filter-field"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('registry.brands.allFields')}
            value={someOf(fieldValues, filters.field)}
            onChange={(fields) => url.set({ field: fields.join(',') || null })}
            options={fieldFilterOptions(t)}
            style={{ width: 240 }}
          />
          <ArchivedSelect testId="brand-filter-archived" value={filters.archived} onChange={(archived) => url.set({ archived })} />
          <Button onClick={url.clear}>{t('common.reset')}</Button>
        </Flex>
        {error ? (
          <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Brand>
            data-testid="brand-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Typography.Text type="secondary">{t('registry.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Brand>(url)}
          />
        )}
      </Flex>
      <BrandDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/brands/${id}`)} />
    </Card>
  );
}
