import { Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditKeys, listAudit, type AuditFilters as Filters } from '../../api/audit.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime, officeTimeZone } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { auditActionLabel, auditActorLabel, auditEntityLabel } from '../../lib/audit-labels.ts';

const pageSizes = [20, 50, 100];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const from = url.get('from');
  const to = url.get('to');
  const pageSize = url.getNumber('pageSize', 20)!;
  return {
    action: url.get('action'),
    entity: url.get('entity'),
    entityId: url.get('entityId'),
    actorId: url.getNumber('actorId'),
    from: from && isoDate.test(from) ? from : undefined,
    to: to && isoDate.test(to) ? to : undefined,
    page: url.getNumber('page', 1)!,
    pageSize: pageSizes.includes(pageSize) ? pageSize : 20,
  };
}

/** Who did what to which record, when and from where; newest first. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const { data, isPending, isFetching, error, refetch } = useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => listAudit(filters),
    placeholderData: keepPreviousData,
  });
  // A code the locale files do not know yet (a newer server) still shows, as the code itself.
  const exists = (key: string) => i18n.exists(key);

  const columns = [
    {
      title: <Tooltip title={t('audit.timeZoneHint', { zone: officeTimeZone })}>{t('audit.at')}</Tooltip>,
      dataIndex: 'at',
      width: 170,
      render: (at: string) => <span className="tx-numeric">{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 130,
      render: (name: string | null, entry: AuditEntry) =>
        entry.actorId ? (
          <Tooltip title={t('audit.filterByActor')}>
            <Typography.Link onClick={() => url.set({ actorId: entry.actorId, actorName: name })}>{name ?? `#${entry.actorId}`}</Typography.Link>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{auditActorLabel(name, false, t, exists)}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 130,
      render: (action: string) => <Tag color={action.endsWith('_failed') ? 'red' : 'blue'}>{auditActionLabel(action, t, exists)}</Tag>,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (entity: string, entry: AuditEntry) => (
        <span>
          {auditEntityLabel(entity, t, exists)}
          {entry.entityId && <Typography.Text type="secondary" className="tx-numeric">{` #${entry.entityId}`}</Typography.Text>}
        </span>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 150, render: (ip: string | null) => <span className="tx-numeric">{ip ?? '—'}</span> },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching && !isPending} aria-label={t('common.refresh')} />
        </Tooltip>
      }
    >
      <Flex vertical gap={16}>
        <AuditFilters
          value={filters}
          actorLabel={url.get('actorName') ?? null}
          onChange={(changes) => url.set(changes)}
          onReset={url.clear}
        />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 800 }}
            locale={{ emptyText: t('audit.noMatch') }}
            expandable={{
              rowExpandable: (entry) => Boolean(entry.detail || entry.requestId),
              expandedRowRender: (entry) => (
                <Flex vertical gap={4}>
                  {entry.requestId && (
                    <Typography.Text type="secondary">
                      {t('audit.requestId')}: <Typography.Text copyable className="tx-numeric">{entry.requestId}</Typography.Text>
                    </Typography.Text>
                  )}
                  {entry.detail && <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.detail, null, 2)}</pre>}
                </Flex>
              ),
            }}
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
    </Card>
  );
}
