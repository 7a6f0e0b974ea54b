import { Alert, Button, Empty, Input, Spin, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { searchGuide } from '../../api/guide.ts';
import { messageOf } from '../../api/form-errors.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useUrlState } from '../../lib/url-state.ts';
import { GuideAreaPicker } from './GuideAreaPicker.tsx';
import { GuideVenueCard } from './GuideVenueCard.tsx';
import styles from './guide.module.css';

const pageSize = 20;

/**
 * 服务指南, for anyone (no sign-in): the public venues and service centres of an area, with hotline,
 * address and opening hours; the area and search text are in the URL so a link can be shared.
 */
export function GuidePage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const path = (url.get('area') ?? '').split(',').filter((id) => /^[1-9]\d*$/.test(id)).map(Number);
  const q = url.get('q');
  const divisionId = path.at(-1);
  const results = useInfiniteQuery({
    queryKey: ['guide', 'venues', divisionId ?? null, q ?? ''],
    queryFn: ({ pageParam }) => searchGuide({ divisionId, q, page: pageParam, pageSize }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const venues = results.data?.pages.flatMap((page) => page.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;

  return (
    <div className={styles.page} data-testid="guide-page">
      <header className={styles.header}>
        <div className={styles.title}>
          <BrandMark size={30} />
          <div>
            <h1>{t('guide.title')}</h1>
            <small>{t('registry.guide.subtitle')}</small>
          </div>
        </div>
        <LanguageSwitch size="small" />
      </header>
      <main className={styles.body}>
        <div className={styles.filters}>
          <Input.Search
            key={q ?? ''}
            data-testid="guide-search"
            allowClear
            enterButton
            size="large"
            defaultValue={q}
            placeholder={t('guide.searchPlaceholder')}
            onSearch={(text) => url.set({ q: text.trim() || null })}
            style={{ marginBottom: 12 }}
          />
          <GuideAreaPicker path={path} onChange={(next) => url.set({ area: next.join(',') || null })} />
        </div>
        {results.error ? (
          <Alert type="error" showIcon title={messageOf(results.error, t('common.networkError'))} action={<Button onClick={() => void results.refetch()}>{t('common.retry')}</Button>} />
        ) : results.isPending ? (
          <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />
        ) : venues.length === 0 ? (
          <Empty description={q ? t('registry.guide.noMatch') : t('guide.empty')} style={{ marginTop: 48 }} />
        ) : (
          <>
            <Typography.Text type="secondary" data-testid="guide-total" style={{ display: 'block', margin: '0 4px 8px' }}>
              {t('registry.guide.total', { total })}
            </Typography.Text>
            <div className={styles.grid} data-testid="guide-results">
              {venues.map((venue) => (
                <GuideVenueCard key={venue.id} venue={venue} />
              ))}
            </div>
            {results.hasNextPage && (
              <div className={styles.more}>
                <Button onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage} data-testid="guide-more">
                  {t('registry.guide.more')}
                </Button>
              </div>
            )}
          </>
        )}
      </main>
    </div>
  );
}
