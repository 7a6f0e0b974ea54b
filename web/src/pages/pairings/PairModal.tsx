import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { createPair, pairingKeys, type UnpairedOrganisation } from '../../api/pairings.ts';
import { dateField, textOrNull } from '../../components/form-helpers.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { officeTimeZone } from '../../lib/time.ts';

interface Values {
  partnerOrganisationId: number | null;
  startDate: string | null;
  note?: string;
}

/** Pair an unpaired organisation of a programme with a partner (the server checks the partner's type). */
export function PairModal({ programmeId, organisation, onClose }: { programmeId: number; organisation: UnpairedOrganisation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (values: Values) => {
    if (!organisation) return;
    setSaving(true);
    try {
      await createPair(programmeId, {
        organisationId: organisation.id,
        partnerOrganisationId: values.partnerOrganisationId!,
        ...(values.startDate ? { startDate: values.startDate } : {}),
        note: textOrNull(values.note),
      });
      message.success(t('work.pairings.paired', { name: organisation.name }));
      await queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={organisation !== null}
      title={t('work.pairings.pairTitle', { name: organisation?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'pair-save' }}
      destroyOnHidden
      data-testid="pair-modal"
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ startDate: dayjs().tz(officeTimeZone).format('YYYY-MM-DD') }} onFinish={(values) => void save(values)}>
        <Form.Item name="partnerOrganisationId" label={t('work.pairings.partner')} rules={[{ required: true, message: t('validation.required') }]}>
          <OrganisationPicker data-testid="pair-partner" />
        </Form.Item>
        <Form.Item name="startDate" label={t('work.pairings.startDate')} {...dateField}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('work.common.note')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
