import { Card, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import type { GuideVenue } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import styles from './guide.module.css';

/** One public venue: what it is, where, its hotline (tap to call) and when it is open. */
export function GuideVenueCard({ venue }: { venue: GuideVenue }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className={styles.card} data-testid="guide-card">
      <h2 data-testid="guide-card-name">{venue.name}</h2>
      <Space size={4} wrap>
        <Tag color="red">{t(`venueTypes.${venue.type}`)}</Tag>
        <Tag>{t(`venueLevels.${venue.level}`)}</Tag>
        {venue.starRating ? <Tag color="gold">{'★'.repeat(venue.starRating)}</Tag> : null}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
        {venue.divisionPath.join(' › ')}
      </Typography.Text>
      {venue.address && (
        <div className={styles.line}>
          <EnvironmentOutlined aria-label={t('guide.address')} />
          <span>{venue.address}</span>
        </div>
      )}
      {venue.hotline && (
        <div className={styles.line}>
          <PhoneOutlined aria-label={t('guide.hotline')} />
          <a href={`tel:${venue.hotline}`} className={`${styles.hotline} tx-numeric`} data-testid="guide-card-hotline">
            {venue.hotline}
          </a>
        </div>
      )}
      {venue.openingHours && (
        <div className={styles.line}>
          <ClockCircleOutlined aria-label={t('guide.openingHours')} />
          <span>{venue.openingHours}</span>
        </div>
      )}
    </Card>
  );
}
