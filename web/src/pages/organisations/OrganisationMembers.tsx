import { useState } from 'react';
import { App, Badge, Button, Flex, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Membership, MembershipRole, OrganisationType } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { endMembership, listMembers, organisationKeys, type MemberFilters } from '../../api/organisations.ts';
import { personKeys } from '../../api/people.ts';
import { membershipRoles, oneOf } from '../../api/registry-enums.ts';
import { enumOptions } from '../../components/enum-options.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { pageSizes } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { MembershipModal, type MembershipModalTarget } from './MembershipModal.tsx';

const currentStates = ['true', 'false', 'all'] as const;

/** Member organisations or member people of one organisation: paged on the server, filters in the URL. */
export function OrganisationMembers({ organisationId, kind, canManage }: { organisationId: number; kind: 'organisation' | 'person'; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const url = useUrlState();
  const [modal, setModal] = useState<MembershipModalTarget>(null);
  const pageSize = url.getNumber('pageSize', 20)!;
  const filters: MemberFilters = {
    kind,
    role: oneOf(membershipRoles, url.get('role')),
    current: oneOf(currentStates, url.get('current')) ?? 'true',
    q: url.get('q'),
    page: url.getNumber('page', 1)!,
    pageSize: pageSizes.includes(pageSize) ? pageSize : 20,
  };
  const { data, isPending, error, refetch } = useQuery({
    queryKey: organisationKeys.members(organisationId, filters),
    queryFn: () => listMembers(organisationId, filters),
    placeholderData: keepPreviousData,
  });

  const end = async (membership: Membership) => {
    try {
      await endMembership(membership.id, membership.version);
      message.success(t('registry.memberships.ended', { name: membership.member.name }));
    } catch (caught) {
      message.error(messageOf(caught, t('common.networkError')));
    }
    await Promise.all([queryClient.invalidateQueries({ queryKey: organisationKeys.all }), queryClient.invalidateQueries({ queryKey: personKeys.all })]);
  };

  const columns = [
    {
      title: t('memberships.member'),
      key: 'member',
      render: (_: unknown, row: Membership) => (
        <Link to={row.member.kind === 'organisation' ? `/organisations/${row.member.id}` : `/people/${row.member.id}`}>{row.member.name}</Link>
      ),
    },
    { title: t('organisations.division'), key: 'division', width: 120, render: (_: unknown, row: Membership) => row.member.divisionName },
    kind === 'organisation'
      ? { title: t('organisations.type'), key: 'type', width: 120, render: (_: unknown, row: Membership) => (row.member.type ? t(`organisationTypes.${row.member.type as OrganisationType}`) : '—') }
      : { title: t('people.phone'), key: 'phone', width: 130, render: (_: unknown, row: Membership) => <span className="tx-numeric">{row.member.phone ?? '—'}</span> },
    { title: t('memberships.role'), dataIndex: 'role', width: 100, render: (role: MembershipRole) => <Tag color={role === 'member' ? 'default' : 'gold'}>{t(`membershipRoles.${role}`)}</Tag> },
    { title: t('memberships.since'), dataIndex: 'since', width: 110, render: (date: string | null) => <span className="tx-numeric">{date ?? '—'}</span> },
    { title: t('memberships.until'), dataIndex: 'until', width: 110, render: (date: string | null) => <span className="tx-numeric">{date ?? '—'}</span> },
    { title: t('registry.common.status'), dataIndex: 'current', width: 90, render: (current: boolean) => (current ? <Badge status="success" text={t('memberships.current')} /> : <Badge status="default" text={t('memberships.ended')} />) },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, row: Membership) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal({ organisationId, kind, membership: row })} data-testid={`membership-edit-${row.id}`}>
                  {t('common.edit')}
                </Button>
                {row.current && (
                  <Popconfirm title={t('registry.memberships.confirmEnd')} onConfirm={() => end(row)}>
                    <Button type="link" size="small" danger data-testid={`membership-end-${row.id}`}>
                      {t('memberships.end')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap="wrap" justify="space-between">
        <Flex gap={8} wrap="wrap">
          <SearchBox data-testid="member-filter-q" value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('registry.memberships.searchPlaceholder')} style={{ width: 200 }} />
          <Select<MembershipRole>
            data-testid="member-filter-role"
            allowClear
            placeholder={t('registry.memberships.allRoles')}
            value={filters.role}
            onChange={(role) => url.set({ role: role ?? null })}
            options={enumOptions(t, 'membershipRoles', membershipRoles)}
            style={{ width: 140 }}
          />
          <Select<(typeof currentStates)[number]>
            data-testid="member-filter-current"
            value={filters.current}
            onChange={(current) => url.set({ current: current === 'true' ? null : current })}
            options={[
              { value: 'true', label: t('memberships.current') },
              { value: 'false', label: t('memberships.ended') },
              { value: 'all', label: t('common.all') },
            ]}
            style={{ width: 110 }}
          />
        </Flex>
        <Space wrap>
          <ExportButton entity="membership" path={`/api/organisations/${organisationId}/members/export`} filters={{ ...filters }} />
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setModal({ organisationId, kind })} data-testid={`member-add-${kind}`}>
              {t('memberships.add')}
            </Button>
          )}
        </Space>
      </Flex>
      {error ? (
        <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
      ) : (
        <Table<Membership>
          data-testid={`member-table-${kind}`}
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          rowClassName={(row) => (row.current ? '' : 'tx-row-muted')}
          locale={{ emptyText: t('registry.memberships.none') }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: pageSizes,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, size) => url.set({ page: page === 1 ? null : page, pageSize: size === 20 ? null : size }, { keepPage: true }),
          }}
        />
      )}
      <MembershipModal target={modal} onClose={() => setModal(null)} />
    </Flex>
  );
}
