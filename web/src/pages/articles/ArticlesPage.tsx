import { Button, Card, Collapse, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CopyOutlined, ImportOutlined, ReadOutlined } from '@ant-design/icons';
import type { Article } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { articleKeys, listArticles, type ArticleFilters as Filters } from '../../api/articles.ts';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
import { writesRegistry } from '../../lib/registry-rights.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { ArticleCountsPanel } from './ArticleCountsPanel.tsx';
import { ArticleFilters } from './ArticleFilters.tsx';
import { formatPublished, LevelTag } from './article-shared.tsx';

const ymd = /^\d{4}-\d{2}-\d{2}$/;
const sortKeys = ['publishedAt', 'createdAt', 'title'] as const;

function useFiltersFromUrl(): Filters {
  const url = useUrlState();
  const from = url.get('from');
  const to = url.get('to');
  const duplicates = url.get('duplicates');
  const archived = url.get('archived');
  return {
    q: url.get('q'),
    level: url.get('level'),
    mediumId: url.getNumber('mediumId'),
    organisationId: url.getNumber('organisationId'),
    divisionId: url.getNumber('divisionId'),
    from: from && ymd.test(from) ? from : undefined,
    to: to && ymd.test(to) ? to : undefined,
    duplicates: duplicates === 'exclude' || duplicates === 'only' ? duplicates : undefined,
    archived: archived === 'true' || archived === 'all' ? archived : undefined,
    ...readPaging(url, sortKeys),
  };
}

/** 宣传报道: the publicity archive of the subtree, with counts by medium level and period. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: articleKeys.list(filters), queryFn: () => listArticles(filters), placeholderData: keepPreviousData });

  const columns = [
    { title: t('publicity.articles.publishedAt'), dataIndex: 'publishedAt', width: 140, ...sortable(filters, 'publishedAt'), render: (value: string | null) => <span className="tx-numeric">{formatPublished(value)}</span> },
    {
      title: t('publicity.articles.title'),
      dataIndex: 'title',
      ...sortable(filters, 'title'),
      render: (title: string, row: Article) => (
        <Space size={4}>
          <Link to={`/articles/${row.id}`} data-testid={`article-link-${row.id}`}>
            {title}
          </Link>
          {row.duplicateOfId !== null && (
            <Tooltip title={t('publicity.articles.duplicateOf')}>
              <Tag icon={<CopyOutlined />} color="gold">
                {t('publicity.articles.copy')}
              </Tag>
            </Tooltip>
          )}
          {row.archived && <Tag>{t('publicity.articles.archived')}</Tag>}
          {row.garbledParagraphs > 0 && (
            <Tooltip title={t('articleGarble.listTip')}>
              <Tag color="warning" data-testid={`article-garbled-${row.id}`}>
                {t('articleGarble.listTag', { count: row.garbledParagraphs })}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('publicity.articles.source'), dataIndex: 'source', width: 160, render: (source: string | null, row: Article) => row.mediumName ?? source ?? '—' },
    { title: t('publicity.articles.level'), dataIndex: 'level', width: 100, render: (level: Article['level']) => <LevelTag level={level} /> },
    { title: t('publicity.articles.figures'), dataIndex: 'figureCount', width: 80, align: 'right' as const },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 110 },
  ];

  return (
    <Card
      title={t('publicity.articles.listTitle')}
      data-testid="articles-page"
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending}>
          <Button icon={<ReadOutlined />} onClick={() => void navigate('/media')} data-testid="media-link">
            {t('publicity.media.title')}
          </Button>
          {writesRegistry(me) && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => void navigate('/articles/import')} data-testid="article-import">
              {t('publicity.import.open')}
            </Button>
          )}
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <ArticleFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        <Collapse
          size="small"
          defaultActiveKey={['counts']}
          items={[{ key: 'counts', label: t('publicity.counts.title'), children: <ArticleCountsPanel divisionId={filters.divisionId} from={filters.from} to={filters.to} /> }]}
        />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Article>
            data-testid="article-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Article>(url)}
          />
        )}
      </Flex>
    </Card>
  );
}
