import { useState } from 'react';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { MembershipRole, Person } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { listPeople, personKeys, personSortKeys, revealPersonPhone, setPersonArchived, type PersonFilters as Filters } from '../../api/people.ts';
import { archivedStates, membershipRoles, oneOf } from '../../api/registry-enums.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { ImportButton } from '../../components/imports/ImportButton.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
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
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right' as const,
      render: (_: unknown, row: Person) =>
        canWrite ? (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer(row.id)} data-testid={`person-edit-${row.id}`}>
              {t('common.edit')}
            </Button>
            <ArchiveAction archived={row.archived} run={(archive) => setPersonArchived(row.id, archive, row.version)} onDone={refreshAll} />
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('people.title')}
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? () => setDrawer('create') : undefined} createLabel={t('registry.people.create')} createTestId="person-create">
          <ExportButton entity="person" filters={{ ...filters }} />
          {canWrite && <ImportButton entity="person" onImported={() => void refreshAll()} />}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <PersonFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Person>
            data-testid="person-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: <Typography.Text type="secondary">{t('registry.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Person>(url)}
          />
        )}
      </Flex>
      <PersonDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/people/${id}`)} />
    </Card>
  );
}
