import type { ReactNode } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  onRefresh: () => void;
  refreshing: boolean;
  /** Export and import buttons, shown before "create". */
  children?: ReactNode;
  /** Omitted for users who may not create. */
  onCreate?: () => void;
  createLabel?: string;
  createTestId?: string;
}

/** The buttons at the top right of a list: refresh, export/import, create. */
export function ListActions({ onRefresh, refreshing, children, onCreate, createLabel, createTestId }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Tooltip title={t('common.refresh')}>
        <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing} aria-label={t('common.refresh')} />
      </Tooltip>
      {children}
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={createTestId}>
          {createLabel ?? t('common.create')}
        </Button>
      )}
    </Space>
  );
}
