import { useState } from 'react';
import { Tag } from 'antd';
import type { Resource, ResourceKind } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { archivedStates, oneOf, resourceKinds, someOf } from '../../api/registry-enums.ts';
import { listResources, resourceKeys, resourceSortKeys, revealResourcePhone, setResourceArchived, type ResourceFilters as Filters } from '../../api/resources.ts';
import { editArchiveColumn, RegistryListCard } from '../../components/RegistryListCard.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { readPaging, sortable } from '../../lib/list-state.ts';
import { writesRegistry } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { ResourceDrawer, type ResourceDrawerTarget } from './ResourceDrawer.tsx';
import { ResourceFilters } from './ResourceFilters.tsx';

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const ids = (url.get('serviceKindId') ?? '').split(',').filter((id) => /^[1-9]\d*$/.test(id));
  return {
    q: url.get('q'),
    divisionId: url.getNumber('divisionId'),
    kind: someOf(resourceKinds, url.get('kind')).join(',') || undefined,
    serviceKindId: ids.join(',') || undefined,
    organisationId: url.getNumber('organisationId'),
    personId: url.getNumber('personId'),
    archived: oneOf(archivedStates, url.get('archived')),
    ...readPaging(url, resourceSortKeys),
  };
}

/** 资源清单: who can help with what, filterable by service kind and division. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<ResourceDrawerTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: resourceKeys.list(filters), queryFn: () => listResources(filters), placeholderData: keepPreviousData });
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: resourceKeys.all });
  const canWrite = writesRegistry(me);

  const columns = [
    { title: t('resources.name'), dataIndex: 'name', ...sortable(filters, 'name'), render: (name: string, row: Resource) => <Link to={`/resources/${row.id}`} data-testid={`resource-link-${row.id}`}>{name}</Link> },
    { title: t('resources.kind'), dataIndex: 'kind', width: 90, ...sortable(filters, 'kind'), render: (kind: ResourceKind) => t(`resourceKinds.${kind}`) },
    { title: t('resources.services'), dataIndex: 'services', render: (services: Resource['services']) => services.map((service) => <Tag key={service.id} color="cyan">{service.name}</Tag>) },
    { title: t('registry.common.division'), dataIndex: 'divisionName', width: 110 },
    { title: t('resources.organisation'), dataIndex: 'organisation', width: 160, render: (organisation: Resource['organisation']) => (organisation ? <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link> : '—') },
    {
      title: t('resources.contactPhone'),
      dataIndex: 'contactPhone',
      width: 160,
      render: (phone: string | null, row: Resource) => <RevealPhone key={row.id} compact masked={phone} canReveal={canWrite} reveal={() => revealResourcePhone(row.id)} testId={`resource-phone-${row.id}`} />,
    },
    editArchiveColumn<Resource>(t, { canWrite, testIdPrefix: 'resource', onEdit: setDrawer, archive: (row, archive) => setResourceArchived(row.id, archive, row.version), onDone: refreshAll }),
  ];

  return (
    <RegistryListCard<Resource>
      title={t('resources.title')}
      entity="resource"
      testIdPrefix="resource"
      filters={filters}
      url={url}
      query={{ data, isPending, isFetching, error, refetch }}
      columns={columns}
      scrollX={1150}
      canWrite={canWrite}
      onCreate={() => setDrawer('create')}
      createLabel={t('registry.resources.create')}
      refreshAll={refreshAll}
      filterBar={
        <ResourceFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
      }
    >
      <ResourceDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/resources/${id}`)} />
    </RegistryListCard>
  );
}
