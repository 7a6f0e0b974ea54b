import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Progress, Select, Table, Tabs, Tag, Typography } from 'antd';
import { dcReportKinds, dcReportStates, type DcAssignment, type DcReport } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { createReport, dcKeys, fetchSupervision, listReports, remindAssignment } from '../../api/direct-channel.ts';
import { messageOf } from '../../api/form-errors.ts';
import { enumOptions } from '../../components/enum-options.ts';
import { reportSaveError } from '../../components/form-helpers.ts';
import { ListActions } from '../../components/ListActions.tsx';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { readPaging, tableChange, tablePagination } from '../../lib/list-state.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useUrlState } from '../../lib/url-state.ts';
import { writesWork } from '../projects/work-shared.tsx';

/** 直通车: reports and proposals with their progress, and the supervision board (督办) of open assignments. */
export function DcReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const url = useUrlState();
  const view = url.get('view') === 'supervision' ? 'supervision' : 'reports';
  const overdueOnly = url.get('overdue') === 'true';
  const filters = { q: url.get('q'), state: dcReportStates.find((one) => one === url.get('state')), ...readPaging(url, []) };
  const reports = useQuery({ queryKey: dcKeys.list(filters), queryFn: () => listReports(filters), placeholderData: keepPreviousData, enabled: view === 'reports' });
  const board = useQuery({ queryKey: dcKeys.supervision(overdueOnly), queryFn: () => fetchSupervision(overdueOnly), enabled: view === 'supervision' });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  const create = async (values: { organisationId: number; kind: DcReport['kind']; title: string; content: string }) => {
    setSaving(true);
    try {
      const created = await createReport(values);
      setCreating(false);
      void queryClient.invalidateQueries({ queryKey: dcKeys.all });
      void navigate(`/direct-channel/${created.id}`);
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), async () => undefined);
    } finally {
      setSaving(false);
    }
  };
  const remind = async (id: number) => {
    try {
      await remindAssignment(id);
      message.success(t('requestPages.cases.reminded'));
      void board.refetch();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    }
  };

  const reportColumns = [
    { title: t('requestPages.dc.title'), dataIndex: 'title', render: (title: string, row: DcReport) => <Link to={`/direct-channel/${row.id}`} data-testid={`dc-link-${row.id}`}>{title}</Link> },
    { title: t('requestPages.dc.kind'), dataIndex: 'kind', width: 110, render: (kind: DcReport['kind']) => t(`requests.dcKinds.${kind}`) },
    { title: t('requestPages.dc.organisation'), dataIndex: 'organisation', width: 180, render: (org: DcReport['organisation']) => org.name },
    { title: t('requestPages.common.state'), dataIndex: 'state', width: 100, render: (state: DcReport['state']) => <Tag data-testid="dc-state">{t(`requests.dcStates.${state}`)}</Tag> },
    {
      title: t('requestPages.dc.progress'),
      key: 'progress',
      width: 170,
      render: (_: unknown, row: DcReport) => (
        <Progress size="small" percent={row.progress.total ? Math.round((row.progress.completed / row.progress.total) * 100) : 0} format={() => `${row.progress.completed}/${row.progress.total}`} status={row.progress.overdue ? 'exception' : 'normal'} />
      ),
    },
    { title: t('requestPages.dc.submittedAt'), dataIndex: 'submittedAt', width: 170, render: (at: string) => formatDateTime(at) },
  ];
  const boardColumns = [
    { title: t('requestPages.dc.title'), dataIndex: 'reportTitle', render: (title: string, row: DcAssignment) => <Link to={`/direct-channel/${row.reportId}`}>{title}</Link> },
    { title: t('requestPages.dc.unit'), dataIndex: 'unit', width: 180, render: (unit: DcAssignment['unit']) => unit.name },
    { title: t('requestPages.common.state'), dataIndex: 'state', width: 100, render: (state: DcAssignment['state']) => t(`requests.dcAssignmentStates.${state}`) },
    {
      title: t('requestPages.dc.deadline'),
      key: 'deadline',
      width: 190,
      render: (_: unknown, row: DcAssignment) => (
        <>
          {row.deadline} {row.overdue ? <Tag color="red">{t('requestPages.cases.timeStatus.overdue')}</Tag> : row.daysLeft !== null && <Tag>{t('requestPages.dc.daysLeft', { count: row.daysLeft })}</Tag>}
          {row.escalated && <Tag color="volcano">{t('requests.actions.escalated')}</Tag>}
        </>
      ),
    },
    { title: t('requestPages.dc.reminders'), dataIndex: 'reminders', width: 80 },
    { title: t('common.actions'), key: 'actions', width: 100, render: (_: unknown, row: DcAssignment) => <Button size="small" onClick={() => void remind(row.id)}>{t('requests.actions.reminded')}</Button> },
  ];

  return (
    <Card
      title={t('requestPages.dc.listTitle')}
      data-testid="dc-page"
      extra={<ListActions refreshing={reports.isFetching || board.isFetching} onRefresh={() => void (view === 'reports' ? reports.refetch() : board.refetch())} onCreate={() => { form.resetFields(); setCreating(true); }} createLabel={t('requestPages.dc.create')} createTestId="dc-create" />}
    >
      <Tabs
        activeKey={view}
        onChange={(key) => url.set({ view: key === 'reports' ? null : key })}
        items={[
          { key: 'reports', label: t('requestPages.dc.reports') },
          ...(writesWork(me) ? [{ key: 'supervision', label: <span data-testid="dc-tab-supervision">{t('requestPages.dc.supervision')}</span> }] : []),
        ]}
      />
      {view === 'reports' ? (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap="wrap">
            <SearchBox value={filters.q} onSearch={(q) => url.set({ q })} placeholder={t('requestPages.dc.searchPlaceholder')} style={{ width: 220 }} />
            <Select allowClear placeholder={t('requestPages.common.allStates')} value={filters.state} onChange={(state) => url.set({ state: state ?? null })} options={enumOptions(t, 'requests.dcStates', dcReportStates)} style={{ width: 130 }} />
          </Flex>
          {reports.error ? (
            <LoadFailed error={reports.error} message={messageOf(reports.error, t('common.networkError'))} onRetry={() => void reports.refetch()} />
          ) : (
            <Table<DcReport> data-testid="dc-table" rowKey="id" size="middle" loading={reports.isPending} dataSource={reports.data?.items ?? []} columns={reportColumns} scroll={{ x: 1000 }} pagination={tablePagination(filters, reports.data?.total ?? 0, t)} onChange={tableChange<DcReport>(url)} />
          )}
        </Flex>
      ) : (
        <Flex vertical gap={16}>
          <Select value={overdueOnly ? 'true' : 'all'} onChange={(value) => url.set({ overdue: value === 'true' ? 'true' : null })} options={[{ value: 'all', label: t('requestPages.dc.allOpen') }, { value: 'true', label: t('requestPages.cases.overdueOnly') }]} style={{ width: 180 }} />
          {board.error ? (
            <LoadFailed error={board.error} message={messageOf(board.error, t('common.networkError'))} onRetry={() => void board.refetch()} />
          ) : (
            <Table<DcAssignment> data-testid="dc-supervision-table" rowKey="id" size="middle" loading={board.isPending} dataSource={board.data ?? []} columns={boardColumns} scroll={{ x: 1000 }} pagination={false} locale={{ emptyText: <Typography.Text type="secondary">{t('work.common.noMatch')}</Typography.Text> }} />
          )}
        </Flex>
      )}
      <Modal open={creating} title={t('requestPages.dc.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okButtonProps={{ loading: saving }} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'report' }} onFinish={(values) => void create(values)}>
          <Form.Item name="organisationId" label={t('requestPages.dc.organisation')} rules={[{ required: true }]}>
            <OrganisationPicker />
          </Form.Item>
          <Form.Item name="kind" label={t('requestPages.dc.kind')} rules={[{ required: true }]}>
            <Select options={enumOptions(t, 'requests.dcKinds', dcReportKinds)} />
          </Form.Item>
          <Form.Item name="title" label={t('requestPages.dc.title')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t('requestPages.dc.content')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={8} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
