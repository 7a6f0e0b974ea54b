import { useState } from 'react';
import { Checkbox, Flex, Table, Tag, Typography } from 'antd';
import type { Pair } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { listPairs, pairingKeys, type PairFilters } from '../../api/pairings.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';

/** The pairs of a programme: who with whom, since when, how active; "stale" shows the silent ones. */
export function PairsTable({ programmeId, staleInitially = false }: { programmeId: number; staleInitially?: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<PairFilters>({ page: 1, pageSize: 10, ...(staleInitially ? { stale: 'true' as const } : {}) });
  const { data, isPending, error, refetch } = useQuery({ queryKey: pairingKeys.pairs(programmeId, filters), queryFn: () => listPairs(programmeId, filters), placeholderData: keepPreviousData });

  const columns = [
    { title: t('work.pairings.organisation'), dataIndex: 'organisation', render: (org: Pair['organisation']) => <Link to={`/organisations/${org.id}`}>{org.name}</Link> },
    { title: t('work.pairings.partner'), dataIndex: 'partner', render: (org: Pair['partner']) => <Link to={`/organisations/${org.id}`}>{org.name}</Link> },
    { title: t('work.pairings.startDate'), dataIndex: 'startDate', width: 110, render: (date: string) => <span className="tx-numeric">{date}</span> },
    {
      title: t('work.pairings.endDate'),
      key: 'end',
      width: 120,
      render: (_: unknown, row: Pair) => (row.current ? <Tag color="green">{t('work.pairings.current')}</Tag> : <Tag>{row.endDate ?? t('work.pairings.ended')}</Tag>),
    },
    {
      title: t('work.pairings.activityCount'),
      dataIndex: 'activityCount',
      width: 90,
      align: 'right' as const,
      render: (count: number, row: Pair) => (count ? <Link to={`/activities?pairId=${row.id}`}>{count}</Link> : 0),
    },
    {
      title: t('work.pairings.lastActivity'),
      dataIndex: 'lastActivityDate',
      width: 120,
      render: (date: string | null) => (date ? <span className="tx-numeric">{date}</span> : <Typography.Text type="warning">{t('work.pairings.noActivity')}</Typography.Text>),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center" wrap="wrap">
        <SearchBox value={filters.q} onSearch={(q) => setFilters((prev) => ({ ...prev, q: q ?? undefined, page: 1 }))} placeholder={t('registry.common.typeToSearch')} style={{ width: 200 }} />
        <Checkbox
          data-testid="pairs-stale-only"
          checked={filters.stale === 'true'}
          onChange={(event) => setFilters((prev) => ({ ...prev, stale: event.target.checked ? 'true' : undefined, page: 1 }))}
        >
          {t('work.pairings.staleOnly')}
        </Checkbox>
        <ExportButton entity="pair" path={`/api/pairing-programmes/${programmeId}/pairs/export`} filters={{ ...filters }} />
      </Flex>
      {error ? (
        <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
      ) : (
        <Table<Pair>
          data-testid="pair-table"
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: data?.total ?? 0, showTotal: (total) => t('common.total', { total }) }}
          onChange={(pagination) => setFilters((prev) => ({ ...prev, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 10 }))}
        />
      )}
    </Flex>
  );
}
