import { useEffect } from 'react';
import { App, Form, Input, Select } from 'antd';
import { leadOrigins, type LeadOrigin } from '@tongxin/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { createLead, leadKeys } from '../../api/leads.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';

interface Values {
  divisionId: number;
  firmName: string;
  sector?: string;
  origin: LeadOrigin;
  sourceOrganisationId?: number | null;
  sourceNote?: string;
  note?: string;
}

/** A new lead (starts at 线索): firm, sector, where the money comes from, who brought it (以商引商). */
export function LeadDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (open) form.setFieldsValue({ divisionId: me?.divisionId ?? undefined, origin: 'domestic' });
  }, [open, form, me?.divisionId]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      createLead({ divisionId: v.divisionId, firmName: v.firmName, sector: v.sector || null, origin: v.origin, sourceOrganisationId: v.sourceOrganisationId ?? null, sourceNote: v.sourceNote || null, note: v.note || null, stage: 'lead' }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      onClose();
      onSaved(saved.id);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <RecordDrawer open={open} title={t('judgingWeb.leads.create')} onClose={onClose} onSave={() => void form.validateFields().then((v) => save.mutate(v))} saving={save.isPending} canSave loading={false} loadError={null} testId="lead-drawer">
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="firmName" label={t('judgingWeb.leads.firm')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]}>
          <DivisionPicker />
        </Form.Item>
        <Form.Item name="sector" label={t('judgingWeb.leads.sector')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="origin" label={t('judgingWeb.leads.origin')} rules={[{ required: true }]}>
          <Select options={enumOptions(t, 'judging.leadOrigins', leadOrigins)} />
        </Form.Item>
        <Form.Item name="sourceOrganisationId" label={t('judgingWeb.leads.source')} extra={t('judgingWeb.leads.sourceHint')}>
          <OrganisationPicker />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('judgingWeb.leads.sourceNote')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('work.common.note')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
