import { useState } from 'react';
import { Rate, Tag, Typography } from 'antd';
import type { Venue, VenueLevel, VenueType } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { archivedStates, oneOf, someOf, venueLevels, venueTypes } from '../../api/registry-enums.ts';
import { listVenues, setVenueArchived, venueKeys, venueSortKeys, type VenueFilters as Filters } from '../../api/venues.ts';
import { editArchiveColumn, RegistryListCard } from '../../components/RegistryListCard.tsx';
import { readPaging, sortable } from '../../lib/list-state.ts';
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
    editArchiveColumn<Venue>(t, { canWrite, testIdPrefix: 'venue', onEdit: setDrawer, archive: (row, archive) => setVenueArchived(row.id, archive, row.version), onDone: refreshAll }),
  ];

  return (
    <RegistryListCard<Venue>
      title={t('venues.title')}
      entity="venue"
      testIdPrefix="venue"
      filters={filters}
      url={url}
      query={{ data, isPending, isFetching, error, refetch }}
      columns={columns}
      scrollX={1150}
      canWrite={canWrite}
      onCreate={() => setDrawer('create')}
      createLabel={t('registry.venues.create')}
      refreshAll={refreshAll}
      filterBar={
        <VenueFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
      }
    >
      <VenueDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/venues/${id}`)} />
    </RegistryListCard>
  );
}
