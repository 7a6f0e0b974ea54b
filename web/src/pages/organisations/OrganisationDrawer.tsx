import { useEffect } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import type { OrganisationType } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { createOrganisation, fetchOrganisation, organisationKeys, updateOrganisation, type OrganisationInput } from '../../api/organisations.ts';
import { organisationTypes } from '../../api/registry-enums.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, dateField, phoneChange, textOrNull } from '../../components/form-helpers.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { useRecordSave } from '../../components/useRecordSave.ts';

interface Values {
  divisionId: number | null;
  name: string;
  type: OrganisationType;
  parentId: number | null;
  foundedOn: string | null;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  description?: string;
}

/** `create`, or the id of the organisation to edit. */
export type OrganisationDrawerTarget = 'create' | number | null;

export function OrganisationDrawer({ target, onClose, onSaved }: { target: OrganisationDrawerTarget; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { saving, create, update } = useRecordSave(form, { refresh: organisationKeys.all, onClose, onSaved });
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: organisationKeys.detail(editingId ?? 0), queryFn: () => fetchOrganisation(editingId!), enabled: editingId !== null });
  const record = editingId !== null ? detail.data : undefined;
  const canSave = target === 'create' || Boolean(record?.allowed.includes('update'));

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (!record) return;
    form.setFieldsValue({
      divisionId: record.divisionId,
      name: record.name,
      type: record.type,
      parentId: record.parentId,
      foundedOn: record.foundedOn,
      contactName: record.contactName ?? '',
      contactPhone: record.contactPhone ?? '',
      address: record.address ?? '',
      description: record.description ?? '',
    });
  }, [record, form]);

  const save = (values: Values) => {
    const input: OrganisationInput = {
      divisionId: values.divisionId!,
      name: values.name.trim(),
      type: values.type,
      parentId: values.parentId ?? null,
      foundedOn: values.foundedOn ?? null,
      contactName: textOrNull(values.contactName),
      contactPhone: textOrNull(values.contactPhone),
      address: textOrNull(values.address),
      description: textOrNull(values.description),
    };
    if (target === 'create') {
      void create(() => createOrganisation(input), (created) => t('registry.common.createdNamed', { name: created.name }));
    } else if (record) {
      const { contactPhone, ...rest } = input;
      const before = { divisionId: record.divisionId, name: record.name, type: record.type, parentId: record.parentId, foundedOn: record.foundedOn, contactName: record.contactName, address: record.address, description: record.description };
      const changes: Partial<OrganisationInput> = changedFields(before, rest);
      const phone = phoneChange(record.contactPhone, contactPhone);
      if (phone !== undefined && phone !== record.contactPhone) changes.contactPhone = phone;
      void update(changes, (changed) => updateOrganisation(record.id, { ...changed, version: record.version }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer
      open={target !== null}
      title={target === 'create' ? t('registry.organisations.createTitle') : t('registry.common.editTitle', { name: record?.name ?? '' })}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave={canSave}
      loading={editingId !== null && detail.isPending}
      loadError={editingId !== null ? detail.error : null}
      testId="organisation-drawer"
    >
      <Form<Values> form={form} layout="vertical" disabled={!canSave} onFinish={(values) => void save(values)}>
        <Form.Item name="name" label={t('organisations.name')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input data-testid="organisation-form-name" />
        </Form.Item>
        <Form.Item name="type" label={t('organisations.type')} rules={[required]}>
          <Select options={enumOptions(t, 'organisationTypes', organisationTypes)} data-testid="organisation-form-type" />
        </Form.Item>
        <Form.Item name="divisionId" label={t('organisations.division')} rules={[required]}>
          <DivisionPicker allowClear={false} data-testid="organisation-form-division" />
        </Form.Item>
        <Form.Item name="parentId" label={t('organisations.parent')} extra={t('registry.organisations.parentHint')}>
          <OrganisationPicker initialLabel={record?.parentName ?? null} exclude={record?.id} data-testid="organisation-form-parent" />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('organisations.foundedOn')} {...dateField}>
          <DatePicker style={{ width: '100%' }} data-testid="organisation-form-founded" />
        </Form.Item>
        <Form.Item name="contactName" label={t('organisations.contactName')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('organisations.contactPhone')} extra={record?.contactPhone ? t('registry.common.maskedPhoneHint') : undefined}>
          <Input inputMode="tel" maxLength={40} className="tx-numeric" data-testid="organisation-form-phone" />
        </Form.Item>
        <Form.Item name="address" label={t('organisations.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('organisations.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} showCount maxLength={2000} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
