import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, Modal, Space, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeadStage } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { changeLeadStage, fetchLead, leadKeys, type LeadDetail } from '../../api/leads.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { Fen, fenOf, moneyRule } from '../campaigns/money.tsx';
import { LeadDrawer } from './LeadDrawer.tsx';
import { LeadStageTag } from './lead-shared.tsx';

interface StepValues {
  date: Dayjs;
  amount?: string;
  note?: string;
}

/** One step of the pipeline: signing asks for the contract amount, landing for the landed amount, dropping for a reason. */
function StageModal({ lead, to, onClose }: { lead: LeadDetail; to: LeadStage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: StepValues) =>
      changeLeadStage(lead.id, {
        to: to!,
        date: v.date.format('YYYY-MM-DD'),
        ...(to === 'signed' && v.amount ? { contractFen: fenOf(v.amount) } : {}),
        ...(to === 'landed' && v.amount ? { landedFen: fenOf(v.amount) } : {}),
        ...(v.note ? { note: v.note } : {}),
        version: lead.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(leadKeys.detail(lead.id), saved);
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      onClose();
    },
    onError: (error) => {
      if (applyFieldErrors(form, error)) return;
      const allowed = error instanceof ApiError && Array.isArray(error.details.allowed) ? (error.details.allowed as string[]) : null;
      message.error(messageOf(error, t('common.networkError')) + (allowed ? ` (${allowed.map((s) => t(`judging.leadStages.${s}`)).join(t('common.listSeparator'))})` : ''));
    },
  });
  const needsAmount = to === 'signed' || to === 'landed';
  return (
    <Modal open={to !== null} title={to ? t('judgingWeb.leads.moveTo', { stage: t(`judging.leadStages.${to}`) }) : ''} onCancel={onClose} onOk={() => void form.validateFields().then((v) => save.mutate(v))} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="date" label={t('work.common.date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {needsAmount && (
          <Form.Item name="amount" label={to === 'signed' ? t('judgingWeb.leads.contractWan') : t('judgingWeb.leads.landedWan')} rules={[moneyRule(t)]} extra={t('judgingWeb.money.hint')}>
            <Input suffix={t('judgingWeb.money.wan')} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={to === 'dropped' ? t('judgingWeb.leads.dropReason') : t('work.common.note')} rules={to === 'dropped' ? [{ required: true, whitespace: true }] : []}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One lead: firm, source, amounts, the stage history, and the next steps the pipeline allows. */
export function LeadDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [to, setTo] = useState<LeadStage | null>(null);
  const [editing, setEditing] = useState(false);
  const { data: lead, isPending, error, refetch } = useQuery({ queryKey: leadKeys.detail(id), queryFn: () => fetchLead(id), enabled: Number.isInteger(id) && id > 0 });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !lead) return <PageLoading />;
  const manage = lead.allowed.includes('manage');
  return (
    <DetailFrame
      listPath="/leads"
      listTitle={t('judgingWeb.leads.listTitle')}
      crumb={lead.firmName}
      testId="lead-page"
      title={
        <Space wrap>
          <span>{lead.firmName}</span>
          <LeadStageTag stage={lead.stage} />
        </Space>
      }
      extra={
        manage && (
          <Space wrap>
            {!lead.archived && (
              <Button onClick={() => setEditing(true)} data-testid="lead-edit">
                {t('common.edit')}
              </Button>
            )}
            {lead.nextStages.map((stage) => (
              <Button key={stage} danger={stage === 'dropped'} type={stage === 'dropped' ? 'default' : 'primary'} ghost={stage !== 'dropped'} onClick={() => setTo(stage)} data-testid={`lead-move-${stage}`}>
                {t('judgingWeb.leads.moveTo', { stage: t(`judging.leadStages.${stage}`) })}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('work.common.division')}>{lead.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.sector')}>
          <span data-testid="lead-sector">{lead.sector ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.origin')}>{t(`judging.leadOrigins.${lead.origin}`)}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.source')}>{lead.sourceOrganisationName ?? lead.sourceNote ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.contract')}>
          <Fen fen={lead.contractFen} testId="lead-contract" />
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.landed')}>
          <Fen fen={lead.landedFen} />
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.firstContactOn')}>{lead.firstContactOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.signedOn')}>{lead.signedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.leads.landedOn')}>{lead.landedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.common.note')}>{lead.note ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Timeline
        data-testid="lead-history"
        items={lead.history.map((h) => ({
          children: (
            <Space wrap>
              <span className="tx-numeric">{h.onDate}</span>
              <LeadStageTag stage={h.toStage} />
              <span>{[h.note, h.actorName, formatDateTime(h.at)].filter(Boolean).join(' · ')}</span>
            </Space>
          ),
        }))}
      />
      <StageModal lead={lead} to={to} onClose={() => setTo(null)} />
      {manage && <LeadDrawer open={editing} lead={lead} onClose={() => setEditing(false)} />}
    </DetailFrame>
  );
}
