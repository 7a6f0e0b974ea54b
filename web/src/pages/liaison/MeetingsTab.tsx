import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { Meeting, MeetingQuarter } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/form-errors.ts';
import { listMeetings, meetingKeys, meetingQuarters } from '../../api/liaison-meetings.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { MeetingDrawer, type MeetingDrawerTarget } from './MeetingDrawer.tsx';

function QuarterCard({ quarter }: { quarter: MeetingQuarter }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`quarter-${quarter.quarter}`}>
      <Flex justify="space-between" align="baseline">
        <Typography.Text strong>{t('work.meetings.quarter', { quarter: quarter.quarter })}</Typography.Text>
        {quarter.missed && <Tag color="red">{t('work.meetings.missed')}</Tag>}
      </Flex>
      <Statistic value={quarter.meetings} suffix={t('work.meetings.unit')} />
      <Typography.Text type="secondary">{t('work.meetings.attendance', { attended: quarter.attended, invited: quarter.invited })}</Typography.Text>
    </Card>
  );
}

/** 季度座谈会: the quarters of a year at a glance, then the meetings themselves. */
export function MeetingsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const url = useUrlState();
  const thisYear = new Date().getFullYear();
  const year = url.getNumber('year') ?? thisYear;
  const divisionId = url.getNumber('divisionId');
  const paging = readPaging(url, []);
  const filters = { year, divisionId, ...paging };
  const [drawer, setDrawer] = useState<MeetingDrawerTarget>(null);
  const quarters = useQuery({ queryKey: meetingKeys.quarters(year, divisionId), queryFn: () => meetingQuarters(year, divisionId) });
  const list = useQuery({ queryKey: meetingKeys.list(filters), queryFn: () => listMeetings(filters), placeholderData: keepPreviousData });
  const error = quarters.error ?? list.error;

  const columns = [
    { title: t('work.meetings.heldOn'), dataIndex: 'heldOn', width: 110, render: (date: string) => <span className="tx-numeric">{date}</span> },
    {
      title: t('work.meetings.title'),
      dataIndex: 'title',
      render: (title: string, row: Meeting) => (
        <Typography.Link onClick={() => setDrawer(row.id)} data-testid={`meeting-link-${row.id}`}>
          {title}
        </Typography.Link>
      ),
    },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('work.meetings.place'), dataIndex: 'place', width: 160, render: (place: string | null) => place ?? '—' },
    { title: t('work.meetings.attendees'), key: 'attendance', width: 120, render: (_: unknown, row: Meeting) => <span className="tx-numeric">{`${row.attendedCount} / ${row.invitedCount}`}</span> },
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
          <Button type="primary" onClick={() => setDrawer('create')} data-testid="meeting-create">
            {t('work.meetings.create')}
          </Button>
        )}
      </Flex>
      {error ? (
        <LoadFailed message={messageOf(error, t('common.networkError'))} onRetry={() => void Promise.all([quarters.refetch(), list.refetch()])} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {(quarters.data ?? []).map((quarter) => (
              <Col key={quarter.quarter} xs={12} md={6}>
                <QuarterCard quarter={quarter} />
              </Col>
            ))}
          </Row>
          <Table<Meeting>
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
      <MeetingDrawer target={drawer} onClose={() => setDrawer(null)} />
    </Flex>
  );
}
