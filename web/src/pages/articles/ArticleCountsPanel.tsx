import { Flex, Segmented, Table, Typography } from 'antd';
import type { ArticleCountRow } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { articleKeys, fetchArticleCounts, type ArticleCountsFilters } from '../../api/articles.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';

const periods = ['year', 'quarter', 'month', 'all'] as const;
const levelColumns = ['central', 'provincial', 'municipal', 'local', 'unknown'] as const;

/** 报道统计: articles by medium level per period, for the division filtered on (and per child division). */
export function ArticleCountsPanel({ divisionId, from, to }: { divisionId?: number; from?: string; to?: string }) {
  const { t } = useTranslation();
  const url = useUrlState();
  const periodParam = url.get('period');
  const period = periods.find((one) => one === periodParam) ?? 'year';
  const by = url.get('by') === 'children' ? 'children' : 'division';
  const filters: ArticleCountsFilters = { divisionId, from, to, period, by };
  const { data, isPending, error, refetch } = useQuery({ queryKey: articleKeys.counts(filters), queryFn: () => fetchArticleCounts(filters), placeholderData: keepPreviousData });

  const columns = [
    ...(by === 'children'
      ? [
          {
            title: t('work.common.division'),
            dataIndex: 'divisionName',
            render: (name: string | null, row: ArticleCountRow) => (row.own ? t('publicity.counts.own', { name: name ?? '' }) : (name ?? t('home.wholeTree'))),
          },
        ]
      : []),
    { title: t('publicity.counts.period'), dataIndex: 'period', render: (value: string | null) => value ?? t('publicity.counts.allTime') },
    ...levelColumns.map((level) => ({ title: t(`publicity.levels.${level}`), dataIndex: level, align: 'right' as const })),
    { title: t('publicity.counts.total'), dataIndex: 'total', align: 'right' as const, render: (total: number) => <strong>{total}</strong> },
  ];

  return (
    <Flex vertical gap={8} data-testid="article-counts">
      <Flex gap={8} wrap="wrap" align="center">
        <Typography.Text strong>{t('publicity.counts.title')}</Typography.Text>
        <Segmented<(typeof periods)[number]>
          size="small"
          value={period}
          onChange={(value) => url.set({ period: value === 'year' ? null : value }, { keepPage: true })}
          options={periods.map((value) => ({ value, label: t(`publicity.counts.periods.${value}`) }))}
        />
        <Segmented<'division' | 'children'>
          size="small"
          value={by}
          onChange={(value) => url.set({ by: value === 'division' ? null : value }, { keepPage: true })}
          options={[
            { value: 'division', label: t('publicity.counts.byDivision') },
            { value: 'children', label: t('publicity.counts.byChildren') },
          ]}
        />
      </Flex>
      {error ? (
        <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
      ) : (
        <Table<ArticleCountRow>
          size="small"
          rowKey={(row) => `${row.divisionId ?? 0}-${row.own ? 'own' : 'sub'}-${row.period ?? 'all'}`}
          loading={isPending}
          dataSource={data?.rows ?? []}
          columns={columns}
          pagination={false}
          scroll={{ y: 240 }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('publicity.counts.empty')}</Typography.Text> }}
        />
      )}
    </Flex>
  );
}
