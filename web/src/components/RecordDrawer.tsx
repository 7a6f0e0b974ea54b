import type { ReactNode } from 'react';
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/form-errors.ts';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  canSave: boolean;
  loading: boolean;
  loadError: unknown;
  testId: string;
  children: ReactNode;
}

/** The create/edit drawer frame every registry list uses: loading and failed states, save and cancel. */
export function RecordDrawer({ open, title, onClose, onSave, saving, canSave, loading, loadError, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      title={title}
      size={520}
      onClose={onClose}
      destroyOnHidden
      data-testid={testId}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={!canSave} onClick={onSave} data-testid={`${testId}-save`}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {loadError ? (
        <Alert type="error" showIcon title={messageOf(loadError, t('common.networkError'))} />
      ) : (
        <Spin spinning={loading}>{children}</Spin>
      )}
    </Drawer>
  );
}
