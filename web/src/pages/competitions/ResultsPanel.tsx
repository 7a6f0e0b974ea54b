import { App, Alert, Button, Card, Checkbox, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { CompetitionDetail, Results, ResultRow } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { competitionKeys, draftDecision, fetchDecision, fetchResults, groupName, publishDecision } from '../../api/competitions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { formatScore } from './competition-shared.tsx';

/** "Ties: total first, then the experts' figure, then shared place" — the stated rule under the table. */
function TieRule({ competition, results }: { competition: CompetitionDetail; results: Results }) {
  const { t } = useTranslation();
  const steps = results.tieRule.map((step) => t(`judging.tieRule.${step.by}`, { group: step.groupId ? groupName(competition, step.groupId) : '' }));
  return <Typography.Text type="secondary">{t('judgingWeb.results.tieRule', { rule: steps.join(' → ') })}</Typography.Text>;
}

/** The draft decision (awards from the ranking) and its one-step publication. */
function DecisionCard({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [showRanking, setShowRanking] = useState(true);
  const { data: decision } = useQuery({ queryKey: competitionKeys.decision(competition.id), queryFn: () => fetchDecision(competition.id) });
  const reload = () => queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) });
  const draft = useMutation({
    mutationFn: () => draftDecision(competition.id, { showRanking, ...(decision && decision.status === 'draft' ? { version: decision.version } : {}) }),
    onSuccess: () => void reload(),
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  const publish = useMutation({
    mutationFn: () => publishDecision(competition.id, decision!.version),
    onSuccess: () => {
      message.success(t('judgingWeb.results.publishedOk'));
      void reload();
    },
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  if (!decision) return null;
  const published = decision.status === 'published';
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('judgingWeb.results.decision')}
          <Tag color={published ? 'success' : decision.status === 'draft' ? 'processing' : 'default'} data-testid="decision-status">
            {t(`judging.decisionStatuses.${decision.status}`)}
          </Tag>
        </Space>
      }
      extra={
        !published && (
          <Space wrap>
            <Checkbox checked={showRanking} onChange={(e) => setShowRanking(e.target.checked)} data-testid="decision-show-ranking">
              {t('judgingWeb.results.showRanking')}
            </Checkbox>
            <Button onClick={() => draft.mutate()} loading={draft.isPending} data-testid="decision-draft">
              {decision.status === 'draft' ? t('judgingWeb.results.redraft') : t('judgingWeb.results.draft')}
            </Button>
            {decision.status === 'draft' && (
              <Popconfirm title={t('judgingWeb.results.publishConfirm')} onConfirm={() => publish.mutate()} okButtonProps={{ 'data-testid': 'decision-publish-ok' }}>
                <Button type="primary" loading={publish.isPending} data-testid="decision-publish">
                  {t('judgingWeb.results.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
      data-testid="decision-card"
    >
      {published && <Typography.Paragraph>{t('judgingWeb.results.publishedAt', { at: formatDateTime(decision.publishedAt) })}</Typography.Paragraph>}
      {decision.awards.length === 0 ? (
        <Typography.Text type="secondary">{t('judgingWeb.results.noAwards')}</Typography.Text>
      ) : (
        <Space wrap>
          {decision.awards.map((a) => (
            <Tag key={a.entryId} color="gold">{`${a.awardName ?? a.awardId} · ${a.code} ${a.title}`}</Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** The results table: each group's figure and weight, total, spread, reviews and flags, rank by the stated tie rule. */
export function ResultsPanel({ competition }: { competition: CompetitionDetail }) {
  const { t } = useTranslation();
  const { data: results, isPending, error, refetch } = useQuery({ queryKey: competitionKeys.results(competition.id), queryFn: () => fetchResults(competition.id) });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  const p = results?.precision ?? 2;
  const groupColumns = competition.settings.groups.map((g) => ({
    title: `${g.name ?? g.id} × ${g.weight}`,
    key: `group-${g.id}`,
    width: 130,
    render: (_: unknown, row: ResultRow) => {
      const figure = row.groups.find((one) => one.groupId === g.id);
      return (
        <span className="tx-numeric" data-testid={`result-${row.code}-group-${g.id}`}>
          {formatScore(figure?.figure, p)}
          <Typography.Text type="secondary">{` (${figure?.reviewCount ?? 0})`}</Typography.Text>
        </span>
      );
    },
  }));
  const columns = [
    { title: t('judgingWeb.results.rank'), dataIndex: 'rank', width: 60, fixed: 'left' as const, render: (rank: number | null, row: ResultRow) => <span data-testid={`result-${row.code}-rank`}>{rank ?? '—'}{row.tiedOnTotal ? '*' : ''}</span> },
    { title: t('judgingWeb.entries.code'), dataIndex: 'code', width: 80 },
    { title: t('judgingWeb.entries.title'), dataIndex: 'title', width: 220 },
    ...groupColumns,
    { title: t('judgingWeb.results.total'), dataIndex: 'total', width: 90, render: (total: number | null, row: ResultRow) => <strong className="tx-numeric" data-testid={`result-${row.code}-total`}>{formatScore(total, p)}</strong> },
    { title: t('judgingWeb.results.spread'), dataIndex: 'spread', width: 80, render: (v: number | null) => formatScore(v, p) },
    {
      title: t('judgingWeb.results.reviews'),
      key: 'reviews',
      width: 110,
      render: (_: unknown, row: ResultRow) => (
        <Space size={4}>
          {row.reviewCount}
          {row.abstentions > 0 && <Typography.Text type="secondary">{t('judgingWeb.results.abstentions', { count: row.abstentions })}</Typography.Text>}
          {row.tooFewReviews && (
            <Tooltip title={t('judgingWeb.results.tooFew', { min: results?.minReviews ?? 0 })}>
              <WarningOutlined style={{ color: '#d48806' }} data-testid={`result-${row.code}-too-few`} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...(results?.voteGroupId ? [{ title: t('judgingWeb.results.votes'), dataIndex: 'votes', width: 70 }] : []),
    { title: t('judgingWeb.results.award'), dataIndex: 'award', width: 100, render: (award: string | null) => (award ? <Tag color="gold">{competition.settings.awards.find((a) => a.awardId === award)?.name ?? award}</Tag> : null) },
  ];
  return (
    <Flex vertical gap={12}>
      {results && (
        <Alert
          type="info"
          showIcon
          title={t('judgingWeb.results.formula', { aggregate: t(`judging.aggregates.${results.aggregate}`), max: formatScore(results.maxTotal, p) })}
        />
      )}
      <Flex justify="end">
        <ExportButton entity="competition_result" path={`/api/competitions/${competition.id}/results/export`} filters={{}} />
      </Flex>
      <Table<ResultRow> data-testid="result-table" rowKey="entryId" size="small" loading={isPending} dataSource={results?.entries ?? []} columns={columns} pagination={false} scroll={{ x: 1100 }} />
      {results && <TieRule competition={competition} results={results} />}
      <DecisionCard competition={competition} />
    </Flex>
  );
}
