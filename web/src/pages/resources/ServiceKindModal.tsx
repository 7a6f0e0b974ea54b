import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createServiceKind, serviceKindKeys, updateServiceKind, type ServiceKindWithCount } from '../../api/resources.ts';
import { changedFields, reportSaveError } from '../../components/form-helpers.ts';
import { rangeRule } from '../../lib/number-rules.ts';

interface Values {
  code: string;
  name: string;
  sortOrder: number | null;
}

/** `create`, or the service kind to rename or reorder (its code never changes: imports rely on it). */
export type ServiceKindModalTarget = 'create' | ServiceKindWithCount | null;

export function ServiceKindModal({ target, onClose }: { target: ServiceKindModalTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = target !== null && target !== 'create' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ code: editing.code, name: editing.name, sortOrder: editing.sortOrder });
  }, [target, editing, form]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: serviceKindKeys.all });
  const save = async (values: Values) => {
    setSaving(true);
    try {
      if (editing) {
        const changes = changedFields({ name: editing.name, sortOrder: editing.sortOrder }, { name: values.name.trim(), sortOrder: values.sortOrder ?? editing.sortOrder });
        if (Object.keys(changes).length === 0) message.info(t('common.noChanges'));
        else {
          await updateServiceKind(editing.id, { ...changes, version: editing.version });
          message.success(t('common.saved'));
        }
      } else {
        await createServiceKind({ code: values.code.trim(), name: values.name.trim(), ...(values.sortOrder !== null && values.sortOrder !== undefined ? { sortOrder: values.sortOrder } : {}) });
        message.success(t('registry.common.createdNamed', { name: values.name.trim() }));
      }
      await refresh();
      onClose();
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), refresh);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? t('registry.common.editTitle', { name: editing.name }) : t('registry.serviceKinds.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="code"
          label={t('serviceKinds.code')}
          extra={t('registry.serviceKinds.codeHint')}
          rules={editing ? [] : [{ required: true, message: t('validation.required') }, { pattern: /^[a-z][a-z0-9_]*$/, message: t('validation.code') }, { min: 2 }, { max: 40 }]}
        >
          <Input disabled={Boolean(editing)} data-testid="service-kind-code" />
        </Form.Item>
        <Form.Item name="name" label={t('serviceKinds.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40 }]}>
          <Input data-testid="service-kind-name" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('serviceKinds.sortOrder')} extra={t('registry.serviceKinds.sortHint')} rules={[rangeRule(t, { min: 0, max: 9999, integer: true })]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
