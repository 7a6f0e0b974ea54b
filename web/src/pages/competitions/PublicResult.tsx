import { Tag, Typography } from 'antd';
import type { PublicResult as Result } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/time.ts';
import styles from './public.module.css';

const score = (total: number | null) => (total === null ? '—' : total.toFixed(2));

/** The published result: awards, then the whole ranking when the organiser published it. */
export function PublicResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  return (
    <>
      <section className={styles.section} data-testid="public-awards">
        <h2>{t('judgingWeb.public.awards')}</h2>
        <Typography.Paragraph type="secondary">{t('judgingWeb.public.publishedOn', { date: formatDate(result.publishedAt) })}</Typography.Paragraph>
        {result.note && <Typography.Paragraph>{result.note}</Typography.Paragraph>}
        {result.awards.map((award) => (
          <div key={award.awardId}>
            <Tag color="gold">{award.name ?? award.awardId}</Tag>
            {award.entries.map((e) => (
              <div className={styles.row} key={e.code}>
                <span className={styles.rank}>{e.rank ?? ''}</span>
                <span className={styles.main}>
                  {e.title}
                  <small>{e.organisationName ?? ''}</small>
                </span>
                <span className={styles.score}>{score(e.total)}</span>
              </div>
            ))}
          </div>
        ))}
      </section>
      {result.ranking && (
        <section className={styles.section} data-testid="public-ranking">
          <h2>{t('judgingWeb.public.ranking')}</h2>
          {result.ranking.map((e) => (
            <div className={styles.row} key={e.code} data-testid={`public-rank-${e.code}`}>
              <span className={styles.rank}>{e.rank ?? '—'}</span>
              <span className={styles.main}>
                {e.title}
                <small>{[e.code, e.organisationName].filter(Boolean).join(' · ')}</small>
              </span>
              {e.award && <Tag color="gold">{result.awards.find((a) => a.awardId === e.award)?.name ?? e.award}</Tag>}
              <span className={styles.score} data-testid={`public-total-${e.code}`}>
                {score(e.total)}
              </span>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
