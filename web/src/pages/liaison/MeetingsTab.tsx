import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { Activity, MeetingQuarter } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { activityKeys, listActivities } from '../../api/activities.ts';
import { messageOf } from '../../api/form-errors.ts';
import { liaisonKeys, meetingQuarters } from '../../api/liaison.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { ActivityDrawer } from '../activities/ActivityDrawer.tsx';

function QuarterCard({ quarter, divisionId }: { quarter: MeetingQuarter; divisionId: number | undefined }) {
  const { t } = useTranslation();
  const filters = new URLSearchParams({ kind: 'seminar', from: quarter.from, to: quarter.to, ...(divisionId ? { divisionId: String(divisionId) } : {}) });
  return (
    <Card size="small" data-testid={`quarter-${quarter.quarter}`}>
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{t('work.meetings.quarter', { quarter: quarter.quarter })}</Typography.Text>
        {quarter.missed && <Tag color="red">{t('work.meetings.missed')}</Tag>}
      </Flex>
      <Link to={`/activities?${filters.toString()}`}>
        <Statistic value={quarter.meetings} suffix={t('work.meetings.unit')} />
      </Link>
      <Typography.Text type="secondary">{t('work.meetings.attendance', { count: quarter.attendees })}</Typography.Text>
    </Card>
  );
}

/** 季度座谈会: the quarters of a year at a glance, then the meetings (seminar activities) themselves. */
export function MeetingsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const url = useUrlState();
  const thisYear = new Date().getFullYear();
  const year = url.getNumber('year') ?? thisYear;
  const divisionId = url.getNumber('divisionId');
  const filters = { kind: 'seminar' as const, from: `${year}-01-01`, to: `${year}-12-31`, divisionId, ...readPaging(url, []) };
  const [creating, setCreating] = useState(false);
  const quarters = useQuery({ queryKey: [...liaisonKeys.all, 'quarters', year, divisionId], queryFn: () => meetingQuarters(year, divisionId) });
  const list = useQuery({ queryKey: activityKeys.list(filters), queryFn: () => listActivities(filters), placeholderData: keepPreviousData });
  const error = quarters.error ?? list.error;

  const columns = [
    { title: t('work.activities.date'), dataIndex: 'date', width: 110, render: (date: string) => <span className="tx-numeric">{date}</span> },
    {
      title: t('work.activities.title'),
      dataIndex: 'title',
      render: (title: string, row: Activity) => (
        <Link to={`/activities/${row.id}`} data-testid={`meeting-link-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('work.activities.venue'), dataIndex: 'venue', width: 160, render: (venue: Activity['venue']) => venue?.name ?? '—' },
    { title: t('work.activities.participantCount'), dataIndex: 'participantCount', width: 100, render: (count: number | null) => count ?? '—' },
  ];

  return (
    <Flex vertical gap={16} data-testid="meetings-tab">
      <Flex gap={8} wrap="wrap" align="center">
        <Select
          value={year}
          onChange={(value) => url.set({ year: value === thisYear ? null : value, page: null })}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: t('work.meetings.year', { year: y }) }))}
          style={{ width: 120 }}
          data-testid="meeting-year"
        />
        <DivisionPicker value={divisionId ?? null} onChange={(value) => url.set({ divisionId: value, page: null })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
        {canWrite && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="meeting-create">
            {t('work.meetings.create')}
          </Button>
        )}
      </Flex>
      <Alert type="info" showIcon title={t('work.meetings.hint')} />
      {error ? (
        <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void Promise.all([quarters.refetch(), list.refetch()])} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(quarters.data ?? []).map((quarter) => (
              <Col key={quarter.quarter} xs={12} md={6}>
                <QuarterCard quarter={quarter} divisionId={divisionId} />
              </Col>
            ))}
          </Row>
          <Table<Activity>
            data-testid="meeting-table"
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            columns={columns}
            pagination={tablePagination(filters, list.data?.total ?? 0, t)}
            onChange={tableChange(url)}
            locale={{ emptyText: t('work.meetings.none') }}
          />
        </>
      )}
      <ActivityDrawer
        open={creating}
        initialKind="seminar"
        onClose={() => setCreating(false)}
        onSaved={() => void quarters.refetch()}
      />
    </Flex>
  );
}
