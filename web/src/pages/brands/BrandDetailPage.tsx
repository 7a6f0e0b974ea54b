import { useState } from 'react';
import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { BrandDetail, VenueType } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { brandKeys, fetchBrand, setBrandArchived } from '../../api/brands.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { LinkCounts } from '../../components/LinkCounts.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed, NotFoundPage } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { BrandDrawer, type BrandDrawerTarget } from './BrandDrawer.tsx';
import { placeField } from './brand-field-options.ts';

type BrandVenue = BrandDetail['venues'][number];

/** One brand and the venues that carry it. */
export function BrandDetailPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [drawer, setDrawer] = useState<BrandDrawerTarget>(null);
  const valid = Number.isInteger(id) && id > 0;
  const { data: brand, isPending, error, refetch } = useQuery({ queryKey: brandKeys.detail(id), queryFn: () => fetchBrand(id), enabled: valid });
  if (!valid) return <NotFoundPage />;
  if (isPending) return <PageLoading />;
  if (error || !brand) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  return (
    <DetailFrame
      testId="brand-detail"
      listPath="/brands"
      listTitle={t('brands.title')}
      crumb={brand.name}
      title={
        <Space wrap>
          <span data-testid="brand-detail-name">{brand.name}</span>
          <Tag color={brand.field ? 'purple' : 'red'}>{t(`brandFields.${brand.field ?? placeField}`)}</Tag>
          {brand.archived && <Tag>{t('registry.common.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {brand.allowed.includes('update') && (
            <Button icon={<EditOutlined />} onClick={() => setDrawer(brand.id)} data-testid="brand-detail-edit">
              {t('common.edit')}
            </Button>
          )}
          {brand.allowed.includes('archive') && (
            <ArchiveAction link={false} size="middle" archived={brand.archived} run={(archive) => setBrandArchived(brand.id, archive, brand.version)} onDone={() => queryClient.invalidateQueries({ queryKey: brandKeys.all })} />
          )}
        </Space>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'division', label: t('registry.common.division'), children: brand.divisionPath.join(' › ') || brand.divisionName },
          { key: 'updated', label: t('registry.common.updatedAt'), children: <span className="tx-numeric">{formatDateTime(brand.updatedAt)}</span> },
          { key: 'description', label: t('brands.description'), span: 2, children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{brand.description ?? '—'}</Typography.Paragraph> },
        ]}
      />
      <LinkCounts links={brand.links} />
      <div>
        <Typography.Title level={5}>{t('brands.venues')}</Typography.Title>
        <Table<BrandVenue>
          data-testid="brand-venues"
          size="small"
          rowKey="id"
          dataSource={brand.venues}
          pagination={brand.venues.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('registry.brands.noVenues') }}
          columns={[
            { title: t('venues.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/venues/${row.id}`}>{name}</Link> },
            { title: t('venues.type'), dataIndex: 'type', width: 140, render: (type: string) => t(`venueTypes.${type as VenueType}`) },
            { title: t('registry.common.division'), dataIndex: 'divisionName', width: 140 },
          ]}
        />
      </div>
      <BrandDrawer target={drawer} onClose={() => setDrawer(null)} />
    </DetailFrame>
  );
}
