import { Button, Card, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { projectStatuses, type ClosedLoopRow, type ProjectStatus } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchClosedLoop, projectKeys, type ClosedLoopFilters } from '../../api/projects.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { stageMarks } from '../../lib/loop-stages.ts';
import { useUrlState } from '../../lib/url-state.ts';

function useFiltersFromUrl(url: ReturnType<typeof useUrlState>): ClosedLoopFilters {
  const status = url.get('status');
  const problem = url.get('problem');
  const { page, pageSize } = readPaging(url, []);
  return {
    divisionId: url.getNumber('divisionId'),
    q: url.get('q'),
    status: projectStatuses.find((s) => s === status),
    organisationId: url.getNumber('organisationId'),
    problem: problem === 'true' || problem === 'false' ? problem : undefined,
    page,
    pageSize,
  };
}

/** 责任闭环: every project as a row, the loop's stages as columns, problem projects first. */
export function ClosedLoopPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const filters = useFiltersFromUrl(url);
  const { data, isPending, error, refetch } = useQuery({ queryKey: projectKeys.closedLoop(filters), queryFn: () => fetchClosedLoop(filters), placeholderData: keepPreviousData });

  const stageColumn = (stage: ProjectStatus) => ({
    title: t(`projectStatuses.${stage}`),
    key: `stage-${stage}`,
    width: 90,
    align: 'center' as const,
    render: (_: unknown, row: ClosedLoopRow) => {
      const mark = stageMarks(row.status)[stage];
      if (mark === 'passed') return <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('ux.loop.passed')} />;
      if (mark === 'current') return <Tag color={row.problem ? 'red' : 'blue'}>{t('ux.loop.current')}</Tag>;
      return <Typography.Text type="secondary">—</Typography.Text>;
    },
  });
  const columns = [
    {
      title: t('work.projects.title'),
      dataIndex: 'title',
      fixed: 'left' as const,
      width: 220,
      render: (title: string, row: ClosedLoopRow) => (
        <Link to={`/projects/${row.id}`} data-testid={`closed-loop-row-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('ux.loop.unit'), key: 'unit', width: 180, render: (_: unknown, row: ClosedLoopRow) => row.organisation?.name ?? t('work.closedLoop.noUnit') },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 110 },
    ...projectStatuses.map(stageColumn),
    { title: t('ux.loop.milestones'), key: 'milestones', width: 100, render: (_: unknown, row: ClosedLoopRow) => `${row.completedMilestones} / ${row.milestones}` },
    { title: t('work.closedLoop.overdue'), dataIndex: 'overdueMilestones', width: 100, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : '0') },
    { title: t('work.closedLoop.unevidenced'), dataIndex: 'unevidencedMilestones', width: 110, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '0') },
  ];

  return (
    <Card title={t('work.closedLoop.title')} data-testid="closed-loop-page" extra={<Link to="/projects">{t('work.projects.listTitle')}</Link>}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap="wrap" align="center">
          <Segmented
            data-testid="closed-loop-problem"
            value={filters.problem ?? 'all'}
            onChange={(value) => url.set({ problem: value === 'all' ? null : String(value) })}
            options={[
              { value: 'all', label: t('ux.loop.all') },
              { value: 'true', label: data ? t('ux.loop.problems', { count: data.problems }) : t('ux.loop.problemsOnly') },
              { value: 'false', label: t('ux.loop.onTrack') },
            ]}
          />
          <SearchBox value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('work.projects.title')} style={{ width: 180 }} data-testid="closed-loop-q" />
          <Select allowClear placeholder={t('work.projects.status')} value={filters.status} onChange={(status) => url.set({ status: status ?? null })} options={enumOptions(t, 'projectStatuses', projectStatuses)} style={{ width: 120 }} />
          <OrganisationPicker value={filters.organisationId ?? null} onChange={(organisationId) => url.set({ organisationId })} placeholder={t('ux.loop.unit')} style={{ width: 200 }} />
          <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 180 }} />
          <Button onClick={url.clear}>{t('common.reset')}</Button>
        </Flex>
        <Typography.Text type="secondary">{t('ux.loop.hint', { today: data?.today ?? '' })}</Typography.Text>
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<ClosedLoopRow>
            data-testid="closed-loop-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1200 }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<ClosedLoopRow>(url)}
          />
        )}
      </Flex>
    </Card>
  );
}
