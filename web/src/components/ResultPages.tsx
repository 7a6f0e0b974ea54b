import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { failureStatus, isRetryable } from '../lib/load-failure.ts';

/** A page the menu does not offer this user; the API would refuse its data anyway. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('errors.forbidden')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.pageNotFound')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

/**
 * A failed load, instead of an empty page. Given the error, a refusal (403, 404) says so and offers
 * the way home; only a server fault or a lost connection offers "retry".
 */
export function LoadFailed({ message, onRetry, error }: { message: string; onRetry: () => void; error?: unknown }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (error !== undefined && !isRetryable(error)) {
    return (
      <div data-testid="load-refused">
        <Result
          status={failureStatus(error)}
          title={message}
          extra={<Button type="primary" onClick={() => navigate('/')} data-testid="load-refused-home">{t('common.backHome')}</Button>}
        />
      </div>
    );
  }
  return (
    <div data-testid="load-failed">
      <Result status="warning" title={message} extra={<Button onClick={onRetry} data-testid="load-retry">{t('common.retry')}</Button>} />
    </div>
  );
}
