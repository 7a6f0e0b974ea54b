import { useState } from 'react';
import { Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import type { Campaign } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { campaignKeys, listCampaigns, type CampaignFilters } from '../../api/campaigns.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { CampaignDrawer } from './CampaignDrawer.tsx';
import { Fen } from './money.tsx';
import { YearFilter } from '../../components/YearFilter.tsx';

function useFiltersFromUrl(): CampaignFilters {
  const url = useUrlState();
  return { q: url.get('q'), year: url.getNumber('year'), divisionId: url.getNumber('divisionId'), ...readPaging(url, []) };
}

const percent = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);

/** 慈善帮扶: campaigns with target, pledged and received (万元), and overdue pledges. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [creating, setCreating] = useState(false);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: campaignKeys.list(filters), queryFn: () => listCampaigns(filters), placeholderData: keepPreviousData });
  const columns = [
    { title: t('judgingWeb.campaigns.title'), dataIndex: 'title', render: (title: string, row: Campaign) => <Link to={`/campaigns/${row.id}`} data-testid={`campaign-link-${row.id}`}>{title}</Link> },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('judgingWeb.campaigns.beneficiary'), key: 'beneficiary', width: 150, render: (_: unknown, row: Campaign) => row.beneficiaryName ?? row.beneficiaryDivisionName ?? '—' },
    { title: t('judgingWeb.campaigns.period'), key: 'period', width: 190, render: (_: unknown, row: Campaign) => <span className="tx-numeric">{`${row.startDate} ~ ${row.endDate ?? ''}`}</span> },
    { title: t('judgingWeb.campaigns.target'), key: 'target', width: 120, align: 'right' as const, render: (_: unknown, row: Campaign) => <Fen fen={row.targetFen} /> },
    { title: t('judgingWeb.campaigns.pledged'), key: 'pledged', width: 120, align: 'right' as const, render: (_: unknown, row: Campaign) => <Fen fen={row.progress.pledgedFen} /> },
    { title: t('judgingWeb.campaigns.received'), key: 'received', width: 120, align: 'right' as const, render: (_: unknown, row: Campaign) => <Fen fen={row.progress.receivedFen} testId={`campaign-received-${row.id}`} /> },
    { title: t('judgingWeb.campaigns.receivedOfTarget'), key: 'share', width: 150, render: (_: unknown, row: Campaign) => <Progress size="small" percent={percent(row.progress.receivedOfTarget)} /> },
    { title: t('judgingWeb.campaigns.overdue'), key: 'overdue', width: 90, render: (_: unknown, row: Campaign) => (row.progress.overdueCount > 0 ? <Tag color="red">{row.progress.overdueCount}</Tag> : '—') },
  ];
  return (
    <Card
      title={t('judgingWeb.campaigns.listTitle')}
      data-testid="campaigns-page"
      extra={<ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={writesWork(me) ? () => setCreating(true) : undefined} createLabel={t('judgingWeb.campaigns.create')} />}
    >
      <Flex vertical gap={16}>
        <Flex gap={8} wrap="wrap">
          <SearchBox value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('judgingWeb.campaigns.search')} style={{ width: 200 }} />
          <YearFilter value={filters.year ?? null} onChange={(year) => url.set({ year })} />
          <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
          <Button onClick={url.clear}>{t('common.reset')}</Button>
        </Flex>
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Campaign>
            data-testid="campaign-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1200 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Campaign>(url)}
          />
        )}
      </Flex>
      <CampaignDrawer open={creating} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/campaigns/${id}`)} />
    </Card>
  );
}
