import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Modal, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { DcAssignment, DcReportDetail } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { acceptAssignment, assignReport, completeAssignment, dcKeys, fetchReport, instructReport, remindAssignment } from '../../api/direct-channel.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { reportSaveError } from '../../components/form-helpers.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { parseUnit, UnitPicker } from '../cases/case-shared.tsx';

type Dialog = { kind: 'instruct' } | { kind: 'assign' } | { kind: 'complete'; assignment: DcAssignment } | null;

/** One report: the leader's instructions (批示), each unit's assignment (交办) under supervision (督办), and the timeline. */
export function DcReportDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { data: record, error, refetch } = useQuery({ queryKey: dcKeys.detail(id), queryFn: () => fetchReport(id) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (!record) return <Skeleton active />;

  const show = (next: DcReportDetail) => {
    queryClient.setQueryData(dcKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: ['direct-channel', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  const run = async (call: () => Promise<DcReportDetail>) => {
    try {
      show(await call());
      message.success(t('common.saved'));
    } catch (failure) {
      message.error(messageOf(failure, t('common.networkError')));
      void refetch();
    }
  };
  const open = (next: Dialog) => {
    form.resetFields();
    if (next?.kind === 'assign') form.setFieldsValue({ units: [{}] });
    setDialog(next);
  };
  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      let next: DcReportDetail;
      if (dialog?.kind === 'instruct') next = await instructReport(id, { leaderName: String(values.leaderName).trim(), content: String(values.content).trim(), version: record.version });
      else if (dialog?.kind === 'assign') {
        const units = (values.units as Array<{ unit?: string; deadline?: string; task?: string }>).flatMap((one) => {
          const unit = parseUnit(one.unit);
          return unit && one.deadline ? [{ unit, deadline: one.deadline, ...(one.task?.trim() ? { task: one.task.trim() } : {}) }] : [];
        });
        next = await assignReport(id, { units, version: record.version });
      } else if (dialog?.kind === 'complete') next = await completeAssignment(dialog.assignment.id, String(values.evidence).trim(), dialog.assignment.version);
      else return;
      setDialog(null);
      show(next);
      message.success(t('common.saved'));
    } catch (failure) {
      await reportSaveError(failure, form, (text) => message.error(text), t('common.networkError'), () => refetch());
    } finally {
      setSaving(false);
    }
  };
  const mayAct = (assignment: DcAssignment) => record.actionableAssignmentIds.includes(assignment.id);

  const columns = [
    { title: t('requestPages.dc.unit'), dataIndex: 'unit', render: (unit: DcAssignment['unit']) => unit.name },
    { title: t('requestPages.dc.task'), dataIndex: 'task', render: (task: string | null) => task ?? '—' },
    { title: t('requestPages.dc.deadline'), key: 'deadline', width: 170, render: (_: unknown, row: DcAssignment) => <>{row.deadline} {row.overdue && <Tag color="red">{t('requestPages.cases.timeStatus.overdue')}</Tag>}{row.escalated && <Tag color="volcano">{t('requests.actions.escalated')}</Tag>}</> },
    { title: t('requestPages.common.state'), dataIndex: 'state', width: 90, render: (state: DcAssignment['state']) => <Tag>{t(`requests.dcAssignmentStates.${state}`)}</Tag> },
    { title: t('requestPages.dc.evidence'), dataIndex: 'evidence', render: (evidence: string | null) => evidence ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_: unknown, row: DcAssignment) => (
        <Space>
          {mayAct(row) && row.state === 'assigned' && <Button size="small" type="primary" onClick={() => void run(() => acceptAssignment(row.id, row.version))}>{t('requests.actions.accept')}</Button>}
          {mayAct(row) && row.state === 'accepted' && <Button size="small" type="primary" onClick={() => open({ kind: 'complete', assignment: row })}>{t('requests.actions.complete')}</Button>}
          {record.allowed.includes('remind') && row.state !== 'completed' && <Button size="small" onClick={() => void run(() => remindAssignment(row.id))}>{t('requests.actions.reminded')}</Button>}
        </Space>
      ),
    },
  ];

  return (
    <DetailFrame
      listPath="/direct-channel"
      listTitle={t('requestPages.dc.listTitle')}
      crumb={record.title}
      testId="dc-detail-page"
      title={<Space wrap><span>{record.title}</span><Tag data-testid="dc-state">{t(`requests.dcStates.${record.state}`)}</Tag></Space>}
      extra={
        <Space>
          {record.allowed.includes('instruct') && <Button type="primary" onClick={() => open({ kind: 'instruct' })} data-testid="dc-instruct">{t('requests.actions.instruct')}</Button>}
          {record.allowed.includes('assign') && <Button type="primary" onClick={() => open({ kind: 'assign' })} data-testid="dc-assign">{t('requests.actions.assign')}</Button>}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('requestPages.dc.organisation')}>{record.organisation.name}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.dc.kind')}>{t(`requests.dcKinds.${record.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.dc.submittedAt')}>{formatDateTime(record.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.dc.progress')}>{`${record.progress.completed}/${record.progress.total}`}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.dc.content')} span={2}><div style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>{record.content}</div></Descriptions.Item>
        {record.instructions.map((one) => (
          <Descriptions.Item key={one.id} label={`${t('requests.actions.instruct')} · ${one.leaderName}`} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{one.content}</div>
            <Typography.Text type="secondary">{formatDateTime(one.instructedAt)}</Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {record.assignments.length > 0 && <Table<DcAssignment> data-testid="dc-assignments" rowKey="id" size="small" pagination={false} dataSource={record.assignments} columns={columns} scroll={{ x: 900 }} />}
      <div>
        <Typography.Title level={5}>{t('requestPages.common.history')}</Typography.Title>
        <Timeline
          data-testid="dc-timeline"
          items={record.timeline.map((event) => ({
            children: (
              <>
                <strong>{t(`requests.actions.${event.action}`, { defaultValue: event.action })}</strong>
                {event.unit && <Typography.Text type="secondary"> → {event.unit.name}</Typography.Text>}
                <div><Typography.Text type="secondary">{formatDateTime(event.at)} · {event.actorName ?? t('requestPages.common.system')}</Typography.Text></div>
                {event.note && <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div>}
              </>
            ),
          }))}
        />
      </div>
      <Modal open={dialog !== null} title={dialog ? t(`requests.actions.${dialog.kind}`) : ''} onCancel={() => setDialog(null)} onOk={() => form.submit()} okButtonProps={{ loading: saving }} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" onFinish={(values) => void save(values as Record<string, unknown>)}>
          {dialog?.kind === 'instruct' && (
            <>
              <Form.Item name="leaderName" label={t('requestPages.dc.leaderName')} rules={[{ required: true, whitespace: true, max: 40 }]}><Input maxLength={40} /></Form.Item>
              <Form.Item name="content" label={t('requestPages.dc.instruction')} rules={[{ required: true, whitespace: true, max: 2000 }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
            </>
          )}
          {dialog?.kind === 'assign' && (
            <Form.List name="units">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap style={{ marginBottom: 8 }}>
                      <Form.Item name={[field.name, 'unit']} rules={[{ required: true }]} style={{ width: 240, marginBottom: 0 }}><UnitPicker /></Form.Item>
                      <Form.Item name={[field.name, 'deadline']} rules={[{ required: true }]} style={{ marginBottom: 0 }}><Input type="date" /></Form.Item>
                      <Form.Item name={[field.name, 'task']} style={{ width: 200, marginBottom: 0 }}><Input placeholder={t('requestPages.dc.task')} maxLength={1000} /></Form.Item>
                      {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t('common.delete')}</Button>}
                    </Space>
                  ))}
                  {fields.length < 20 && <Button onClick={() => add({})}>{t('requestPages.dc.addUnit')}</Button>}
                </>
              )}
            </Form.List>
          )}
          {dialog?.kind === 'complete' && (
            <Form.Item name="evidence" label={t('requestPages.dc.evidence')} extra={t('requestPages.dc.evidenceHint')} rules={[{ required: true, whitespace: true, max: 4000 }]}><Input.TextArea rows={5} maxLength={4000} /></Form.Item>
          )}
        </Form>
      </Modal>
    </DetailFrame>
  );
}
