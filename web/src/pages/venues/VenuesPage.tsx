import { useState } from 'react';
import { Button, Card, Flex, Rate, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Venue, VenueLevel, VenueType } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { archivedStates, oneOf, someOf, venueLevels, venueTypes } from '../../api/registry-enums.ts';
import { listVenues, setVenueArchived, venueKeys, venueSortKeys, type VenueFilters as Filters } from '../../api/venues.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { ImportButton } from '../../components/imports/ImportButton.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
import { writesRegistry } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { VenueDrawer, type VenueDrawerTarget } from './VenueDrawer.tsx';
import { starChoices, VenueFilters } from './VenueFilters.tsx';

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const joined = <T extends string>(list: readonly T[], key: string) => someOf(list, url.get(key)).join(',') || undefined;
  return {
    q: url.get('q'),
    divisionId: url.getNumber('divisionId'),
    type: joined(venueTypes, 'type'),
    level: joined(venueLevels, 'level'),
    stars: joined(starChoices, 'stars'),
    isPublic: oneOf(['true', 'false'] as const, url.get('isPublic')),
    brandId: url.getNumber('brandId'),
    ownerOrganisationId: url.getNumber('ownerOrganisationId'),
    archived: oneOf(archivedStates, url.get('archived')),
    ...readPaging(url, venueSortKeys),
  };
}

/** 阵地清单: venues of the subtree by type, level, stars and whether the public guide shows them. */
export function VenuesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<VenueDrawerTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: venueKeys.list(filters), queryFn: () => listVenues(filters), placeholderData: keepPreviousData });
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: venueKeys.all });
  const canWrite = writesRegistry(me);

  const columns = [
    { title: t('venues.name'), dataIndex: 'name', ...sortable(filters, 'name'), render: (name: string, row: Venue) => <Link to={`/venues/${row.id}`} data-testid={`venue-link-${row.id}`}>{name}</Link> },
    { title: t('venues.type'), dataIndex: 'type', width: 120, ...sortable(filters, 'type'), render: (type: VenueType) => <Tag color="blue">{t(`venueTypes.${type}`)}</Tag> },
    { title: t('venues.level'), dataIndex: 'level', width: 90, ...sortable(filters, 'level'), render: (level: VenueLevel) => t(`venueLevels.${level}`) },
    { title: t('venues.starRating'), dataIndex: 'starRating', width: 130, ...sortable(filters, 'starRating'), render: (stars: number | null) => (stars ? <Rate disabled value={stars} style={{ fontSize: 12 }} /> : <Typography.Text type="secondary">{t('venues.unrated')}</Typography.Text>) },
    { title: t('registry.common.division'), dataIndex: 'divisionName', width: 100 },
    { title: t('venues.hotline'), dataIndex: 'hotline', width: 130, render: (hotline: string | null) => <span className="tx-numeric">{hotline ?? '—'}</span> },
    { title: t('venues.brand'), dataIndex: 'brand', width: 130, render: (brand: Venue['brand']) => (brand ? <Link to={`/brands/${brand.id}`}>{brand.name}</Link> : '—') },
    { title: t('registry.common.public'), dataIndex: 'isPublic', width: 80, render: (isPublic: boolean) => (isPublic ? <Tag color="green">{t('registry.common.public')}</Tag> : <Tag>{t('registry.common.notPublic')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right' as const,
      render: (_: unknown, row: Venue) =>
        canWrite ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer(row.id)} data-testid={`venue-edit-${row.id}`}>
              {t('common.edit')}
            </Button>
            <ArchiveAction archived={row.archived} run={(archive) => setVenueArchived(row.id, archive, row.version)} onDone={refreshAll} />
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('venues.title')}
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? () => setDrawer('create') : undefined} createLabel={t('registry.venues.create')} createTestId="venue-create">
          <ExportButton entity="venue" filters={{ ...filters }} />
          {canWrite && <ImportButton entity="venue" onImported={() => void refreshAll()} />}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <VenueFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Venue>
            data-testid="venue-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1150 }}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Typography.Text type="secondary">{t('registry.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Venue>(url)}
          />
        )}
      </Flex>
      <VenueDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/venues/${id}`)} />
    </Card>
  );
}
