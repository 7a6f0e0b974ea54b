import { useState } from 'react';
import { Button, Descriptions, Rate, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchVenue, setVenueArchived, venueKeys } from '../../api/venues.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { LinkCounts } from '../../components/LinkCounts.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed, NotFoundPage } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { VenueDrawer, type VenueDrawerTarget } from './VenueDrawer.tsx';

/** One venue: where it is, when it is open, who runs it, its brand, and what links to it. */
export function VenueDetailPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [drawer, setDrawer] = useState<VenueDrawerTarget>(null);
  const valid = Number.isInteger(id) && id > 0;
  const { data: venue, isPending, error, refetch } = useQuery({ queryKey: venueKeys.detail(id), queryFn: () => fetchVenue(id), enabled: valid });
  if (!valid) return <NotFoundPage />;
  if (isPending) return <PageLoading />;
  if (error || !venue) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  return (
    <DetailFrame
      testId="venue-detail"
      listPath="/venues"
      listTitle={t('venues.title')}
      crumb={venue.name}
      title={
        <Space wrap>
          <span data-testid="venue-detail-name">{venue.name}</span>
          <Tag color="blue">{t(`venueTypes.${venue.type}`)}</Tag>
          <Tag>{t(`venueLevels.${venue.level}`)}</Tag>
          {venue.isPublic && <Tag color="green">{t('registry.common.public')}</Tag>}
          {venue.archived && <Tag>{t('registry.common.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {venue.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setDrawer(venue.id)} data-testid="venue-detail-edit">
              {t('common.edit')}
            </Button>
          )}
          {venue.allowed.includes('archive') && (
            <ArchiveAction link={false} size="middle" archived={venue.archived} run={(archive) => setVenueArchived(venue.id, archive, venue.version)} onDone={() => queryClient.invalidateQueries({ queryKey: venueKeys.all })} />
          )}
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'division', label: t('registry.common.division'), span: 2, children: venue.divisionPath.join(' › ') || venue.divisionName },
          { key: 'stars', label: t('venues.starRating'), children: venue.starRating ? <Rate disabled value={venue.starRating} /> : t('venues.unrated') },
          { key: 'hotline', label: t('venues.hotline'), children: venue.hotline ? <a href={`tel:${venue.hotline}`} className="tx-numeric">{venue.hotline}</a> : '—' },
          { key: 'address', label: t('venues.address'), children: venue.address ?? '—' },
          { key: 'hours', label: t('venues.openingHours'), children: venue.openingHours ?? '—' },
          { key: 'owner', label: t('venues.owner'), children: venue.ownerOrganisation ? <Link to={`/organisations/${venue.ownerOrganisation.id}`}>{venue.ownerOrganisation.name}</Link> : '—' },
          { key: 'brand', label: t('venues.brand'), children: venue.brand ? <Link to={`/brands/${venue.brand.id}`}>{venue.brand.name}</Link> : '—' },
          { key: 'public', label: t('venues.isPublic'), children: venue.isPublic ? t('common.yes') : t('common.no') },
          { key: 'updated', label: t('registry.common.updatedAt'), children: <span className="tx-numeric">{formatDateTime(venue.updatedAt)}</span> },
          { key: 'description', label: t('venues.description'), span: 2, children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{venue.description ?? '—'}</Typography.Paragraph> },
        ]}
      />
      <LinkCounts links={venue.links} />
      <VenueDrawer target={drawer} onClose={() => setDrawer(null)} />
    </DetailFrame>
  );
}
