import { useState } from 'react';
import { Button, Card, Flex, Progress, Space, Table, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { projectStatuses, type Project } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { listProjects, projectKeys, type ProjectFilters as Filters } from '../../api/projects.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { ProjectDrawer, type ProjectDrawerTarget } from './ProjectDrawer.tsx';
import { ProjectFilters } from './ProjectFilters.tsx';
import { formatYmd, OverdueTag, ProjectStatusTag, writesWork } from './work-shared.tsx';

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const status = url.get('status');
  return {
    q: url.get('q'),
    status: projectStatuses.find((one) => one === status),
    divisionId: url.getNumber('divisionId'),
    organisationId: url.getNumber('organisationId'),
    overdue: url.get('overdue') === 'true' ? 'true' : undefined,
    ...readPaging(url, []),
  };
}

/** 项目清单: projects of the subtree with their milestones' progress and overdue flags. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [drawer, setDrawer] = useState<ProjectDrawerTarget>(null);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: projectKeys.list(filters), queryFn: () => listProjects(filters), placeholderData: keepPreviousData });
  const canWrite = writesWork(me);

  const columns = [
    {
      title: t('work.projects.title'),
      dataIndex: 'title',
      render: (title: string, row: Project) => (
        <Space size={4} wrap>
          <Link to={`/projects/${row.id}`} data-testid={`project-link-${row.id}`}>
            {title}
          </Link>
          {row.overdue && <OverdueTag count={row.overdueCount} testId={`project-overdue-${row.id}`} />}
        </Space>
      ),
    },
    { title: t('work.projects.status'), dataIndex: 'status', width: 100, render: (status: Project['status']) => <ProjectStatusTag status={status} /> },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('work.projects.responsibleUnit'), dataIndex: 'responsibleOrganisation', width: 180, render: (unit: Project['responsibleOrganisation']) => unit?.name ?? '—' },
    { title: t('work.projects.responsiblePerson'), dataIndex: 'responsiblePerson', width: 100, render: (person: Project['responsiblePerson']) => person?.name ?? '—' },
    {
      title: t('work.projects.milestones'),
      key: 'milestones',
      width: 160,
      render: (_: unknown, row: Project) => (
        <Progress
          size="small"
          percent={row.milestoneCount ? Math.round((row.completedCount / row.milestoneCount) * 100) : 0}
          format={() => `${row.completedCount}/${row.milestoneCount}`}
          status={row.overdue ? 'exception' : 'normal'}
        />
      ),
    },
    { title: t('work.projects.period'), key: 'period', width: 200, render: (_: unknown, row: Project) => <span className="tx-numeric">{`${formatYmd(row.startDate)} ~ ${formatYmd(row.endDate)}`}</span> },
  ];

  return (
    <Card
      title={t('work.projects.listTitle')}
      data-testid="projects-page"
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={canWrite ? () => setDrawer('create') : undefined} createLabel={t('work.projects.create')} createTestId="project-create">
          <Button icon={<ApartmentOutlined />} onClick={() => void navigate('/projects/closed-loop')} data-testid="closed-loop-link">
            {t('work.closedLoop.title')}
          </Button>
          <ExportButton entity="project" filters={Object.fromEntries(Object.entries(filters))} />
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <ProjectFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Project>
            data-testid="project-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Project>(url)}
          />
        )}
      </Flex>
      <ProjectDrawer target={drawer} onClose={() => setDrawer(null)} onSaved={(id) => void navigate(`/projects/${id}`)} />
    </Card>
  );
}
