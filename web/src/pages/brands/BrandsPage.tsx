import { useState } from 'react';
import { Button, Flex, Select, Tag } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import type { Brand, BrandField } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { brandKeys, brandSortKeys, listBrands, setBrandArchived, type BrandFilters as Filters } from '../../api/brands.ts';
import { archivedStates, brandFields, oneOf, someOf } from '../../api/registry-enums.ts';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { editArchiveColumn, RegistryListCard } from '../../components/RegistryListCard.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, sortable } from '../../lib/list-state.ts';
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
    editArchiveColumn<Brand>(t, { canWrite, testIdPrefix: 'brand', onEdit: setDrawer, archive: (row, archive) => setBrandArchived(row.id, archive, row.version), onDone: refreshAll }),
  ];

  return (
    <RegistryListCard<Brand>
      title={t('brands.title')}
      entity="brand"
      testIdPrefix="brand"
      filters={filters}
      url={url}
      query={{ data, isPending, isFetching, error, refetch }}
      columns={columns}
      scrollX={900}
      canWrite={canWrite}
      onCreate={() => setDrawer('create')}
      createLabel={t('registry.brands.create')}
      refreshAll={refreshAll}
      before={
        <Button icon={<TableOutlined />} onClick={() => void navigate('/brand-matrix')}>
          {t('brands.matrix')}
        </Button>
      }
      filterBar={
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
      }
    >
      <BrandDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/brands/${id}`)} />
    </RegistryListCard>
  );
}
