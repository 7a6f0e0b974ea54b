import { Card, Col, Descriptions, Progress, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchProgramme, pairingKeys } from '../../api/pairings.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { CoverageBar } from './CoverageBar.tsx';
import { PairsTable } from './PairsTable.tsx';
import { UnpairedList } from './UnpairedList.tsx';

/** A pairing programme: coverage (13 / 29), progress towards its deadline, who is still unpaired, silent pairs. */
export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: programme, isPending, error, refetch } = useQuery({ queryKey: pairingKeys.detail(id), queryFn: () => fetchProgramme(id), enabled: Number.isInteger(id) && id > 0 });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !programme) return <PageLoading />;
  const { coverage, progress } = programme;
  const unpaired = coverage.shouldBePaired - coverage.paired;

  return (
    <DetailFrame
      listPath="/pairings"
      listTitle={t('work.pairings.listTitle')}
      crumb={programme.title}
      testId="programme-page"
      title={
        <Space wrap>
          <span data-testid="programme-title">{programme.title}</span>
          <Tag color="geekblue">{t(`pairingKinds.${programme.kind}`)}</Tag>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small" title={t('work.pairings.coverage')}>
            <Statistic
              value={coverage.paired}
              valueRender={() => (
                <span className="tx-numeric" data-testid="programme-coverage">
                  {t('work.pairings.coverageOf', { paired: coverage.paired, total: coverage.shouldBePaired })}
                </span>
              )}
            />
            <CoverageBar coverage={coverage} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('work.pairings.progress')}>
            <Space direction="vertical" style={{ width: '100%' }} data-testid="programme-progress">
              <Space wrap>
                <Typography.Text strong>{progress.pastDeadline ? t('work.pairings.pastDeadline') : t('work.pairings.daysLeft', { count: progress.daysLeft })}</Typography.Text>
                {progress.onTrack ? <Tag color="green">{t('work.pairings.onTrack')}</Tag> : <Tag color="red">{t('work.pairings.behind')}</Tag>}
              </Space>
              <Progress percent={Math.round(progress.timeElapsed * 100)} size="small" status={progress.pastDeadline ? 'exception' : 'normal'} />
              <Typography.Text type="secondary">
                {t('work.pairings.timeElapsed', { percent: Math.round(progress.timeElapsed * 100) })} · {t('work.pairings.deadline')} <span className="tx-numeric">{programme.deadline}</span>
              </Typography.Text>
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('work.pairings.stalePairs')}>
            <Statistic value={programme.stalePairs} valueStyle={programme.stalePairs ? { color: '#cf1322' } : undefined} />
            <Typography.Text type="secondary">{t('work.pairings.staleSince', { date: programme.staleSince })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('work.common.division')}>{programme.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('work.pairings.target')}>{t(`organisationTypes.${programme.targetType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('work.pairings.partner')}>{programme.partnerType ? t(`organisationTypes.${programme.partnerType}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.common.period')}>
          <span className="tx-numeric">{`${programme.startDate} ~ ${programme.deadline}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.pairings.description')} span={2}>
          {programme.description ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'pairs', label: t('work.pairings.pairs'), children: <PairsTable programmeId={programme.id} /> },
          { key: 'unpaired', label: <span data-testid="tab-unpaired">{t('work.pairings.unpairedTotal', { count: unpaired })}</span>, children: <UnpairedList programmeId={programme.id} canPair={programme.allowed.includes('pair') && !programme.archived} /> },
          { key: 'stale', label: <span data-testid="tab-stale">{t('work.pairings.stalePairs')}</span>, children: <PairsTable programmeId={programme.id} staleInitially /> },
        ]}
      />
    </DetailFrame>
  );
}
