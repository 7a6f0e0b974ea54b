import { useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { caseCategories, caseChannels, type Case } from '@tongxin/core';
import { dispatchStates } from '@tongxin/core/sla/dispatch-states';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { caseKeys, listCases, type CaseFilters as Filters } from '../../api/cases.ts';
import { messageOf } from '../../api/form-errors.ts';
import { AppliedFilterTags } from '../../components/AppliedFilterTags.tsx';
import { ListActions } from '../../components/ListActions.tsx';
import { dayBefore, periodText } from '../../lib/applied-filters.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, sortable, tableChange, tablePagination } from '../../lib/list-state.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseRegisterDrawer } from './CaseRegisterDrawer.tsx';
import { CaseStateTag, TimeStatusTag } from './case-shared.tsx';

const sortKeys = ['receivedAt', 'updatedAt', 'title', 'state'] as const;
const ymd = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(list: readonly T[], value: string | undefined) => list.find((one) => one === value);

function useFiltersFromUrl(url: ReturnType<typeof useUrlState>): Filters {
  return {
    q: url.get('q'),
    state: pick(dispatchStates, url.get('state')),
    category: pick(caseCategories, url.get('category')),
    channel: pick(caseChannels, url.get('channel')),
    divisionId: url.getNumber('divisionId'),
    overdue: url.get('overdue') === 'true' ? 'true' : undefined,
    ids: url.get('ids'),
    // The dashboard's drill-down reproduces a figure with the period and the lead unit.
    from: ymd.test(url.get('from') ?? '') ? url.get('from') : undefined,
    to: ymd.test(url.get('to') ?? '') ? url.get('to') : undefined,
    unitType: pick(['organisation', 'division'] as const, url.get('unitType')),
    unitId: url.getNumber('unitId'),
    ...readPaging(url, sortKeys),
  };
}

/** 诉求办理: the requests of the subtree and those sent to the user's units, with their time limits. */
export function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const url = useUrlState();
  const filters = useFiltersFromUrl(url);
  const [registering, setRegistering] = useState(false);
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: caseKeys.list(filters), queryFn: () => listCases(filters), placeholderData: keepPreviousData });

  const columns = [
    { title: t('requestPages.cases.ticketNo'), dataIndex: 'ticketNo', width: 170, render: (no: string) => <span className="tx-numeric">{no}</span> },
    {
      title: t('requestPages.cases.title'),
      dataIndex: 'title',
      ...sortable(filters, 'title'),
      render: (title: string, row: Case) => (
        <Link to={`/cases/${row.id}`} data-testid={`case-link-${row.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('requestPages.cases.category'), dataIndex: 'category', width: 100, render: (value: Case['category']) => t(`requests.categories.${value}`) },
    { title: t('requestPages.common.state'), dataIndex: 'state', width: 100, ...sortable(filters, 'state'), render: (state: Case['state']) => <CaseStateTag state={state} /> },
    { title: t('requestPages.cases.timeLimit'), key: 'time', width: 110, render: (_: unknown, row: Case) => <TimeStatusTag row={row} testId={`case-time-${row.id}`} /> },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 120 },
    { title: t('requestPages.cases.leadUnit'), dataIndex: 'leadUnit', width: 160, render: (unit: Case['leadUnit']) => unit?.name ?? '—' },
    { title: t('requestPages.cases.submitter'), key: 'submitter', width: 150, render: (_: unknown, row: Case) => [row.submitterName, row.submitterPhone].filter(Boolean).join(' ') || '—' },
    { title: t('requestPages.cases.receivedAt'), dataIndex: 'receivedAt', width: 170, ...sortable(filters, 'receivedAt'), render: (at: string) => <span className="tx-numeric">{formatDateTime(at)}</span> },
  ];

  return (
    <Card
      title={t('requestPages.cases.listTitle')}
      data-testid="cases-page"
      extra={
        <ListActions
          onRefresh={() => void refetch()}
          refreshing={isFetching && !isPending}
          onCreate={writesWork(me) ? () => setRegistering(true) : undefined}
          createLabel={t('requestPages.cases.register')}
          createTestId="case-register"
        >
          <Button icon={<BarChartOutlined />} onClick={() => void navigate('/cases/figures')} data-testid="case-figures-link">
            {t('requestPages.figures.title')}
          </Button>
          <ExportButton entity="case" filters={Object.fromEntries(Object.entries(filters))} />
        </ListActions>
      }
    >
      <Flex vertical gap={16}>
        <CaseFilters value={filters} onChange={(changes) => url.set(changes)} onReset={url.clear} />
        <AppliedFilterTags
          defs={[
            // `to` is exclusive here: the chip shows the last day included.
            { key: 'period', params: ['from', 'to'], text: (v) => t('ux.filters.received', { period: periodText(v.from, v.to ? dayBefore(v.to) : undefined) }) },
            { key: 'unit', params: ['unitType', 'unitId'], text: (v) => t('ux.filters.unit', { unit: `${v.unitType === 'division' ? t('entities.division') : t('entities.organisation')} #${v.unitId ?? ''}` }) },
          ]}
        />
        {error ? (
          <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
        ) : (
          <Table<Case>
            data-testid="case-table"
            rowKey="id"
            size="middle"
            loading={isPending}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 1300 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
            pagination={tablePagination(filters, data?.total ?? 0, t)}
            onChange={tableChange<Case>(url)}
          />
        )}
      </Flex>
      <CaseRegisterDrawer open={registering} onClose={() => setRegistering(false)} onSaved={(id) => void navigate(`/cases/${id}`)} />
    </Card>
  );
}
