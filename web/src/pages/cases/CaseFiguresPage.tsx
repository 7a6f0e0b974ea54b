import type { ReactNode } from 'react';
import { Card, Col, DatePicker, Flex, Radio, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { CaseFigures } from '@tongxin/core';
import dayjs from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseKeys, fetchCaseFigures } from '../../api/cases.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { officeTimeZone } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';

type Group = CaseFigures['groups'][number];
type IdKey = keyof CaseFigures['ids'];

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const ymd = /^\d{4}-\d{2}-\d{2}$/;

/** A figure that opens the requests behind it. */
function DrillLink({ ids, children }: { ids: number[]; children: ReactNode }) {
  if (ids.length === 0) return <>{children}</>;
  return <Link to={`/cases?ids=${ids.slice(0, 500).join(',')}`}>{children}</Link>;
}

/** 考核指标: received, response, solve and satisfaction rates, overdue, score and ranking of units, each with its definition. */
export function CaseFiguresPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const today = dayjs().tz(officeTimeZone);
  const from = ymd.test(url.get('from') ?? '') ? url.get('from')! : today.startOf('month').format('YYYY-MM-DD');
  const to = ymd.test(url.get('to') ?? '') ? url.get('to')! : today.format('YYYY-MM-DD');
  const groupBy = url.get('groupBy') === 'division' ? 'division' : 'unit';
  const query = { from, to, groupBy, divisionId: url.getNumber('divisionId') } as const;
  const { data, error, refetch, isPending } = useQuery({ queryKey: caseKeys.figures(query), queryFn: () => fetchCaseFigures(query), placeholderData: keepPreviousData });

  const stat = (key: string, title: string, value: string | number, ids: number[]) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small" data-testid={`figure-${key}`}>
        <Statistic title={title} valueRender={() => <DrillLink ids={ids}>{value}</DrillLink>} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
          {data?.definitions[key] ?? ''}
        </Typography.Paragraph>
      </Card>
    </Col>
  );
  const idCell = (key: IdKey, value: number) => (row: Group) => <DrillLink ids={row.ids[key]}>{value}</DrillLink>;

  const columns = [
    { title: t('requestPages.figures.rank'), dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? '—' },
    { title: t('requestPages.figures.unit'), dataIndex: 'name' },
    { title: t('requestPages.figures.received'), key: 'received', width: 90, render: (_: unknown, row: Group) => idCell('received', row.received)(row) },
    { title: t('requestPages.figures.responseRate'), dataIndex: 'responseRate', width: 110, render: percent },
    { title: t('requestPages.figures.solveRate'), dataIndex: 'solveRate', width: 100, render: percent },
    { title: t('requestPages.figures.satisfactionRate'), dataIndex: 'satisfactionRate', width: 110, render: percent },
    { title: t('requestPages.figures.overdue'), key: 'overdue', width: 90, render: (_: unknown, row: Group) => idCell('overdue', row.overdue)(row) },
    { title: t('requestPages.figures.score'), dataIndex: 'score', width: 90, render: (score: number | null) => (score === null ? '—' : score.toFixed(1)) },
  ];

  return (
    <Card title={t('requestPages.figures.title')} data-testid="case-figures-page">
      <Flex vertical gap={16}>
        <Flex gap={8} wrap="wrap" align="center">
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(range) => range?.[0] && range[1] && url.set({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })}
            data-testid="figures-period"
          />
          <DivisionPicker value={url.getNumber('divisionId') ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
          <Radio.Group
            optionType="button"
            value={groupBy}
            onChange={(event) => url.set({ groupBy: event.target.value === 'unit' ? null : event.target.value })}
            options={[
              { value: 'unit', label: t('requestPages.figures.byUnit') },
              { value: 'division', label: t('requestPages.figures.byDivision') },
            ]}
          />
        </Flex>
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : isPending || !data ? (
          <Skeleton active />
        ) : (
          <>
            <Row gutter={[12, 12]}>
              {stat('received', t('requestPages.figures.received'), data.received, data.ids.received)}
              {stat('responseRate', t('requestPages.figures.responseRate'), percent(data.responseRate), data.ids.repliedOnTime)}
              {stat('solveRate', t('requestPages.figures.solveRate'), percent(data.solveRate), data.ids.solved)}
              {stat('satisfactionRate', t('requestPages.figures.satisfactionRate'), percent(data.satisfactionRate), data.ids.satisfied)}
              {stat('overdue', t('requestPages.figures.overdue'), data.overdue, data.ids.overdue)}
              {stat('score', t('requestPages.figures.score'), data.score === null ? '—' : data.score.toFixed(1), [])}
            </Row>
            <Typography.Text type="secondary">
              {t('requestPages.figures.weights', { response: Math.round(data.weights.response * 100), solve: Math.round(data.weights.solve * 100), satisfaction: Math.round(data.weights.satisfaction * 100) })}
              {data.definitions.rank ? ` ${data.definitions.rank}` : ''}
            </Typography.Text>
            <Table<Group> data-testid="figures-table" rowKey="key" size="middle" pagination={false} dataSource={data.groups} columns={columns} scroll={{ x: 800 }} />
          </>
        )}
      </Flex>
    </Card>
  );
}
