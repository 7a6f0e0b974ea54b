import { useState } from 'react';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Resource, ResourceKind } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { archivedStates, oneOf, resourceKinds, someOf } from '../../api/registry-enums.ts';
import { listResources, resourceKeys, resourceSortKeys, revealResourcePhone, setResourceArchived, type ResourceFilters as Filters } from '../../api/resources.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { ImportButton } from '../../components/imports/ImportButton.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
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
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right' as const,
      render: (_: unknown, row: Resource) =>
        canWrite ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer(row.id)} data-testid={`resource-edit-${row.id}`}>
              {t('common.edit')}
            </Button>
            <ArchiveAction archived={row.archived} run={(archive) => setResourceArchived(row.id, archive, row.version)} onDone={refreshAll} />
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('resources.title')}
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? () => setDrawer('create') : undefined} createLabel={t('registry.resources.create')} createTestId="resource-create">
          <ExportButton entity="resource" filters={{ ...filters }} />
          {canWrite && <ImportButton entity="resource" onImported={() => void refreshAll()} />}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <ResourceFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Resource>
            data-testid="resource-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1150 }}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Typography.Text type="secondary">{t('registry.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Resource>(url)}
          />
        )}
      </Flex>
      <ResourceDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/resources/${id}`)} />
    </Card>
  );
}
