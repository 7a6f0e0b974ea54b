import { useState } from 'react';
import { Button, Descriptions, Space, Tabs, Tag } from 'antd';
import { EditOutlined, GlobalOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { competitionKeys, fetchCompetition } from '../../api/competitions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';
import { CompetitionDrawer } from './CompetitionDrawer.tsx';
import { EntriesPanel } from './EntriesPanel.tsx';
import { PhasesPanel } from './PhasesPanel.tsx';
import { RatersPanel } from './RatersPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { PhaseTag } from './competition-shared.tsx';

const tabKeys = ['setup', 'entries', 'raters', 'results'] as const;

/** One competition for its organisers: settings and phases, entries, raters and progress, results and publication. */
export function CompetitionDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const url = useUrlState();
  const [editing, setEditing] = useState(false);
  const { data: competition, isPending, error, refetch } = useQuery({ queryKey: competitionKeys.detail(id), queryFn: () => fetchCompetition(id), enabled: Number.isInteger(id) && id > 0 });

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !competition) return <PageLoading />;

  const manage = competition.allowed.includes('manage');
  const tab = tabKeys.find((key) => key === url.get('tab')) ?? 'setup';
  const s = competition.settings;

  const setup = (
    <Space direction="vertical" size={20} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('work.common.division')}>{competition.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.competitions.year')}>{competition.year ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.settings.groups')} span={2}>
          <Space wrap data-testid="competition-groups">
            {s.groups.map((g) => (
              <Tag key={g.id}>{`${g.name ?? g.id} × ${g.weight}`}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.settings.dimensions')} span={2}>
          <Space wrap>
            {s.dimensions.map((d) => (
              <Tag key={d.id} color={d.independent ? 'default' : 'blue'}>
                {`${d.name ?? d.id} ≤ ${d.maxScore}${d.weight !== 1 ? ` × ${d.weight}` : ''}${d.independent ? ` (${t('judgingWeb.settings.independent')})` : ''}`}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.settings.aggregate')}>{t(`judging.aggregates.${s.aggregate}`)}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.settings.minReviews')}>{s.minReviews}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.settings.voteGroup')}>{competition.voteGroupId ? (s.groups.find((g) => g.id === competition.voteGroupId)?.name ?? competition.voteGroupId) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.settings.awards')}>{s.awards.map((a) => `${a.name ?? a.awardId} ${a.fromRank}–${a.toRank}`).join(t('common.listSeparator')) || '—'}</Descriptions.Item>
      </Descriptions>
      <PhasesPanel competition={competition} manage={manage} />
    </Space>
  );

  return (
    <DetailFrame
      listPath="/competitions"
      listTitle={t('judgingWeb.competitions.listTitle')}
      crumb={competition.title}
      testId="competition-page"
      title={
        <Space wrap>
          <span data-testid="competition-title">{competition.title}</span>
          {competition.published ? <Tag color="success">{t('judging.decisionStatuses.published')}</Tag> : <PhaseTag kind={competition.currentPhase} phases={competition.phases} />}
        </Space>
      }
      extra={
        <Space wrap>
          {competition.allowed.includes('review') && (
            <Link to={`/competitions/${competition.id}/review`} data-testid="competition-review-link">
              <Button type="primary">{t('judgingWeb.review.start')}</Button>
            </Link>
          )}
          <a href={`/public/competitions/${competition.id}`} target="_blank" rel="noreferrer" data-testid="competition-public-link">
            <Button icon={<GlobalOutlined />}>{t('judgingWeb.public.open')}</Button>
          </a>
          {manage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="competition-edit">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => url.set({ tab: key === 'setup' ? null : key })}
        items={[
          { key: 'setup', label: <span data-testid="competition-tab-setup">{t('judgingWeb.tabs.setup')}</span>, children: setup },
          { key: 'entries', label: <span data-testid="competition-tab-entries">{t('judgingWeb.tabs.entries', { count: competition.counts.entries })}</span>, children: <EntriesPanel competition={competition} manage={manage} /> },
          ...(manage
            ? [
                { key: 'raters', label: <span data-testid="competition-tab-raters">{t('judgingWeb.tabs.raters', { count: competition.counts.raters })}</span>, children: <RatersPanel competition={competition} /> },
                { key: 'results', label: <span data-testid="competition-tab-results">{t('judgingWeb.tabs.results')}</span>, children: <ResultsPanel competition={competition} /> },
              ]
            : []),
        ]}
      />
      <CompetitionDrawer open={editing} competition={competition} onClose={() => setEditing(false)} onSaved={() => void refetch()} />
    </DetailFrame>
  );
}
