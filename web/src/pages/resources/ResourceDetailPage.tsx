import { useState } from 'react';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchResource, resourceKeys, revealResourcePhone, setResourceArchived } from '../../api/resources.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { LinkCounts } from '../../components/LinkCounts.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed, NotFoundPage } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { ResourceDrawer, type ResourceDrawerTarget } from './ResourceDrawer.tsx';

/** One resource: who it is, what services it offers, how to reach it (phone masked; reveal audited). */
export function ResourceDetailPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [drawer, setDrawer] = useState<ResourceDrawerTarget>(null);
  const valid = Number.isInteger(id) && id > 0;
  const { data: resource, isPending, error, refetch } = useQuery({ queryKey: resourceKeys.detail(id), queryFn: () => fetchResource(id), enabled: valid });
  if (!valid) return <NotFoundPage />;
  if (isPending) return <PageLoading />;
  if (error || !resource) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  return (
    <DetailFrame
      testId="resource-detail"
      listPath="/resources"
      listTitle={t('resources.title')}
      crumb={resource.name}
      title={
        <Space wrap>
          <span data-testid="resource-detail-name">{resource.name}</span>
          <Tag color="blue">{t(`resourceKinds.${resource.kind}`)}</Tag>
          {resource.archived && <Tag>{t('registry.common.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {resource.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setDrawer(resource.id)} data-testid="resource-detail-edit">
              {t('common.edit')}
            </Button>
          )}
          {resource.allowed.includes('archive') && (
            <ArchiveAction link={false} size="middle" archived={resource.archived} run={(archive) => setResourceArchived(resource.id, archive, resource.version)} onDone={() => queryClient.invalidateQueries({ queryKey: resourceKeys.all })} />
          )}
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'services', label: t('resources.services'), span: 2, children: resource.services.length > 0 ? resource.services.map((service) => <Tag key={service.id} color="cyan">{service.name}</Tag>) : '—' },
          { key: 'division', label: t('registry.common.division'), span: 2, children: resource.divisionPath.join(' › ') || resource.divisionName },
          { key: 'organisation', label: t('resources.organisation'), children: resource.organisation ? <Link to={`/organisations/${resource.organisation.id}`}>{resource.organisation.name}</Link> : '—' },
          { key: 'person', label: t('resources.person'), children: resource.person ? <Link to={`/people/${resource.person.id}`}>{resource.person.name}</Link> : '—' },
          { key: 'phone', label: t('resources.contactPhone'), children: <RevealPhone masked={resource.contactPhone} canReveal={resource.allowed.includes('reveal_phone')} reveal={() => revealResourcePhone(resource.id)} testId="resource-phone" /> },
          { key: 'updated', label: t('registry.common.updatedAt'), children: <span className="tx-numeric">{formatDateTime(resource.updatedAt)}</span> },
          { key: 'description', label: t('resources.description'), span: 2, children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{resource.description ?? '—'}</Typography.Paragraph> },
        ]}
      />
      <LinkCounts links={resource.links} />
      <ResourceDrawer target={drawer} onClose={() => setDrawer(null)} />
    </DetailFrame>
  );
}
