import { useEffect, useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { caseCategories, caseChannels, type CaseCategory, type CaseChannel } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { caseKeys, createCase } from '../../api/cases.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { reportSaveError, textOrNull } from '../../components/form-helpers.ts';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';

interface Values {
  divisionId: number | null;
  category: CaseCategory;
  channel: Exclude<CaseChannel, 'portal'>;
  title: string;
  content: string;
  submitterName?: string;
  submitterPhone?: string;
}

/** Register a request taken on the hotline, at a visit or from an organisation (登记). */
export function CaseRegisterDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue({ divisionId: me?.divisionId ?? null, category: 'help', channel: 'hotline' });
  }, [open, form, me?.divisionId]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const created = await createCase({
        divisionId: values.divisionId!,
        category: values.category,
        channel: values.channel,
        title: values.title.trim(),
        content: values.content.trim(),
        submitterName: textOrNull(values.submitterName),
        submitterPhone: textOrNull(values.submitterPhone),
      });
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      message.success(t('requestPages.cases.registered', { ticket: created.ticketNo }));
      onClose();
      onSaved(created.id);
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), async () => undefined);
    } finally {
      setSaving(false);
    }
  };

  return (
    <RecordDrawer
      open={open}
      title={t('requestPages.cases.register')}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave
      loading={false}
      loadError={null}
      testId="case-drawer"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]}>
          <DivisionPicker data-testid="case-division" allowClear={false} />
        </Form.Item>
        <Form.Item name="category" label={t('requestPages.cases.category')} rules={[{ required: true }]}>
          <Select data-testid="case-category" options={enumOptions(t, 'requests.categories', caseCategories)} />
        </Form.Item>
        <Form.Item name="channel" label={t('requestPages.cases.channel')} rules={[{ required: true }]}>
          <Select data-testid="case-channel" options={enumOptions(t, 'requests.channels', caseChannels.filter((one) => one !== 'portal'))} />
        </Form.Item>
        <Form.Item name="title" label={t('requestPages.cases.title')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input data-testid="case-title" maxLength={60} />
        </Form.Item>
        <Form.Item name="content" label={t('requestPages.cases.content')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea data-testid="case-content" rows={5} maxLength={4000} />
        </Form.Item>
        <Form.Item name="submitterName" label={t('requestPages.cases.submitterName')}>
          <Input data-testid="case-submitter-name" maxLength={40} />
        </Form.Item>
        <Form.Item name="submitterPhone" label={t('requestPages.cases.submitterPhone')}>
          <Input data-testid="case-submitter-phone" maxLength={40} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
