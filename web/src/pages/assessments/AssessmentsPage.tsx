import { useState } from 'react';
import { App, Button, Card, Flex, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Assessment, ChecklistOutput } from '@tongxin/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { assessmentKeys, listAssessments, listChecklists, openAssessments, type AssessmentFilters } from '../../api/assessments.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';
import { ChecklistDrawer } from './ChecklistDrawer.tsx';
import { StarRating } from './StarRating.tsx';
import { YearFilter } from '../../components/YearFilter.tsx';

function useFiltersFromUrl(): AssessmentFilters {
  const url = useUrlState();
  const status = url.get('status');
  return {
    year: url.getNumber('year'),
    checklistId: url.getNumber('checklistId'),
    status: status === 'draft' || status === 'final' ? status : undefined,
    ...readPaging(url, []),
  };
}

/** The yearly checklists; staff open the year's assessments for every venue of a checklist's type. */
function ChecklistList({ year }: { year: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const url = useUrlState();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const filters = { year, page: 1, pageSize: 100 };
  const { data, isPending, isFetching, error, refetch } = useQuery({ queryKey: assessmentKeys.checklists(filters), queryFn: () => listChecklists(filters) });
  const open = useMutation({
    mutationFn: (checklist: ChecklistOutput) => openAssessments(checklist.id),
    onSuccess: (result) => {
      message.success(t('judgingWeb.assessments.opened', result));
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  const columns = [
    { title: t('judgingWeb.assessments.checklist'), dataIndex: 'title', render: (title: string, row: ChecklistOutput) => <a onClick={() => url.set({ tab: null, checklistId: row.id })}>{title}</a> },
    { title: t('judgingWeb.assessments.venueType'), dataIndex: 'venueType', width: 130, render: (type: string) => t(`venueTypes.${type}`) },
    { title: t('judgingWeb.competitions.year'), dataIndex: 'year', width: 70 },
    { title: t('judgingWeb.assessments.criteria'), key: 'criteria', width: 100, render: (_: unknown, row: ChecklistOutput) => `${row.criteria.length} / ${row.maxTotal}` },
    { title: t('judgingWeb.assessments.thresholds'), key: 'stars', render: (_: unknown, row: ChecklistOutput) => row.starThresholds.map((s) => `${s.stars}★ ≥ ${s.minTotal}`).join(t('common.listSeparator')) },
    { title: t('judgingWeb.assessments.progress'), key: 'progress', width: 110, render: (_: unknown, row: ChecklistOutput) => `${row.assessments.finalised} / ${row.assessments.total}` },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_: unknown, row: ChecklistOutput) =>
        writesWork(me) ? (
          <Button size="small" type="link" loading={open.isPending && open.variables?.id === row.id} onClick={() => open.mutate(row)}>
            {t('judgingWeb.assessments.open')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap={12}>
      <ListActions onRefresh={() => void refetch()} refreshing={isFetching && !isPending} onCreate={writesWork(me) ? () => setCreating(true) : undefined} createLabel={t('judgingWeb.assessments.createChecklist')} />
      <Table<ChecklistOutput> data-testid="checklist-table" rowKey="id" size="small" loading={isPending} dataSource={data?.items ?? []} columns={columns} pagination={false} scroll={{ x: 900 }} />
      <ChecklistDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}

/** 基地考核: the year's assessments of venues with totals and stars, and the checklists behind them. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const url = useUrlState();
  const filters = useFiltersFromUrl();
  const tab = url.get('tab') === 'checklists' ? 'checklists' : 'assessments';
  const { data, isPending, error, refetch } = useQuery({ queryKey: assessmentKeys.list(filters), queryFn: () => listAssessments(filters), placeholderData: keepPreviousData, enabled: tab === 'assessments' });

  const columns = [
    { title: t('judgingWeb.assessments.venue'), key: 'venue', render: (_: unknown, row: Assessment) => <Link to={`/assessments/${row.id}`} data-testid={`assessment-link-${row.id}`}>{row.venue.name}</Link> },
    { title: t('judgingWeb.assessments.level'), key: 'level', width: 90, render: (_: unknown, row: Assessment) => t(`venueLevels.${row.venue.level}`) },
    { title: t('work.common.division'), key: 'division', width: 120, render: (_: unknown, row: Assessment) => row.venue.divisionName },
    { title: t('judgingWeb.assessments.checklist'), dataIndex: 'checklistTitle', width: 220 },
    { title: t('judgingWeb.competitions.year'), dataIndex: 'year', width: 70 },
    { title: t('judgingWeb.assessments.status'), dataIndex: 'status', width: 90, render: (status: Assessment['status']) => <Tag color={status === 'final' ? 'success' : 'processing'}>{t(`judging.assessmentStatuses.${status}`)}</Tag> },
    { title: t('judgingWeb.assessments.sheets'), dataIndex: 'sheetCount', width: 80 },
    { title: t('judgingWeb.assessments.total'), dataIndex: 'total', width: 80, render: (total: number | null) => total ?? '—' },
    { title: t('judgingWeb.assessments.stars'), dataIndex: 'stars', width: 130, render: (stars: number | null) => <StarRating stars={stars} /> },
  ];

  const list = error ? (
    <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />
  ) : (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('judgingWeb.assessments.allStatuses')}
          value={filters.status}
          onChange={(status) => url.set({ status: status ?? null })}
          options={(['draft', 'final'] as const).map((value) => ({ value, label: t(`judging.assessmentStatuses.${value}`) }))}
          style={{ width: 130 }}
        />
        {filters.checklistId && (
          <Tag closable onClose={() => url.set({ checklistId: null })}>
            {t('judgingWeb.assessments.oneChecklist')}
          </Tag>
        )}
      </Space>
      <Table<Assessment>
        data-testid="assessment-table"
        rowKey="id"
        size="middle"
        loading={isPending}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }}
        pagination={tablePagination(filters, data?.total ?? 0, t)}
        onChange={tableChange<Assessment>(url)}
      />
    </Flex>
  );

  return (
    <Card
      title={t('judgingWeb.assessments.listTitle')}
      data-testid="assessments-page"
      extra={
        <Space>
          <YearFilter value={filters.year ?? null} onChange={(year) => url.set({ year })} />
          {tab === 'assessments' ? <ExportButton entity="assessment" filters={Object.fromEntries(Object.entries(filters))} /> : null}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => url.set({ tab: key === 'assessments' ? null : key })}
        items={[
          { key: 'assessments', label: t('judgingWeb.assessments.tabAssessments'), children: list },
          { key: 'checklists', label: t('judgingWeb.assessments.tabChecklists'), children: <ChecklistList year={filters.year} /> },
        ]}
      />
    </Card>
  );
}
