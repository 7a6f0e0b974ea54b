import { Image, Space, Typography } from 'antd';
import type { AttachmentSummary } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { attachmentContentUrl, attachmentThumbnailUrl } from '../../api/attachments.ts';

/** Photos as small thumbnails (the server's WebP, a few kB each); a click opens the full picture. */
export function PhotoThumbs({ photos, size = 96 }: { photos: AttachmentSummary[]; size?: number }) {
  const { t } = useTranslation();
  if (photos.length === 0) return <Typography.Text type="secondary">{t('work.activities.noPhotos')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap data-testid="activity-photos">
        {photos.map((photo) => (
          <Image
            key={photo.id}
            src={attachmentThumbnailUrl(photo.id)}
            preview={{ src: attachmentContentUrl(photo.id) }}
            alt={photo.fileName}
            width={size}
            height={size}
            loading="lazy"
            style={{ objectFit: 'cover', borderRadius: 6 }}
            data-testid={`activity-photo-${photo.id}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
