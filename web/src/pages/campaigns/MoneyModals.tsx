import { App, DatePicker, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PledgeOutput, ReceiptOutput } from '@tongxin/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { campaignKeys, cancelPledge, createPledge, createReceipt, voidReceipt } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { fenOf, moneyRule } from './money.tsx';
import { formatMoney } from '../../lib/money.ts';

interface PledgeValues {
  organisationId: number;
  amount: string;
  pledgedOn: Dayjs;
  dueDate?: Dayjs | null;
  note?: string;
}

/** Record a pledge (认捐): donor, amount in 万元, the day pledged and the day due. */
export function PledgeModal({ campaignId, open, onClose }: { campaignId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PledgeValues>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: PledgeValues) =>
      createPledge(campaignId, { organisationId: v.organisationId, amountFen: fenOf(v.amount), pledgedOn: v.pledgedOn.format('YYYY-MM-DD'), dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null, note: v.note || null }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <Modal open={open} title={t('judgingWeb.campaigns.addPledge')} onCancel={onClose} onOk={() => void form.validateFields().then((v) => save.mutate(v))} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ pledgedOn: dayjs() }}>
        <Form.Item name="organisationId" label={t('judgingWeb.campaigns.donor')} rules={[{ required: true }]}>
          <OrganisationPicker />
        </Form.Item>
        <Form.Item name="amount" label={t('judgingWeb.campaigns.amountWan')} rules={[{ required: true }, moneyRule(t)]} extra={t('judgingWeb.money.hint')}>
          <Input suffix={t('judgingWeb.money.wan')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="pledgedOn" label={t('judgingWeb.campaigns.pledgedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="dueDate" label={t('judgingWeb.campaigns.dueDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('work.common.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReceiptValues {
  pledgeId?: number | null;
  organisationId?: number | null;
  amount: string;
  receivedOn: Dayjs;
  reference?: string;
}

/** Record money received (到账), against a pledge or as a donation not pledged beforehand. */
export function ReceiptModal({ campaignId, pledges, open, onClose }: { campaignId: number; pledges: PledgeOutput[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiptValues>();
  const pledgeId = Form.useWatch('pledgeId', form);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: ReceiptValues) =>
      createReceipt(campaignId, {
        pledgeId: v.pledgeId ?? null,
        ...(v.pledgeId ? {} : { organisationId: v.organisationId ?? undefined }),
        amountFen: fenOf(v.amount),
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        reference: v.reference || null,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <Modal open={open} title={t('judgingWeb.campaigns.addReceipt')} onCancel={onClose} onOk={() => void form.validateFields().then((v) => save.mutate(v))} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }}>
        <Form.Item name="pledgeId" label={t('judgingWeb.campaigns.againstPledge')}>
          <Select
            allowClear
            placeholder={t('judgingWeb.campaigns.unpledged')}
            options={pledges.filter((p) => !p.cancelled).map((p) => ({ value: p.id, label: `${p.organisationName} · ${formatMoney(p.amountFen)} (${t('judgingWeb.campaigns.outstanding')} ${formatMoney(p.outstandingFen)})` }))}
          />
        </Form.Item>
        {!pledgeId && (
          <Form.Item name="organisationId" label={t('judgingWeb.campaigns.donor')} rules={[{ required: true }]}>
            <OrganisationPicker />
          </Form.Item>
        )}
        <Form.Item name="amount" label={t('judgingWeb.campaigns.amountWan')} rules={[{ required: true }, moneyRule(t)]} extra={t('judgingWeb.money.hint')}>
          <Input suffix={t('judgingWeb.money.wan')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('judgingWeb.campaigns.receivedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reference" label={t('judgingWeb.campaigns.reference')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Void a receipt entered in error (作废): it stays listed with the reason, and no longer counts. */
export function VoidReceiptModal({ campaignId, receipt, onClose }: { campaignId: number; receipt: ReceiptOutput | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { reason: string }) => voidReceipt(campaignId, receipt!.id, v.reason.trim()),
    onSuccess: () => {
      message.success(t('judgingWeb.campaigns.voidedOk'));
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (applyFieldErrors(form, error)) return;
      message.error(messageOf(error, t('common.networkError')));
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
    },
  });
  return (
    <Modal
      open={receipt !== null}
      title={t('judgingWeb.campaigns.voidTitle')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'receipt-void-ok' } as ButtonProps}
      destroyOnHidden
    >
      {receipt && (
        <Typography.Paragraph>
          {`${receipt.receivedOn} · ${receipt.organisationName} · ${formatMoney(receipt.amountFen)}`}
          <br />
          <Typography.Text type="secondary">{t('judgingWeb.campaigns.voidHint')}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('judgingWeb.campaigns.voidReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="receipt-void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cancel a pledge nothing was received against (取消认捐): it stays listed, marked, and no longer counts. */
export function CancelPledgeModal({ campaignId, pledge, onClose }: { campaignId: number; pledge: PledgeOutput | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => cancelPledge(campaignId, pledge!.id, pledge!.version),
    onSuccess: () => {
      message.success(t('judgingWeb.campaigns.cancelledOk'));
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      onClose();
    },
    onError: (error) => {
      message.error(messageOf(error, t('common.networkError')));
      // Changed meanwhile (409): show what is there now.
      if (error instanceof ApiError) void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
      if (error instanceof ApiError && error.code === 'version_conflict') onClose();
    },
  });
  return (
    <Modal
      open={pledge !== null}
      title={t('judgingWeb.campaigns.cancelPledge')}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'pledge-cancel-ok' } as ButtonProps}
      destroyOnHidden
    >
      {pledge && <Typography.Paragraph>{t('judgingWeb.campaigns.cancelConfirm', { donor: pledge.organisationName, amount: formatMoney(pledge.amountFen) })}</Typography.Paragraph>}
    </Modal>
  );
}
