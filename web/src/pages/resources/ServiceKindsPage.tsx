import { useState } from 'react';
import { Badge, Button, Card, Flex, Space, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { archivedStates, oneOf } from '../../api/registry-enums.ts';
import { listServiceKinds, serviceKindKeys, setServiceKindArchived, type ServiceKindWithCount } from '../../api/resources.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { ArchivedSelect } from '../../components/ArchivedSelect.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';
import { ServiceKindModal, type ServiceKindModalTarget } from './ServiceKindModal.tsx';

/** The managed list of service kinds (法律咨询, 政策解读, …): one list for the whole tree, kept by system administrators. */
export function ServiceKindsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const url = useUrlState();
  const archived = oneOf(archivedStates, url.get('archived')) ?? 'false';
  const [modal, setModal] = useState<ServiceKindModalTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: serviceKindKeys.list(archived), queryFn: () => listServiceKinds(archived) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: serviceKindKeys.all });

  return (
    <Card
      title={t('serviceKinds.title')}
      extra={<ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={() => setModal('create')} createLabel={t('registry.serviceKinds.create')} createTestId="service-kind-create" />}
    >
      <Flex vertical gap={16}>
        <Flex gap={12} align="center" wrap="wrap">
          <ArchivedSelect value={archived} onChange={(value) => url.set({ archived: value })} testId="service-kind-filter-archived" />
          <Typography.Text type="secondary">{t('registry.serviceKinds.hint')}</Typography.Text>
        </Flex>
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<ServiceKindWithCount>
            data-testid="service-kind-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data ?? []}
            pagination={false}
            rowClassName={(row) => (row.archived ? 'tx-row-muted' : '')}
            locale={{ emptyText: t('common.empty') }}
            columns={[
              { title: t('serviceKinds.sortOrder'), dataIndex: 'sortOrder', width: 80, render: (order: number) => <span className="tx-numeric">{order}</span> },
              { title: t('serviceKinds.name'), dataIndex: 'name' },
              { title: t('serviceKinds.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
              {
                title: t('serviceKinds.resourceCount'),
                dataIndex: 'resourceCount',
                width: 160,
                render: (count: number, row) => <Link to={`/resources?serviceKindId=${row.id}`} className="tx-numeric">{count}</Link>,
              },
              { title: t('registry.common.status'), dataIndex: 'archived', width: 100, render: (isArchived: boolean) => (isArchived ? <Badge status="default" text={t('registry.common.archived')} /> : <Badge status="success" text={t('registry.common.inUse')} />) },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 160,
                render: (_: unknown, row) => (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal(row)} data-testid={`service-kind-edit-${row.code}`}>
                      {t('common.edit')}
                    </Button>
                    <ArchiveAction archived={row.archived} run={(archive) => setServiceKindArchived(row.id, archive, row.version)} onDone={refresh} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Flex>
      <ServiceKindModal target={modal} onClose={() => setModal(null)} />
    </Card>
  );
}
