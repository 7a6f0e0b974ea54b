import { useState } from 'react';
import { Tag } from 'antd';
import type { Organisation, OrganisationType } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { listOrganisations, organisationKeys, organisationSortKeys, setOrganisationArchived, type OrganisationFilters as Filters } from '../../api/organisations.ts';
import { archivedStates, oneOf, organisationTypes, someOf } from '../../api/registry-enums.ts';
import { ImportButton } from '../../components/imports/ImportButton.tsx';
import { editArchiveColumn, RegistryListCard } from '../../components/RegistryListCard.tsx';
import { readPaging, sortable } from '../../lib/list-state.ts';
import { writesRegistry } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { OrganisationDrawer, type OrganisationDrawerTarget } from './OrganisationDrawer.tsx';
import { OrganisationFilters } from './OrganisationFilters.tsx';

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const types = someOf(organisationTypes, url.get('type'));
  return {
    q: url.get('q'),
    divisionId: url.getNumber('divisionId'),
    type: types.length > 0 ? types.join(',') : undefined,
    archived: oneOf(archivedStates, url.get('archived')),
    ...readPaging(url, organisationSortKeys),
  };
}

/** 组织: every organisation of the user's subtree, filtered in the URL, with import and export. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<OrganisationDrawerTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({
    queryKey: organisationKeys.list(filters),
    queryFn: () => listOrganisations(filters),
    placeholderData: keepPreviousData,
  });
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: organisationKeys.all });
  const canWrite = writesRegistry(me);

  const columns = [
    {
      title: t('organisations.name'),
      dataIndex: 'name',
      ...sortable(filters, 'name'),
      render: (name: string, row: Organisation) => (
        <Link to={`/organisations/${row.id}`} data-testid={`organisation-link-${row.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('organisations.type'), dataIndex: 'type', width: 120, ...sortable(filters, 'type'), render: (type: OrganisationType) => <Tag color="blue">{t(`organisationTypes.${type}`)}</Tag> },
    { title: t('organisations.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('organisations.parent'), dataIndex: 'parentName', width: 160, render: (name: string | null, row: Organisation) => (name && row.parentId ? <Link to={`/organisations/${row.parentId}`}>{name}</Link> : '—') },
    { title: t('organisations.foundedOn'), dataIndex: 'foundedOn', width: 120, ...sortable(filters, 'foundedOn'), render: (date: string | null) => <span className="tx-numeric">{date ?? '—'}</span> },
    { title: t('organisations.contactName'), dataIndex: 'contactName', width: 100, render: (name: string | null) => name ?? '—' },
    { title: t('organisations.contactPhone'), dataIndex: 'contactPhone', width: 130, render: (phone: string | null) => <span className="tx-numeric">{phone ?? '—'}</span> },
    editArchiveColumn<Organisation>(t, { canWrite, testIdPrefix: 'organisation', onEdit: setDrawer, archive: (row, archive) => setOrganisationArchived(row.id, archive, row.version), onDone: refreshAll }),
  ];

  return (
    <RegistryListCard<Organisation>
      title={t('organisations.title')}
      entity="organisation"
      testIdPrefix="organisation"
      filters={filters}
      url={url}
      query={{ data, isPending, isFetching, error, refetch }}
      columns={columns}
      scrollX={1100}
      canWrite={canWrite}
      onCreate={() => setDrawer('create')}
      createLabel={t('registry.organisations.create')}
      refreshAll={refreshAll}
      moreImports={<ImportButton entity="membership" label={t('registry.organisations.importMembers')} onImported={() => void refreshAll()} />}
      filterBar={
        <OrganisationFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
      }
    >
      <OrganisationDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/organisations/${id}`)} />
    </RegistryListCard>
  );
}
