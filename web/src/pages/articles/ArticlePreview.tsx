import { Alert, Descriptions, Flex, Table, Typography } from 'antd';
import type { Figure, ParsedArticle } from '@tongxin/core/articles/index';
import { useTranslation } from 'react-i18next';
import { ArticleTexts } from './ArticleTexts.tsx';
import { formatPublished, LevelTag } from './article-shared.tsx';

/** What ingest will store, before it is stored: metadata, figures, the repaired text and what was removed. */
export function ArticlePreview({ parsed }: { parsed: ParsedArticle }) {
  const { t } = useTranslation();
  const names = (list: string[]) => (list.length ? list.join(t('common.listSeparator')) : '—');
  if (!parsed.text.trim()) return <Alert type="warning" showIcon title={t('publicity.import.nothingLeft')} />;
  return (
    <Flex vertical gap={12} data-testid="article-preview-result">
      <Alert type="info" showIcon title={t('publicity.import.previewHint')} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('publicity.articles.title')} span={2}>
          <span data-testid="preview-title">{parsed.title ?? t('publicity.import.noTitle')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.publishedAt')}>
          <span data-testid="preview-date">{formatPublished(parsed.publishedAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.source')}>{parsed.source ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.medium')}>{parsed.medium ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.level')}>
          <LevelTag level={parsed.level} />
        </Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.authors')}>{names(parsed.authors)}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.editors')}>{names(parsed.editors)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('publicity.detail.figures', { count: parsed.figures.length })}</Typography.Title>
      <Table<Figure>
        size="small"
        rowKey={(figure) => `${figure.raw}-${figure.label}-${figure.normalised}`}
        dataSource={parsed.figures}
        pagination={parsed.figures.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: t('publicity.figures.label'), dataIndex: 'label', render: (label: string) => label || '—' },
          { title: t('publicity.figures.raw'), dataIndex: 'raw' },
          { title: t('publicity.figures.value'), dataIndex: 'normalised', align: 'right', render: (value: number, row) => `${value.toLocaleString()} ${row.baseUnit}` },
        ]}
      />
      <ArticleTexts texts={{ cleanText: parsed.text, originalText: parsed.original, removed: parsed.removed, garbled: parsed.garbled }} testId="preview-texts" />
    </Flex>
  );
}
