import { Tag } from 'antd';
import type { Organisation, OrganisationType, Person, Resource, Venue, VenueType } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listOrganisations, organisationKeys } from '../../api/organisations.ts';
import { listPeople, personKeys } from '../../api/people.ts';
import { listResources, resourceKeys } from '../../api/resources.ts';
import { listVenues, venueKeys } from '../../api/venues.ts';
import { LinkedTable } from '../../components/LinkedTable.tsx';

/** Organisations whose parent is this one. */
export function ChildOrganisations({ organisationId }: { organisationId: number }) {
  const { t } = useTranslation();
  return (
    <LinkedTable<Organisation>
      testId="organisation-children"
      queryKey={organisationKeys.list({ parentId: organisationId })}
      fetch={(page, pageSize) => listOrganisations({ parentId: organisationId, page, pageSize })}
      emptyText={t('registry.organisations.noChildren')}
      columns={[
        { title: t('organisations.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/organisations/${row.id}`}>{name}</Link> },
        { title: t('organisations.type'), dataIndex: 'type', width: 130, render: (type: OrganisationType) => t(`organisationTypes.${type}`) },
        { title: t('organisations.division'), dataIndex: 'divisionName', width: 140 },
      ]}
    />
  );
}

/** People whose organisation is this one (their workplace, not a membership). */
export function OrganisationPeople({ organisationId }: { organisationId: number }) {
  const { t } = useTranslation();
  return (
    <LinkedTable<Person>
      testId="organisation-people"
      queryKey={personKeys.list({ organisationId })}
      fetch={(page, pageSize) => listPeople({ organisationId, page, pageSize })}
      emptyText={t('registry.organisations.noPeople')}
      columns={[
        { title: t('people.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/people/${row.id}`}>{name}</Link> },
        { title: t('people.position'), dataIndex: 'position', width: 160, render: (position: string | null) => position ?? '—' },
        { title: t('people.phone'), dataIndex: 'phone', width: 140, render: (phone: string | null) => <span className="tx-numeric">{phone ?? '—'}</span> },
      ]}
    />
  );
}

export function OrganisationVenues({ organisationId }: { organisationId: number }) {
  const { t } = useTranslation();
  return (
    <LinkedTable<Venue>
      testId="organisation-venues"
      queryKey={venueKeys.list({ ownerOrganisationId: organisationId })}
      fetch={(page, pageSize) => listVenues({ ownerOrganisationId: organisationId, page, pageSize })}
      emptyText={t('registry.organisations.noVenues')}
      columns={[
        { title: t('venues.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/venues/${row.id}`}>{name}</Link> },
        { title: t('venues.type'), dataIndex: 'type', width: 130, render: (type: VenueType) => <Tag>{t(`venueTypes.${type}`)}</Tag> },
        { title: t('venues.address'), dataIndex: 'address', render: (address: string | null) => address ?? '—' },
      ]}
    />
  );
}

export function OrganisationResources({ organisationId }: { organisationId: number }) {
  const { t } = useTranslation();
  return (
    <LinkedTable<Resource>
      testId="organisation-resources"
      queryKey={resourceKeys.list({ organisationId })}
      fetch={(page, pageSize) => listResources({ organisationId, page, pageSize })}
      emptyText={t('registry.organisations.noResources')}
      columns={[
        { title: t('resources.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/resources/${row.id}`}>{name}</Link> },
        { title: t('resources.services'), dataIndex: 'services', render: (services: Resource['services']) => services.map((service) => <Tag key={service.id}>{service.name}</Tag>) },
      ]}
    />
  );
}
