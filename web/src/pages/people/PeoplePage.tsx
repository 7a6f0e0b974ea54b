import { useState } from 'react';
import { Tag } from 'antd';
import type { MembershipRole, Person } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { listPeople, personKeys, personSortKeys, revealPersonPhone, setPersonArchived, type PersonFilters as Filters } from '../../api/people.ts';
import { archivedStates, membershipRoles, oneOf } from '../../api/registry-enums.ts';
import { editArchiveColumn, RegistryListCard } from '../../components/RegistryListCard.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { readPaging, sortable } from '../../lib/list-state.ts';
import { writesRegistry } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { PersonDrawer, type PersonDrawerTarget } from './PersonDrawer.tsx';
import { PersonFilters } from './PersonFilters.tsx';

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  return {
    q: url.get('q'),
    divisionId: url.getNumber('divisionId'),
    organisationId: url.getNumber('organisationId'),
    role: oneOf(membershipRoles, url.get('role')),
    archived: oneOf(archivedStates, url.get('archived')),
    ...readPaging(url, personSortKeys),
  };
}

/** 人员: phones masked; "show number" asks the server (which records it) and shows it in this view only. */
export function PeoplePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<PersonDrawerTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: personKeys.list(filters), queryFn: () => listPeople(filters), placeholderData: keepPreviousData });
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: personKeys.all });
  const canWrite = writesRegistry(me);

  const columns = [
    { title: t('people.name'), dataIndex: 'name', width: 120, ...sortable(filters, 'name'), render: (name: string, row: Person) => <Link to={`/people/${row.id}`} data-testid={`person-link-${row.id}`}>{name}</Link> },
    {
      title: t('people.phone'),
      dataIndex: 'phone',
      width: 160,
      render: (phone: string | null, row: Person) => <RevealPhone key={row.id} compact masked={phone} canReveal={canWrite} reveal={() => revealPersonPhone(row.id)} testId={`person-phone-${row.id}`} />,
    },
    { title: t('people.organisation'), dataIndex: 'organisationName', render: (name: string | null, row: Person) => (name && row.organisationId ? <Link to={`/organisations/${row.organisationId}`}>{name}</Link> : '—') },
    { title: t('people.position'), dataIndex: 'position', width: 130, ...sortable(filters, 'position'), render: (position: string | null) => position ?? '—' },
    { title: t('people.roles'), dataIndex: 'roles', width: 150, render: (roles: MembershipRole[]) => roles.map((role) => <Tag key={role} color={role === 'member' ? 'default' : 'gold'}>{t(`membershipRoles.${role}`)}</Tag>) },
    { title: t('people.division'), dataIndex: 'divisionName', width: 110 },
    editArchiveColumn<Person>(t, { canWrite, testIdPrefix: 'person', onEdit: setDrawer, archive: (row, archive) => setPersonArchived(row.id, archive, row.version), onDone: refreshAll }),
  ];

  return (
    <RegistryListCard<Person>
      title={t('people.title')}
      entity="person"
      testIdPrefix="person"
      filters={filters}
      url={url}
      query={{ data, isPending, isFetching, error, refetch }}
      columns={columns}
      scrollX={1100}
      canWrite={canWrite}
      onCreate={() => setDrawer('create')}
      createLabel={t('registry.people.create')}
      refreshAll={refreshAll}
      filterBar={
        <PersonFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
      }
    >
      <PersonDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/people/${id}`)} />
    </RegistryListCard>
  );
}
