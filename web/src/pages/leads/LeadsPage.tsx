import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Tabs, Typography } from 'antd';
import { leadOrigins, leadStages, type Lead, type LeadStage, type TalentIntake } from '@tongxin/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { messageOf } from '../../api/form-errors.ts';
import { fetchLeadFigures, leadKeys, listLeads, listTalents, type LeadFilters } from '../../api/leads.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { Fen } from '../campaigns/money.tsx';
import { writesWork } from '../projects/work-shared.tsx';
import { LeadDrawer } from './LeadDrawer.tsx';
import { AppliedFilterTags } from '../../components/AppliedFilterTags.tsx';
import { periodText } from '../../lib/applied-filters.ts';
import { LeadStageTag } from './lead-shared.tsx';

const ymd = /^\d{4}-\d{2}-\d{2}$/;

function useFiltersFromUrl(): LeadFilters {
  const url = useUrlState();
  const stage = url.get('stage');
  const origin = url.get('origin');
  return {
    q: url.get('q'),
    stage: leadStages.find((s) => s === stage),
    origin: leadOrigins.find((o) => o === origin),
    divisionId: url.getNumber('divisionId'),
    // The dashboard's "signed" figure drills here with the period the signing falls in.
    signedFrom: ymd.test(url.get('signedFrom') ?? '') ? url.get('signedFrom') : undefined,
    signedTo: ymd.test(url.get('signedTo') ?? '') ? url.get('signedTo') : undefined,
    ...readPaging(url, []),
  };
}

/** The pipeline in figures: leads at each stage, signed and landed amounts, talents. */
function Figures({ divisionId }: { divisionId: number | undefined }) {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: leadKeys.figures(divisionId), queryFn: () => fetchLeadFigures(divisionId) });
  if (!data) return null;
  const f = data.total;
  return (
    <Row gutter={[16, 12]} data-testid="lead-figures">
      {leadStages.map((stage) => (
        <Col key={stage} xs={8} md={4}>
          <Statistic title={t(`judging.leadStages.${stage}`)} value={f.byStage[stage]} />
        </Col>
      ))}
      <Col xs={12} md={6}>
        <Statistic title={t('judgingWeb.leads.signedAmount', { count: f.signedCount })} valueRender={() => <Fen fen={f.contractFen} testId="lead-figure-contract" />} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('judgingWeb.leads.landedAmount', { count: f.landedCount })} valueRender={() => <Fen fen={f.landedFen} />} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('judgingWeb.leads.talents')} value={f.talents} />
      </Col>
    </Row>
  );
}

function Talents() {
  const { t } = useTranslation();
  const url = useUrlState();
  // The dashboard's talents figure drills here with its division and period.
  const from = url.get('from');
  const to = url.get('to');
  const filters = { page: 1, pageSize: 50, divisionId: url.getNumber('divisionId'), from: from && ymd.test(from) ? from : undefined, to: to && ymd.test(to) ? to : undefined };
  const { data, isPending } = useQuery({ queryKey: leadKeys.talents(filters), queryFn: () => listTalents(filters) });
  const columns = [
    { title: t('work.common.date'), dataIndex: 'date', width: 110 },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 140 },
    { title: t('judgingWeb.leads.field'), dataIndex: 'field' },
    { title: t('judgingWeb.leads.count'), dataIndex: 'count', width: 80 },
    { title: t('judgingWeb.leads.origin'), dataIndex: 'origin', width: 120, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Flex vertical gap={8}>
      <AppliedFilterTags
        defs={[
          { key: 'division', params: ['divisionId'], text: (v) => t('ux.filters.division', { id: v.divisionId ?? '' }) },
          { key: 'period', params: ['from', 'to'], text: (v) => t('ux.filters.period', { period: periodText(v.from, v.to) }) },
        ]}
      />
      <Table<TalentIntake> data-testid="talent-table" rowKey="id" size="small" loading={isPending} dataSource={data?.items ?? []} columns={columns} pagination={false} />
    </Flex>
  );
}

/** 招商引资: leads through lead → talks → signed → landed, with contract amounts, and talent intakes. */
export function LeadsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const [creating, setCreating] = useState(false);
  const tab = url.get('tab') === 'talents' ? 'talents' : 'leads';
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: leadKeys.list(filters), queryFn: () => listLeads(filters), placeholderData: keepPreviousData });
  const columns = [
    { title: t('judgingWeb.leads.firm'), dataIndex: 'firmName', render: (name: string, row: Lead) => <Link to={`/leads/${row.id}`} data-testid={`lead-link-${row.id}`}>{name}</Link> },
    { title: t('judgingWeb.leads.stage'), dataIndex: 'stage', width: 90, render: (stage: LeadStage) => <LeadStageTag stage={stage} /> },
    { title: t('judgingWeb.leads.sector'), dataIndex: 'sector', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('judgingWeb.leads.origin'), dataIndex: 'origin', width: 90, render: (v: string) => t(`judging.leadOrigins.${v}`) },
    { title: t('judgingWeb.leads.source'), dataIndex: 'sourceOrganisationName', width: 180, render: (v: string | null, row: Lead) => v ?? row.sourceNote ?? '—' },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('judgingWeb.leads.contract'), dataIndex: 'contractFen', width: 120, align: 'right' as const, render: (fen: number | null) => <Fen fen={fen} /> },
    { title: t('judgingWeb.leads.signedOn'), dataIndex: 'signedOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];
  const list = (
    <Flex vertical gap={16}>
      <Figures divisionId={filters.divisionId} />
      <Flex gap={8} wrap="wrap">
        <SearchBox value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('judgingWeb.leads.search')} style={{ width: 200 }} />
        <Select allowClear placeholder={t('judgingWeb.leads.allStages')} value={filters.stage} onChange={(stage) => url.set({ stage: stage ?? null })} options={enumOptions(t, 'judging.leadStages', leadStages)} style={{ width: 120 }} />
        <Select allowClear placeholder={t('judgingWeb.leads.allOrigins')} value={filters.origin} onChange={(origin) => url.set({ origin: origin ?? null })} options={enumOptions(t, 'judging.leadOrigins', leadOrigins)} style={{ width: 120 }} />
        <DivisionPicker value={filters.divisionId ?? null} onChange={(divisionId) => url.set({ divisionId })} placeholder={t('work.common.allDivisions')} style={{ width: 200 }} />
        <Button onClick={url.clear}>{t('common.reset')}</Button>
      </Flex>
      <AppliedFilterTags defs={[{ key: 'signed', params: ['signedFrom', 'signedTo'], text: (v) => t('ux.filters.signed', { period: periodText(v.signedFrom, v.signedTo) }) }]} />
      {error ? (
        <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
      ) : (
        <Table<Lead>
          data-testid="lead-table"
          rowKey="id"
          size="middle"
          loading={isPending}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
          pagination={tablePagination(filters, data?.total ?? 0, t)}
          onChange={tableChange<Lead>(url)}
        />
      )}
    </Flex>
  );
  return (
    <Card
      title={t('judgingWeb.leads.listTitle')}
      data-testid="leads-page"
      extra={
        <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={writesWork(me) ? () => setCreating(true) : undefined} createLabel={t('judgingWeb.leads.create')}>
          {tab === 'leads' ? <ExportButton entity="lead" filters={Object.fromEntries(Object.entries(filters))} /> : null}
        </ListActions>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => url.set({ tab: key === 'leads' ? null : key })}
        items={[
          { key: 'leads', label: t('judgingWeb.leads.tabLeads'), children: list },
          { key: 'talents', label: t('judgingWeb.leads.tabTalents'), children: <Talents /> },
        ]}
      />
      <LeadDrawer open={creating} onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/leads/${id}`)} />
    </Card>
  );
}
