import { useState } from 'react';
import { Button, Card, Flex, List, Progress, Select, Table, Tag, Typography } from 'antd';
import type { Competition } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { competitionKeys, listCompetitions, listReviewing, type CompetitionFilters } from '../../api/competitions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { CompetitionDrawer } from './CompetitionDrawer.tsx';
import { PhaseTag } from './competition-shared.tsx';
import { YearFilter } from '../../components/YearFilter.tsx';

function useFiltersFromUrl(): CompetitionFilters {
  const url = useUrlState();
  const archived = url.get('archived');
  return {
    q: url.get('q'),
    year: url.getNumber('year'),
    divisionId: url.getNumber('divisionId'),
    archived: archived === 'true' || archived === 'all' ? archived : undefined,
    ...readPaging(url, []),
  };
}

/** The competitions a rater scores in, with their progress (12 / 45): the way in for raters. */
function MyReviews() {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: competitionKeys.reviewing, queryFn: listReviewing });
  if (!data || data.length === 0) return null;
  return (
    <Card title={t('judgingWeb.review.myTitle')} size="small" data-testid="my-reviews">
      <List
        dataSource={data}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Link key="go" to={`/competitions/${item.competitionId}/review`} data-testid={`review-link-${item.competitionId}`}>
                {item.reviewOpen ? t('judgingWeb.review.start') : t('judgingWeb.review.view')}
              </Link>,
            ]}
          >
            <List.Item.Meta title={item.title} description={`${item.divisionName} · ${item.groupId}`} />
            <Progress style={{ width: 180 }} size="small" percent={item.progress.total ? Math.round((item.progress.done / item.progress.total) * 100) : 0} format={() => `${item.progress.done} / ${item.progress.total}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 评审活动: competitions of the subtree, and the ones the user rates in. */
export function CompetitionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [creating, setCreating] = useState(false);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: competitionKeys.list(filters), queryFn: () => listCompetitions(filters), placeholderData: keepPreviousData });

  const columns = [
    {
      title: t('judgingWeb.competitions.title'),
      dataIndex: 'title',
      render: (title: string, row: Competition) => (
        <Link to={`/competitions/${row.id}`} data-testid={`competition-link-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('judgingWeb.competitions.year'), dataIndex: 'year', width: 80, render: (year: number | null) => year ?? '—' },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 140 },
    { title: t('judgingWeb.competitions.phase'), key: 'phase', width: 110, render: (_: unknown, row: Competition) => (row.published ? <Tag color="success">{t('judging.decisionStatuses.published')}</Tag> : <PhaseTag kind={row.currentPhase} phases={row.phases} />) },
    { title: t('judgingWeb.competitions.entries'), key: 'entries', width: 90, render: (_: unknown, row: Competition) => row.counts.entries },
    { title: t('judgingWeb.competitions.raters'), key: 'raters', width: 90, render: (_: unknown, row: Competition) => row.counts.raters },
    { title: t('judgingWeb.competitions.reviews'), key: 'reviews', width: 90, render: (_: unknown, row: Competition) => row.counts.reviews },
  ];

  return (
    <Flex vertical gap={16}>
      <MyReviews />
      <Card
        title={t('judgingWeb.competitions.listTitle')}
        data-testid="competitions-page"
        extra={<ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={writesWork(me) ? () => setCreating(true) : undefined} createLabel={t('judgingWeb.competitions.create')} createTestId="competition-create" />}
      >
        <Flex vertical gap={16}>
          <Flex gap={8} wrap="wrap" align="center">
            <SearchBox value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('judgingWeb.competitions.search')} style={{ width: 200 }} />
            <YearFilter value={filters.year ?? null} onChange={(year) => url.set({ year })} />
            <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
            <Select
              value={filters.archived ?? 'false'}
              onChange={(archived) => url.set({ archived: archived === 'false' ? null : archived })}
              options={[
                { value: 'false', label: t('judgingWeb.common.current') },
                { value: 'true', label: t('judgingWeb.common.archived') },
                { value: 'all', label: t('common.all') },
              ]}
              style={{ width: 110 }}
            />
            <Button onClick={url.clear}>{t('common.reset')}</Button>
          </Flex>
          {error ? (
            <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
          ) : (
            <Table<Competition>
              data-testid="competition-table"
              rowKey="id"
              size="middle"
              loading={isPending}
              dataSource={data?.items ?? []}
              columns={columns}
              scroll={{ x: 900 }}
              locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
              pagination={tablePagination(filters, data?.total ?? 0, t)}
              onChange={tableChange<Competition>(url)}
            />
          )}
        </Flex>
      </Card>
      <CompetitionDrawer open={creating} competition={null} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/competitions/${id}`)} />
    </Flex>
  );
}
