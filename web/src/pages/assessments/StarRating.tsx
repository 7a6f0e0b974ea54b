import { Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stars as a read-only row of five, or "not rated". */
export function StarRating({ stars, testId }: { stars: number | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (stars === null || stars === undefined) return <Typography.Text type="secondary">{t('judgingWeb.assessments.unrated')}</Typography.Text>;
  return (
    <span data-testid={testId} data-stars={stars} aria-label={t('judgingWeb.assessments.starsLabel', { count: stars })}>
      <Rate disabled value={stars} count={5} style={{ fontSize: 14 }} />
    </span>
  );
}
