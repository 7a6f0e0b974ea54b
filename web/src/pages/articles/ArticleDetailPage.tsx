import { useState } from 'react';
import { Button, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { articleKeys, fetchArticle, setArticleArchived } from '../../api/articles.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed, NotFoundPage } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { ApiError } from '../../api/client.ts';
import { ArticleFiguresTable } from './ArticleFiguresTable.tsx';
import { ArticleMetaModal } from './ArticleMetaModal.tsx';
import { ArticleTexts } from './ArticleTexts.tsx';
import { formatPublished, LevelTag } from './article-shared.tsx';

/** One report: what was read from it, the repaired text beside the original, what it mentions and claims. */
export function ArticleDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const { data: article, isPending, error, refetch } = useQuery({ queryKey: articleKeys.detail(id), queryFn: () => fetchArticle(id), enabled: Number.isInteger(id) && id > 0 });
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !article) return <PageLoading />;
  const canEdit = article.allowed.includes('update') && !article.archived;
  const names = (list: string[]) => (list.length ? list.join(t('common.listSeparator')) : '—');

  return (
    <DetailFrame
      listPath="/articles"
      listTitle={t('publicity.articles.listTitle')}
      crumb={article.title}
      testId="article-detail"
      title={
        <Space>
          <span data-testid="article-title">{article.title}</span>
          {article.archived && <Tag>{t('publicity.articles.archived')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="article-edit">
              {t('publicity.detail.editMeta')}
            </Button>
          )}
          {article.allowed.includes('archive') && (
            <ArchiveAction archived={article.archived} link={false} run={(archive) => setArticleArchived(id, archive, article.version)} onDone={() => refetch()} testId="article-archive" />
          )}
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="article-meta">
        <Descriptions.Item label={t('publicity.articles.publishedAt')}>{formatPublished(article.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.source')}>{article.source ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.medium')}>{article.mediumName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.level')}>
          <LevelTag level={article.level} />
        </Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.authors')}>{names(article.authors)}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.articles.editors')}>{names(article.editors)}</Descriptions.Item>
        <Descriptions.Item label={t('work.common.division')}>{article.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('publicity.detail.ingested')}>
          {t(`publicity.formats.${article.format}`)} · {formatDateTime(article.createdAt)}
          {article.fileName ? ` · ${article.fileName}` : ''}
        </Descriptions.Item>
      </Descriptions>

      <Flex vertical gap={6} data-testid="article-mentions">
        <Typography.Title level={5}>{t('publicity.detail.mentions')}</Typography.Title>
        {article.mentions.organisations.length + article.mentions.divisions.length === 0 ? (
          <Typography.Text type="secondary">{t('publicity.detail.noMentions')}</Typography.Text>
        ) : (
          <Flex gap={6} wrap="wrap">
            {article.mentions.divisions.map((division) => (
              <Tag key={`d${division.id}`} color="geekblue">
                {division.name}
              </Tag>
            ))}
            {article.mentions.organisations.map((organisation) => (
              <Tag key={`o${organisation.id}`} color="cyan">
                <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
              </Tag>
            ))}
            {article.mentions.organisations.length > 0 && (
              <Link to={`/articles?organisationId=${article.mentions.organisations[0]!.id}`}>{t('publicity.detail.otherReports', { name: article.mentions.organisations[0]!.name })}</Link>
            )}
          </Flex>
        )}
      </Flex>

      {article.duplicates.length > 0 && (
        <Flex vertical gap={6} data-testid="article-duplicates">
          <Typography.Title level={5}>{t('publicity.detail.copies')}</Typography.Title>
          {article.duplicates.map((copy) => (
            <Link key={copy.id} to={`/articles/${copy.id}`}>
              {copy.title} {copy.source ? `· ${copy.source}` : ''} {copy.similarity !== null ? `· ${Math.round(copy.similarity * 100)}%` : ''}
            </Link>
          ))}
        </Flex>
      )}

      <Flex vertical gap={6}>
        <Typography.Title level={5}>{t('publicity.detail.figures', { count: article.figures.length })}</Typography.Title>
        <ArticleFiguresTable articleId={id} figures={article.figures} editable={canEdit} onChanged={() => void refetch()} />
      </Flex>

      <ArticleTexts texts={article} />
      <ArticleMetaModal article={article} open={editing} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
    </DetailFrame>
  );
}
