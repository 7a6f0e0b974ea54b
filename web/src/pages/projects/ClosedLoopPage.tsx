import { Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ClosedLoop } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchClosedLoop, projectKeys } from '../../api/projects.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';
import { ProjectStatusTag } from './work-shared.tsx';

type LoopProject = ClosedLoop['units'][number]['projects'][number];

/** 责任闭环: per responsible unit, the projects whose milestones are overdue or lack evidence. */
export function ClosedLoopPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const divisionId = url.getNumber('divisionId');
  const { data, isPending, error, refetch } = useQuery({ queryKey: projectKeys.closedLoop(divisionId), queryFn: () => fetchClosedLoop(divisionId) });

  const columns = [
    { title: t('work.projects.title'), dataIndex: 'title', render: (title: string, row: LoopProject) => <Link to={`/projects/${row.id}`}>{title}</Link> },
    { title: t('work.projects.status'), dataIndex: 'status', width: 100, render: (status: LoopProject['status']) => <ProjectStatusTag status={status} /> },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 140 },
    { title: t('work.closedLoop.overdue'), dataIndex: 'overdueMilestones', width: 110, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : '0') },
    { title: t('work.closedLoop.unevidenced'), dataIndex: 'unevidencedMilestones', width: 110, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '0') },
  ];

  return (
    <Card title={t('work.closedLoop.title')} data-testid="closed-loop-page" extra={<Link to="/projects">{t('work.projects.listTitle')}</Link>}>
      <Flex vertical gap={16}>
        <Space wrap>
          <DivisionPicker value={divisionId ?? null} onChange={(next) => url.set({ divisionId: next })} placeholder={t('work.common.allDivisions')} style={{ width: 220 }} />
          <Typography.Text type="secondary">{t('work.closedLoop.hint', { today: data?.today ?? '' })}</Typography.Text>
        </Space>
        {error ? (
          <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : isPending ? (
          <PageLoading />
        ) : data.units.length === 0 ? (
          <Empty description={t('work.closedLoop.allClosed')} />
        ) : (
          data.units.map((unit) => (
            <Card
              key={unit.organisation?.id ?? 'none'}
              size="small"
              data-testid={`closed-loop-unit-${unit.organisation?.id ?? 'none'}`}
              title={unit.organisation ? <Link to={`/organisations/${unit.organisation.id}`}>{unit.organisation.name}</Link> : t('work.closedLoop.noUnit')}
              extra={t('work.closedLoop.projectCount', { count: unit.projects.length })}
            >
              <Table<LoopProject> rowKey="id" size="small" pagination={false} dataSource={unit.projects} columns={columns} />
            </Card>
          ))
        )}
      </Flex>
    </Card>
  );
}
