import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import type { BrandField } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { brandKeys, createBrand, fetchBrand, updateBrand, type BrandInput } from '../../api/brands.ts';
import { brandFields } from '../../api/registry-enums.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, textOrNull } from '../../components/form-helpers.ts';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { useRecordSave } from '../../components/useRecordSave.ts';

interface Values {
  divisionId: number | null;
  name: string;
  field: BrandField | null;
  description?: string;
}

export type BrandDrawerTarget = 'create' | number | null;

/** A brand (一街镇一品牌、一领域一特色): a division's own, or one for a field of work. */
export function BrandDrawer({ target, onClose, onSaved }: { target: BrandDrawerTarget; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { saving, create, update } = useRecordSave(form, { refresh: brandKeys.all, onClose, onSaved });
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: brandKeys.detail(editingId ?? 0), queryFn: () => fetchBrand(editingId!), enabled: editingId !== null });
  const record = editingId !== null ? detail.data : undefined;
  const canSave = target === 'create' || Boolean(record?.allowed.includes('update'));

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null, field: null });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (record) form.setFieldsValue({ divisionId: record.divisionId, name: record.name, field: record.field, description: record.description ?? '' });
  }, [record, form]);

  const save = (values: Values) => {
    const input: BrandInput = { divisionId: values.divisionId!, name: values.name.trim(), field: values.field ?? null, description: textOrNull(values.description) };
    if (target === 'create') {
      void create(() => createBrand(input), (created) => t('registry.common.createdNamed', { name: created.name }));
    } else if (record) {
      const changes = changedFields({ divisionId: record.divisionId, name: record.name, field: record.field, description: record.description }, input);
      void update(changes, (changed) => updateBrand(record.id, { ...changed, version: record.version }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer
      open={target !== null}
      title={target === 'create' ? t('registry.brands.createTitle') : t('registry.common.editTitle', { name: record?.name ?? '' })}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave={canSave}
      loading={editingId !== null && detail.isPending}
      loadError={editingId !== null ? detail.error : null}
      testId="brand-drawer"
    >
      <Form<Values> form={form} layout="vertical" disabled={!canSave} onFinish={(values) => void save(values)}>
        <Form.Item name="name" label={t('brands.name')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 60 }]}>
          <Input data-testid="brand-form-name" />
        </Form.Item>
        <Form.Item name="divisionId" label={t('registry.common.division')} rules={[required]}>
          <DivisionPicker allowClear={false} data-testid="brand-form-division" />
        </Form.Item>
        <Form.Item name="field" label={t('brands.field')} extra={t('registry.brands.fieldHint')}>
          <Select allowClear placeholder={t('brandFields.none')} options={enumOptions(t, 'brandFields', brandFields)} data-testid="brand-form-field" />
        </Form.Item>
        <Form.Item name="description" label={t('brands.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} showCount maxLength={2000} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
