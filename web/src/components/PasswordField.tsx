import { Button, Input, Space, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { generatePassword } from '../lib/password.ts';

/**
 * A password an administrator sets for someone else: shown in clear (they must pass it on), with
 * a button that fills in a strong one.
 */
export function PasswordField({ value, onChange, testId }: { value?: string; onChange?: (value: string) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={value} onChange={(event) => onChange?.(event.target.value)} autoComplete="new-password" data-testid={testId} className="tx-numeric" />
      <Tooltip title={t('users.generatePasswordHint')}>
        <Button icon={<ThunderboltOutlined />} onClick={() => onChange?.(generatePassword())}>
          {t('users.generatePassword')}
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
