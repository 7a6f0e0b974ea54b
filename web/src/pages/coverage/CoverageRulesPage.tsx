import { useState } from 'react';
import { Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CoverageKind, CoverageMissing, CoverageRule } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { coverageKeys, listCoverageMissing, listCoverageRules } from '../../api/coverage.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { CoverageRuleModal } from './CoverageRuleModal.tsx';

const percent = (ratio: number) => Math.round(ratio * 1000) / 10;

/** Where a missing unit's records are listed: the list of the rule's kind, filtered to the unit. */
function recordsPath(kind: CoverageKind, rule: CoverageRule, divisionId: number): string {
  if (kind === 'activities') return `/activities?divisionId=${divisionId}${rule.filterValue ? `&kind=${rule.filterValue}` : ''}`;
  if (kind === 'organisations') return `/organisations?divisionId=${divisionId}${rule.filterValue ? `&type=${rule.filterValue}` : ''}`;
  if (kind === 'assessments') return `/assessments?divisionId=${divisionId}`;
  return `/users?divisionId=${divisionId}`;
}

function MissingUnits({ rule }: { rule: CoverageRule }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isPending } = useQuery({ queryKey: coverageKeys.missing(rule.id, page), queryFn: () => listCoverageMissing(rule.id, page), placeholderData: keepPreviousData });
  return (
    <Table<CoverageMissing>
      data-testid={`coverage-missing-${rule.id}`}
      rowKey="id"
      size="small"
      loading={isPending}
      dataSource={data?.items ?? []}
      columns={[
        { title: t('insight.coverage.unit'), dataIndex: 'name', render: (name: string, unit) => <Link to={recordsPath(rule.kind, rule, unit.id)}>{name}</Link> },
        { title: t('insight.coverage.count'), dataIndex: 'count', width: 120, render: (count: number) => <span className="tx-numeric">{`${count} / ${rule.minCount}`}</span> },
      ]}
      pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showTotal: (total) => t('insight.coverage.missingTotal', { total }) }}
    />
  );
}

/** 覆盖率规则: each rule's ratio, its month-end trend, and (expanded) the units still missing. */
export function CoverageRulesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, isPending, error, refetch } = useQuery({ queryKey: coverageKeys.list(page), queryFn: () => listCoverageRules(page), placeholderData: keepPreviousData });
  const columns = [
    { title: t('insight.coverage.title'), dataIndex: 'title', render: (title: string, rule: CoverageRule) => <Flex vertical><span>{title}</span><Typography.Text type="secondary">{t('insight.coverage.sentence', { division: rule.divisionName, level: t(`levels.${rule.unitLevel}`), min: rule.minCount, kind: t(`insight.coverage.kinds.${rule.kind}`), deadline: rule.deadline })}</Typography.Text></Flex> },
    {
      title: t('insight.coverage.ratio'),
      key: 'ratio',
      width: 260,
      render: (_: unknown, rule: CoverageRule) => (
        <Flex gap={8} align="center">
          <Progress percent={percent(rule.figure.ratio)} size="small" showInfo={false} status={rule.figure.ratio >= 1 ? 'success' : 'active'} style={{ flex: 1, margin: 0 }} />
          <span className="tx-numeric" data-testid={`coverage-figure-${rule.id}`}>{`${rule.figure.covered} / ${rule.figure.units}`}</span>
        </Flex>
      ),
    },
    { title: t('insight.coverage.trend'), key: 'trend', width: 240, render: (_: unknown, rule: CoverageRule) => <span className="tx-numeric">{rule.trend.map((point) => `${point.month.slice(5)}月 ${percent(point.ratio)}%`).join(' → ')}</span> },
    { title: t('insight.coverage.daysLeft'), key: 'daysLeft', width: 120, render: (_: unknown, rule: CoverageRule) => (rule.behindNearDeadline ? <Tag color="error">{t('insight.coverage.behind', { days: rule.daysLeft })}</Tag> : <span className="tx-numeric">{rule.daysLeft}</span>) },
  ];
  return (
    <Card
      title={t('insight.coverage.listTitle')}
      data-testid="coverage-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="coverage-create">
          {t('insight.coverage.create')}
        </Button>
      }
    >
      <CoverageRuleModal open={creating} onClose={() => setCreating(false)} />
      {error ? (
        <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
      ) : (
        <Table<CoverageRule>
          data-testid="coverage-table"
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          columns={columns}
          expandable={{ expandedRowRender: (rule) => <MissingUnits rule={rule} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        />
      )}
    </Card>
  );
}
