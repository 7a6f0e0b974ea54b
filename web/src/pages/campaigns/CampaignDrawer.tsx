import { useEffect } from 'react';
import { App, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { campaignKeys, createCampaign } from '../../api/campaigns.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { fenOf, moneyRule } from './money.tsx';

interface Values {
  title: string;
  divisionId: number;
  target: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  beneficiaryDivisionId?: number | null;
  beneficiaryName?: string;
  description?: string;
}

/** A new campaign: target in 万元 (stored as fen), period, beneficiary (a paired county or a name). */
export function CampaignDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (open) form.setFieldsValue({ divisionId: me?.divisionId ?? undefined });
  }, [open, form, me?.divisionId]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      createCampaign({
        title: v.title,
        divisionId: v.divisionId,
        targetFen: fenOf(v.target),
        startDate: v.startDate.format('YYYY-MM-DD'),
        endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
        beneficiaryDivisionId: v.beneficiaryDivisionId ?? null,
        beneficiaryName: v.beneficiaryName || null,
        description: v.description || null,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      onClose();
      onSaved(saved.id);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <RecordDrawer open={open} title={t('judgingWeb.campaigns.create')} onClose={onClose} onSave={() => void form.validateFields().then((v) => save.mutate(v))} saving={save.isPending} canSave loading={false} loadError={null} testId="campaign-drawer">
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label={t('judgingWeb.campaigns.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]}>
          <DivisionPicker />
        </Form.Item>
        <Form.Item name="target" label={t('judgingWeb.campaigns.targetWan')} rules={[{ required: true }, moneyRule(t)]} extra={t('judgingWeb.money.hint')}>
          <Input suffix={t('judgingWeb.money.wan')} style={{ width: 200 }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="startDate" label={t('judgingWeb.campaigns.start')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endDate" label={t('judgingWeb.campaigns.end')}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Form.Item name="beneficiaryDivisionId" label={t('judgingWeb.campaigns.beneficiaryDivision')}>
          <DivisionPicker />
        </Form.Item>
        <Form.Item name="beneficiaryName" label={t('judgingWeb.campaigns.beneficiary')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('judgingWeb.competitions.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
