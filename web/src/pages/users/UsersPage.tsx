import { useState } from 'react';
import { App, Badge, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined, ReloadOutlined, UnlockOutlined } from '@ant-design/icons';
import { roles, type Role } from '@tongxin/core/roles';
import type { User } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { listUsers, unlockUser, updateUser, userKeys, type UserFilters as Filters } from '../../api/users.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserDrawer, type UserDrawerTarget } from './UserDrawer.tsx';
import { UserFilters } from './UserFilters.tsx';

const pageSizes = [10, 20, 50, 100];

/** Filters from the URL, with anything malformed (a hand-edited link) dropped rather than sent. */
function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const role = url.get('role');
  const disabled = url.get('disabled');
  const pageSize = url.getNumber('pageSize', 20)!;
  return {
    q: url.get('q'),
    role: role && (roles as readonly string[]).includes(role) ? (role as Role) : undefined,
    disabled: disabled === 'true' || disabled === 'false' ? disabled : undefined,
    divisionId: url.getNumber('divisionId'),
    page: url.getNumber('page', 1)!,
    pageSize: pageSizes.includes(pageSize) ? pageSize : 20,
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<UserDrawerTarget>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({
    queryKey: userKeys.list(filters),
    queryFn: () => listUsers(filters),
    // Keep the current rows on screen while the next page loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });

  const setDisabled = async (user: User, disabled: boolean) => {
    try {
      await updateUser(user.id, { disabled, version: user.version });
      message.success(disabled ? t('users.disabledDone', { name: user.displayName }) : t('users.enabledDone', { name: user.displayName }));
    } catch (caught) {
      message.error(messageOf(caught, t('common.networkError')));
      if (!(caught instanceof ApiError && caught.status === 409)) return;
    }
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
  };

  const unlock = async (user: User) => {
    try {
      await unlockUser(user.id);
      message.success(t('users.unlockedDone', { name: user.displayName }));
    } catch (caught) {
      message.error(messageOf(caught, t('common.networkError')));
    }
    await queryClient.invalidateQueries({ queryKey: userKeys.all });
  };

  const columns = [
    { title: t('users.username'), dataIndex: 'username', width: 140, render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.division'), dataIndex: 'divisionName', render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('home.wholeTree')}</Typography.Text> },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (list: Role[]) => list.map((role) => <Tag key={role} color={role === 'system_admin' || role === 'division_admin' ? 'gold' : 'blue'}>{t(`roles.${role}`)}</Tag>),
    },
    { title: t('users.phone'), dataIndex: 'phone', width: 130, render: (phone: string | null) => <span className="tx-numeric">{phone ?? '—'}</span> },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (disabled: boolean, user: User) =>
        disabled ? (
          <Badge status="default" text={t('users.disabled')} />
        ) : user.lockedAt ? (
          <Tooltip title={formatDateTime(user.lockedAt)}>
            <Badge status="error" text={t('users.locked')} data-testid={`user-locked-${user.username}`} />
          </Tooltip>
        ) : (
          <Badge status="success" text={t('users.active')} />
        ),
    },
    { title: t('users.lastSignIn'), dataIndex: 'lastSignInAt', width: 170, render: (at: string | null) => <span className="tx-numeric">{formatDateTime(at)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      fixed: 'right' as const,
      render: (_: unknown, user: User) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer(user.id)} data-testid={`user-edit-${user.username}`}>
            {t('common.edit')}
          </Button>
          {user.id !== me?.userId && (
            <Popconfirm
              title={user.disabled ? t('users.confirmEnable') : t('users.confirmDisable')}
              onConfirm={() => setDisabled(user, !user.disabled)}
              okButtonProps={{ danger: !user.disabled }}
            >
              <Button type="link" size="small" danger={!user.disabled} data-testid={`user-toggle-${user.username}`}>
                {user.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            </Popconfirm>
          )}
          {user.lockedAt && (
            <Popconfirm title={t('users.confirmUnlock')} onConfirm={() => unlock(user)}>
              <Button type="link" size="small" icon={<UnlockOutlined />} data-testid={`user-unlock-${user.username}`}>
                {t('users.unlock')}
              </Button>
            </Popconfirm>
          )}
          <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setResetting(user)} data-testid={`user-reset-${user.username}`}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching && !isPending} aria-label={t('common.refresh')} />
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer('create')} data-testid="user-create">
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <UserFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<User>
            data-testid="user-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1150 }}
            rowClassName={(user) => (user.disabled ? 'tx-row-muted' : '')}
            locale={{ emptyText: t('users.noMatch') }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              pageSizeOptions: pageSizes,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => url.set({ page: page === 1 ? null : page, pageSize: pageSize === 20 ? null : pageSize }),
            }}
          />
        )}
      </Flex>
      <UserDrawer target={drawer} onClose={() => setDrawer(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
