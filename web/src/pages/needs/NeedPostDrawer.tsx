import { useEffect, useState } from 'react';
import { App, Form, Input, Select, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { createNeed, needKeys } from '../../api/needs.ts';
import { listServiceKinds } from '../../api/resources.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { reportSaveError, textOrNull } from '../../components/form-helpers.ts';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';

interface Values {
  divisionId: number | null;
  title: string;
  description?: string;
  serviceKindIds?: number[];
  wantedBy?: string;
  publish: boolean;
}

/** Post a need for organisations to claim (社区吹哨): what, where, which services, by when. */
export function NeedPostDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kinds = useQuery({ queryKey: ['service-kinds', 'options'], queryFn: () => listServiceKinds(), enabled: open, staleTime: 5 * 60_000 });

  useEffect(() => {
    if (open) form.setFieldsValue({ divisionId: me?.divisionId ?? null, publish: true, serviceKindIds: [] });
  }, [open, form, me?.divisionId]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const created = await createNeed({
        divisionId: values.divisionId!,
        title: values.title.trim(),
        description: textOrNull(values.description),
        serviceKindIds: values.serviceKindIds ?? [],
        wantedBy: values.wantedBy || null,
        publish: values.publish,
      });
      await queryClient.invalidateQueries({ queryKey: needKeys.all });
      onClose();
      onSaved(created.id);
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), async () => undefined);
    } finally {
      setSaving(false);
    }
  };

  return (
    <RecordDrawer open={open} title={t('requestPages.needs.post')} onClose={onClose} onSave={() => form.submit()} saving={saving} canSave loading={false} loadError={null} testId="need-drawer">
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]}>
          <DivisionPicker allowClear={false} data-testid="need-division" />
        </Form.Item>
        <Form.Item name="title" label={t('requestPages.needs.title')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} data-testid="need-title" />
        </Form.Item>
        <Form.Item name="description" label={t('requestPages.cases.content')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="serviceKindIds" label={t('requestPages.needs.services')} extra={t('requestPages.needs.servicesHint')}>
          <Select mode="multiple" loading={kinds.isPending} optionFilterProp="label" options={(kinds.data ?? []).map((kind) => ({ value: kind.id, label: kind.name }))} />
        </Form.Item>
        <Form.Item name="wantedBy" label={t('requestPages.needs.wantedBy')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="publish" label={t('requestPages.needs.publishNow')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
