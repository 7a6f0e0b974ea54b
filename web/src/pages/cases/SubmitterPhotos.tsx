import { Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAttachments } from '../../api/attachments.ts';
import { PhotoThumbs } from '../activities/PhotoThumbs.tsx';

/**
 * The photos a resident added on the portal to a request or a wish, as thumbnails. Nothing shows
 * when there are none, or when this user may not read them (the server checks the division).
 */
export function SubmitterPhotos({ ownerType, ownerId, title }: { ownerType: 'case' | 'need'; ownerId: number; title?: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: ['attachments', ownerType, ownerId], queryFn: () => fetchAttachments(ownerType, ownerId), retry: false });
  const photos = (data ?? []).filter((file) => file.contentType.startsWith('image/'));
  if (photos.length === 0) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="submitter-photos">
      <Typography.Title level={5}>{title ?? t('requestPages.portal.submitterPhotos')}</Typography.Title>
      <PhotoThumbs photos={photos} />
    </div>
  );
}
