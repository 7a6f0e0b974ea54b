import { useState } from 'react';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Organisation, OrganisationType } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { listOrganisations, organisationKeys, organisationSortKeys, setOrganisationArchived, type OrganisationFilters as Filters } from '../../api/organisations.ts';
import { archivedStates, oneOf, organisationTypes, someOf } from '../../api/registry-enums.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { ImportButton } from '../../components/imports/ImportButton.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
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
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right' as const,
      render: (_: unknown, row: Organisation) =>
        canWrite ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer(row.id)} data-testid={`organisation-edit-${row.id}`}>
              {t('common.edit')}
            </Button>
            <ArchiveAction archived={row.archived} run={(archive) => setOrganisationArchived(row.id, archive, row.version)} onDone={refreshAll} />
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('organisations.title')}
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? () => setDrawer('create') : undefined} createLabel={t('registry.organisations.create')} createTestId="organisation-create">
          <ExportButton entity="organisation" filters={{ ...filters }} />
          {canWrite && <ImportButton entity="organisation" onImported={() => void refreshAll()} />}
          {canWrite && <ImportButton entity="membership" label={t('registry.organisations.importMembers')} onImported={() => void refreshAll()} />}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <OrganisationFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Organisation>
            data-testid="organisation-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Typography.Text type="secondary">{t('registry.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Organisation>(url)}
          />
        )}
      </Flex>
      <OrganisationDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/organisations/${id}`)} />
    </Card>
  );
}
