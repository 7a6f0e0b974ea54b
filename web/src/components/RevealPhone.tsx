import { useState } from 'react';
import { App, Button, Space, Tooltip } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/form-errors.ts';

interface Props {
  /** The masked number as the server sent it (`138****5678`). */
  masked: string | null;
  /** Shows the button; the server checks the right again and records the reveal. */
  canReveal: boolean;
  reveal: () => Promise<{ phone: string | null }>;
  /** In a table row: the eye icon alone, its label in the tooltip. */
  compact?: boolean;
  testId?: string;
}

/**
 * A phone shown masked; "show number" asks the server for the full one, which is then shown in
 * this view only (kept in component state, never in the shared cache) and can be dialled.
 */
export function RevealPhone({ masked, canReveal, reveal, compact = false, testId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <span>—</span>;
  if (full) {
    return (
      <a href={`tel:${full}`} className="tx-numeric" data-testid={testId ? `${testId}-full` : undefined}>
        {full}
      </a>
    );
  }
  const show = async () => {
    setLoading(true);
    try {
      const { phone } = await reveal();
      setFull(phone ?? masked);
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={4}>
      <span className="tx-numeric">{masked}</span>
      {canReveal && (
        <Tooltip title={compact ? `${t('registry.common.reveal')}：${t('registry.common.revealHint')}` : t('registry.common.revealHint')}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={() => void show()}
            aria-label={t('registry.common.reveal')}
            data-testid={testId ? `${testId}-reveal` : undefined}
          >
            {compact ? null : t('registry.common.reveal')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
