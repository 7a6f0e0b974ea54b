import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { createRelationship, liaisonKeys } from '../../api/liaison.ts';
import { dateField, textOrNull } from '../../components/form-helpers.ts';
import { PersonPicker } from '../../components/pickers.tsx';
import { officeTimeZone } from '../../lib/time.ts';

interface Values {
  personId: number | null;
  since: string | null;
  note?: string;
}

/** 交朋友: the signed-in cadre starts a relationship with a representative of the subtree. */
export function NewRelationshipModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const created = await createRelationship({ personId: values.personId!, ...(values.since ? { since: values.since } : {}), note: textOrNull(values.note) });
      message.success(t('work.liaison.relationshipCreated'));
      await queryClient.invalidateQueries({ queryKey: liaisonKeys.all });
      onClose();
      void navigate(`/liaison/${created.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('work.liaison.newRelationship')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'relationship-save' }}
      destroyOnHidden
      data-testid="relationship-modal"
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ since: dayjs().tz(officeTimeZone).format('YYYY-MM-DD') }} onFinish={(values) => void save(values)}>
        <Form.Item name="personId" label={t('work.liaison.person')} rules={[{ required: true, message: t('validation.required') }]}>
          <PersonPicker data-testid="relationship-person" />
        </Form.Item>
        <Form.Item name="since" label={t('work.liaison.since')} {...dateField}>
          <DatePicker data-testid="relationship-since" />
        </Form.Item>
        <Form.Item name="note" label={t('work.common.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
