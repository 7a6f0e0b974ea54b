import { Empty, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { fetchPublicResult, fetchVotePage, listPublicCompetitions, publicCompetitionKeys } from '../../api/public-competitions.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import guide from '../guide/guide.module.css';
import { PublicResult } from './PublicResult.tsx';
import { PublicVote } from './PublicVote.tsx';
import styles from './public.module.css';

/** A 404 here means "not public (yet)", not a failure. */
const orNull = async <T,>(load: () => Promise<T>): Promise<T | null> => {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
};

function Frame({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <div className={guide.page} data-testid="public-competition-page">
      <header className={guide.header}>
        <div className={`${guide.title} ${styles.wrapTitle}`}>
          <BrandMark size={30} />
          <div>
            <h1 data-testid="public-competition-title">{title}</h1>
            {subtitle && <small>{subtitle}</small>}
          </div>
        </div>
        <LanguageSwitch size="small" />
      </header>
      <main className={guide.body}>{children}</main>
    </div>
  );
}

/** The public list: competitions with an open vote or a published result. */
export function PublicCompetitionsPage() {
  const { t } = useTranslation();
  const { data, isPending } = useQuery({ queryKey: publicCompetitionKeys.list, queryFn: listPublicCompetitions });
  return (
    <Frame title={t('judgingWeb.public.listTitle')}>
      <section className={styles.section}>
        {isPending ? (
          <Spin />
        ) : !data || data.length === 0 ? (
          <Empty description={t('judgingWeb.public.none')} />
        ) : (
          data.map((c) => (
            <div className={styles.row} key={c.id}>
              <span className={styles.main}>
                <Link to={`/public/competitions/${c.id}`}>{c.title}</Link>
                <small>{[c.divisionName, c.year].filter(Boolean).join(' · ')}</small>
              </span>
              <Typography.Text type={c.published ? 'success' : 'warning'}>{c.published ? t('judgingWeb.public.published') : t('judgingWeb.public.voteOpen')}</Typography.Text>
            </div>
          ))
        )}
      </section>
    </Frame>
  );
}

/** One competition for the public, no sign-in, phone first: the vote while it is open, the result once published. */
export function PublicCompetitionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const result = useQuery({ queryKey: publicCompetitionKeys.result(id), queryFn: () => orNull(() => fetchPublicResult(id)) });
  const vote = useQuery({ queryKey: publicCompetitionKeys.page(id), queryFn: () => orNull(() => fetchVotePage(id)) });
  const title = result.data?.title ?? vote.data?.title ?? t('judgingWeb.public.listTitle');
  const subtitle = result.data ? `${result.data.divisionName} · ${result.data.year ?? ''}` : vote.data ? vote.data.divisionName : undefined;
  const loading = result.isPending || vote.isPending;
  return (
    <Frame title={title} subtitle={subtitle}>
      {loading ? (
        <Spin />
      ) : (
        <>
          {result.data && <PublicResult result={result.data} />}
          {vote.data && (vote.data.vote.open || !result.data) && <PublicVote page={vote.data} />}
          {!result.data && !vote.data && (
            <section className={styles.section}>
              <Empty description={t('judgingWeb.public.notPublic')} data-testid="public-not-available" />
            </section>
          )}
        </>
      )}
    </Frame>
  );
}
