import { Button, Card, Empty, Flex, Input, List, Segmented, Typography } from 'antd';
import { searchKinds, type SearchKind } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { searchEverything, searchKeys } from '../../api/search.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';
import { SearchHitItem } from './SearchHitItem.tsx';

/**
 * 全局搜索: `/search?q=…` shows every kind, a few hits each, grouped and ranked; `&kind=…` shows
 * up to 50 hits of one kind. Either script, pinyin and initials work as the API does.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const q = (url.get('q') ?? '').trim();
  const kindParam = url.get('kind');
  const kind = searchKinds.find((one) => one === kindParam);
  const kinds: SearchKind[] | undefined = kind ? [kind] : undefined;
  const limit = kind ? 50 : 5;
  const { data, isPending, isFetching, error, refetch } = useQuery({
    queryKey: searchKeys.query(q, kinds, limit),
    queryFn: () => searchEverything(q, { kinds, limit }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  return (
    <Card title={t('search.page.title')} data-testid="search-page">
      <Flex vertical gap={16}>
        <Flex gap={12} wrap="wrap" align="center">
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            enterButton
            maxLength={60}
            placeholder={t('search.header.placeholder')}
            onSearch={(text) => url.set({ q: text.trim() || null })}
            loading={isFetching}
            style={{ maxWidth: 420 }}
            data-testid="search-page-input"
          />
          <Segmented<string>
            value={kind ?? 'all'}
            onChange={(value) => url.set({ kind: value === 'all' ? null : value })}
            options={[{ value: 'all', label: t('search.page.allKinds') }, ...searchKinds.map((value) => ({ value, label: t(`search.kinds.${value}`) }))]}
            data-testid="search-kind"
          />
        </Flex>
        {!q ? (
          <Empty description={t('search.page.typeSomething')} />
        ) : error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : isPending ? (
          <List loading />
        ) : data.groups.length === 0 ? (
          <Empty description={t('search.page.nothing', { q })} data-testid="search-empty" />
        ) : (
          <Flex vertical gap={16} data-testid="search-results">
            {data.groups.map((group) => (
              <Card
                key={group.kind}
                size="small"
                type="inner"
                title={t(`search.kinds.${group.kind}`)}
                data-testid={`search-group-${group.kind}`}
                extra={
                  group.more && !kind ? (
                    <Button type="link" size="small" onClick={() => url.set({ kind: group.kind })} data-testid={`search-more-${group.kind}`}>
                      {t('search.page.more')}
                    </Button>
                  ) : null
                }
              >
                <List dataSource={group.items} renderItem={(hit) => <List.Item>{<SearchHitItem hit={hit} />}</List.Item>} />
                {kind && group.more && <Typography.Text type="secondary">{t('search.page.narrow')}</Typography.Text>}
              </Card>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
