import { useState } from 'react';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { activityKeys, archiveActivity, fetchActivity } from '../../api/activities.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { ActivityDrawer } from './ActivityDrawer.tsx';
import { PhotoThumbs } from './PhotoThumbs.tsx';

/** One activity: when, what kind, where, for which project, who organised and attended, photos. */
export function ActivityDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const { data: activity, isPending, error, refetch } = useQuery({ queryKey: activityKeys.detail(id), queryFn: () => fetchActivity(id), enabled: Number.isInteger(id) && id > 0 });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !activity) return <PageLoading />;
  const separator = t('common.listSeparator');
  const reload = () => queryClient.invalidateQueries({ queryKey: activityKeys.all });
  const actions = (
    <Space>
      {activity.allowed.includes('update') && !activity.archived && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="activity-edit">
          {t('common.edit')}
        </Button>
      )}
      {activity.allowed.includes('archive') && !activity.archived && (
        <ArchiveAction archived={false} link={false} size="middle" run={() => archiveActivity(activity.id, activity.version)} onDone={reload} testId="activity-archive" />
      )}
    </Space>
  );
  const attendees = [...activity.attendees.users, ...activity.attendees.people].map((one) => one.name).join(separator);

  return (
    <DetailFrame
      listPath="/activities"
      listTitle={t('work.activities.listTitle')}
      crumb={activity.title}
      testId="activity-page"
      extra={actions}
      title={
        <Space wrap>
          <span data-testid="activity-title">{activity.title}</span>
          <Tag color="blue">{t(`activityKinds.${activity.kind}`)}</Tag>
          {activity.archived && <Tag>{t('registry.common.archived')}</Tag>}
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('work.activities.date')}>
          <span className="tx-numeric">{activity.date}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.common.division')}>{activity.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('work.activities.venue')}>{activity.venue ? <Link to={`/venues/${activity.venue.id}`}>{activity.venue.name}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.activities.project')}>{activity.project ? <Link to={`/projects/${activity.project.id}`}>{activity.project.name}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.activities.organisers')}>{activity.organisers.map((one) => one.name).join(separator) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.activities.participantCount')}>{activity.participantCount ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.activities.summary')} span={2}>
          {activity.summary ?? '—'}
        </Descriptions.Item>
        {activity.minutes && (
          <Descriptions.Item label={t('work.activities.minutes')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{activity.minutes}</Typography.Paragraph>
          </Descriptions.Item>
        )}
        {attendees && (
          <Descriptions.Item label={t('work.activities.attendees')} span={2}>
            {attendees}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('work.activities.photos')}</Typography.Title>
        <PhotoThumbs photos={activity.photos} />
      </div>
      <ActivityDrawer open={editing} activity={activity} onClose={() => setEditing(false)} />
    </DetailFrame>
  );
}
