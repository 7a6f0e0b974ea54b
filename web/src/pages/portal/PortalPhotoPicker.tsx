import { useRef, useState } from 'react';
import { Alert, Button, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { maxAttachmentBytes, portalPhotoLimits } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { imageAccept } from '../../api/attachments.ts';
import { addPortalPhoto } from '../../api/portal.ts';
import styles from './portal.module.css';

const imageTypes = new Set(imageAccept.split(','));

/**
 * After a submission: up to three photos, sent one at a time with the ticket number and the
 * phone's last four digits the form already knows. The photos are never shown back on the portal.
 */
export function PortalPhotoPicker({ ticketNo, phoneLast4 }: { ticketNo: string; phoneLast4: string }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [sent, setSent] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  // One upload at a time: each waits for the one before (the server counts photos per ticket).
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const explain = (error: unknown) => {
    const reason = error instanceof ApiError ? error.details.reason : undefined;
    if (reason === 'photo_limit') return t('requestPages.portal.photoLimit');
    if (reason === 'photo_window_closed') return t('requestPages.portal.photoWindowClosed');
    return messageOf(error, t('common.networkError'));
  };

  return (
    <div className={styles.panel} data-testid="portal-photos">
      <Typography.Title level={5}>{t('requestPages.portal.photosTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('requestPages.portal.photosHint', { count: portalPhotoLimits.perTicket, minutes: portalPhotoLimits.windowMinutes })}
      </Typography.Paragraph>
      <Upload
        listType="picture"
        multiple
        accept={imageAccept}
        maxCount={portalPhotoLimits.perTicket}
        fileList={files}
        beforeUpload={(file) => {
          if (!imageTypes.has(file.type) || file.size > maxAttachmentBytes) {
            setFailure(t(imageTypes.has(file.type) ? 'work.attachments.tooLarge' : 'work.attachments.wrongType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          queue.current = queue.current.then(() =>
            addPortalPhoto(ticketNo, phoneLast4, file as File).then(
              (receipt) => {
                setSent(receipt.count);
                onSuccess?.(receipt);
              },
              (error: unknown) => {
                setFailure(explain(error));
                onError?.(error instanceof Error ? error : new Error(String(error)));
              },
            ),
          );
        }}
        onChange={({ fileList }) => setFiles(fileList)}
        showUploadList={{ showRemoveIcon: false }}
        data-testid="portal-photos-picker"
      >
        <Button icon={<UploadOutlined />} disabled={sent >= portalPhotoLimits.perTicket} data-testid="portal-photos-pick">
          {t('requestPages.portal.photosPick')}
        </Button>
      </Upload>
      {sent > 0 && (
        <Typography.Text type="success" data-testid="portal-photos-sent">
          {t('requestPages.portal.photosSent', { count: sent })}
        </Typography.Text>
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} closable onClose={() => setFailure(null)} data-testid="portal-photos-error" />}
    </div>
  );
}
