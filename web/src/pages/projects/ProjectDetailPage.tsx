import { useState } from 'react';
import { App, Button, Descriptions, Space, Timeline, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ProjectDetail, ProjectStatus } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { fetchProject, projectKeys, transitionProject } from '../../api/projects.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { MilestoneList } from './MilestoneList.tsx';
import { ProjectDrawer } from './ProjectDrawer.tsx';
import { formatYmd, OverdueTag, ProjectStatusTag } from './work-shared.tsx';

/** Status buttons: only the next states the server allows, and "reviewed" only for reviewers. */
function StatusButtons({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [moving, setMoving] = useState<ProjectStatus | null>(null);
  const may = (to: ProjectStatus) => project.allowed.includes(to === 'reviewed' ? 'review' : 'transition');
  const move = async (to: ProjectStatus) => {
    setMoving(to);
    try {
      await transitionProject(project.id, { to, version: project.version });
      message.success(t('work.projects.movedTo', { status: t(`projectStatuses.${to}`) }));
    } catch (error) {
      const allowed = error instanceof ApiError && Array.isArray(error.details.allowed) ? (error.details.allowed as string[]) : null;
      const hint = allowed ? ` ${t('work.projects.allowedNext', { list: allowed.map((one) => t(`projectStatuses.${one}`)).join(t('common.listSeparator')) || '—' })}` : '';
      message.error(messageOf(error, t('common.networkError')) + hint);
    } finally {
      setMoving(null);
    }
    await onChanged();
  };
  return (
    <Space wrap data-testid="project-status-buttons">
      {project.nextStatuses.filter(may).map((to) => {
        // "Done" needs every milestone completed with evidence: say so instead of offering a 409.
        const blocked = to === 'done' && project.completedCount < project.milestoneCount;
        const button = (
          <Button key={to} type="primary" ghost disabled={blocked} loading={moving === to} onClick={() => void move(to)} data-testid={`project-move-${to}`}>
            {t(`work.projects.moveTo.${to}`)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={to} title={t('work.projects.doneNeedsMilestones', { open: project.milestoneCount - project.completedCount })}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
    </Space>
  );
}

/** One project: its facts, milestones with evidence (the closed loop) and every status change. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const { data: project, isPending, error, refetch } = useQuery({ queryKey: projectKeys.detail(id), queryFn: () => fetchProject(id), enabled: Number.isInteger(id) && id > 0 });
  const reload = () => queryClient.invalidateQueries({ queryKey: projectKeys.all });

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !project) return <PageLoading />;

  return (
    <DetailFrame
      listPath="/projects"
      listTitle={t('work.projects.listTitle')}
      crumb={project.title}
      testId="project-page"
      title={
        <Space wrap>
          <span data-testid="project-title">{project.title}</span>
          <ProjectStatusTag status={project.status} />
          {project.overdue && <OverdueTag count={project.overdueCount} testId="project-overdue" />}
        </Space>
      }
      extra={
        <Space wrap>
          <StatusButtons project={project} onChanged={reload} />
          {project.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label={t('work.projects.goal')} span={3}>
          {project.goal ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('work.common.division')}>{project.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('work.projects.responsibleUnit')}>
          {project.responsibleOrganisation ? <Link to={`/organisations/${project.responsibleOrganisation.id}`}>{project.responsibleOrganisation.name}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('work.projects.responsiblePerson')}>{project.responsiblePerson?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.projects.brand')}>{project.brand?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.projects.period')}>
          <span className="tx-numeric">{`${formatYmd(project.startDate)} ~ ${formatYmd(project.endDate)}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.projects.today')}>
          <span className="tx-numeric" data-testid="project-today">{project.today}</span>
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Typography.Title level={5}>{t('work.projects.milestonesTitle', { done: project.completedCount, total: project.milestoneCount })}</Typography.Title>
        <MilestoneList project={project} onChanged={reload} />
      </div>

      <div>
        <Typography.Title level={5}>{t('work.projects.history')}</Typography.Title>
        <Timeline
          data-testid="project-history"
          items={project.history.map((change) => ({
            key: change.id,
            content: (
              <Space direction="vertical" size={0}>
                <span>
                  {change.fromStatus ? `${t(`projectStatuses.${change.fromStatus}`)} → ` : ''}
                  <strong>{t(`projectStatuses.${change.toStatus}`)}</strong>
                </span>
                <Typography.Text type="secondary">
                  {formatDateTime(change.at)} · {change.actorName ?? t('work.common.system')}
                </Typography.Text>
                {change.note && <span>{change.note}</span>}
              </Space>
            ),
          }))}
        />
      </div>
      <ProjectDrawer target={editing ? project.id : null} onClose={() => setEditing(false)} />
    </DetailFrame>
  );
}
