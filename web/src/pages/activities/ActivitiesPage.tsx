import { useState } from 'react';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { activityKinds, type Activity } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { activityKeys, listActivities, type ActivityFilters as Filters } from '../../api/activities.ts';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { ActivityDrawer } from './ActivityDrawer.tsx';
import { ActivityFilters } from './ActivityFilters.tsx';

const ymd = /^\d{4}-\d{2}-\d{2}$/;

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const kind = url.get('kind');
  const from = url.get('from');
  const to = url.get('to');
  return {
    q: url.get('q'),
    kind: activityKinds.find((one) => one === kind),
    venueId: url.getNumber('venueId'),
    projectId: url.getNumber('projectId'),
    pairId: url.getNumber('pairId'),
    organisationId: url.getNumber('organisationId'),
    divisionId: url.getNumber('divisionId'),
    from: from && ymd.test(from) ? from : undefined,
    to: to && ymd.test(to) ? to : undefined,
    ...readPaging(url, []),
  };
}

/** 活动记录: what happened where, by kind, venue, project, organiser and period. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [creating, setCreating] = useState(false);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: activityKeys.list(filters), queryFn: () => listActivities(filters), placeholderData: keepPreviousData });

  const columns = [
    { title: t('work.activities.date'), dataIndex: 'date', width: 110, render: (date: string) => <span className="tx-numeric">{date}</span> },
    {
      title: t('work.activities.title'),
      dataIndex: 'title',
      render: (title: string, row: Activity) => (
        <Link to={`/activities/${row.id}`} data-testid={`activity-link-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('work.activities.kind'), dataIndex: 'kind', width: 110, render: (kind: Activity['kind']) => <Tag color="blue">{t(`activityKinds.${kind}`)}</Tag> },
    { title: t('work.activities.venue'), dataIndex: 'venue', width: 160, render: (venue: Activity['venue']) => (venue ? <Link to={`/venues/${venue.id}`}>{venue.name}</Link> : '—') },
    { title: t('work.activities.project'), dataIndex: 'project', width: 160, render: (project: Activity['project']) => (project ? <Link to={`/projects/${project.id}`}>{project.name}</Link> : '—') },
    { title: t('work.activities.organisers'), dataIndex: 'organisers', width: 180, render: (organisers: Activity['organisers']) => organisers.map((one) => one.name).join(t('common.listSeparator')) || '—' },
    { title: t('work.activities.participantCount'), dataIndex: 'participantCount', width: 90, align: 'right' as const, render: (count: number | null) => count ?? '—' },
    { title: t('work.activities.photoCount'), dataIndex: 'photoCount', width: 70, render: (count: number) => (count ? <span><CameraOutlined /> {count}</span> : '—') },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 110 },
  ];

  return (
    <Card
      title={t('work.activities.listTitle')}
      data-testid="activities-page"
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={writesWork(me) ? () => setCreating(true) : undefined} createLabel={t('work.activities.create')} createTestId="activity-create">
          <ExportButton entity="activity" filters={Object.fromEntries(Object.entries(filters))} />
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <ActivityFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Activity>
            data-testid="activity-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1200 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Activity>(url)}
          />
        )}
      </Flex>
      <ActivityDrawer open={creating} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/activities/${id}`)} />
    </Card>
  );
}
