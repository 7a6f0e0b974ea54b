import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import type { ResourceKind } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { resourceKinds } from '../../api/registry-enums.ts';
import { createResource, fetchResource, resourceKeys, serviceKindKeys, updateResource, type ResourceInput } from '../../api/resources.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, phoneChange, textOrNull } from '../../components/form-helpers.ts';
import { OrganisationPicker, PersonPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { useRecordSave } from '../../components/useRecordSave.ts';
import { useServiceKindOptions } from './service-kind-options.ts';

interface Values {
  divisionId: number | null;
  kind: ResourceKind;
  name: string;
  organisationId: number | null;
  personId: number | null;
  contactPhone?: string;
  description?: string;
  serviceKindIds: number[];
}

export type ResourceDrawerTarget = 'create' | number | null;

/** A resource (资源): a person, team, firm or organisation, and the services it offers. */
export function ResourceDrawer({ target, onClose, onSaved }: { target: ResourceDrawerTarget; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const serviceKinds = useServiceKindOptions();
  const [form] = Form.useForm<Values>();
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: resourceKeys.detail(editingId ?? 0), queryFn: () => fetchResource(editingId!), enabled: editingId !== null });
  const record = editingId !== null ? detail.data : undefined;
  const canSave = target === 'create' || Boolean(record?.allowed.includes('update'));

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null, kind: 'organisation', serviceKindIds: [] });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (!record) return;
    form.setFieldsValue({
      divisionId: record.divisionId,
      kind: record.kind,
      name: record.name,
      organisationId: record.organisation?.id ?? null,
      personId: record.person?.id ?? null,
      contactPhone: record.contactPhone ?? '',
      description: record.description ?? '',
      serviceKindIds: record.services.map((service) => service.id),
    });
  }, [record, form]);

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: resourceKeys.all }), queryClient.invalidateQueries({ queryKey: serviceKindKeys.all })]);
  const { saving, create, update } = useRecordSave(form, { refresh: refresh, onClose, onSaved });

  const save = (values: Values) => {
    const input: ResourceInput = {
      divisionId: values.divisionId!,
      kind: values.kind,
      name: values.name.trim(),
      organisationId: values.organisationId ?? null,
      personId: values.personId ?? null,
      contactPhone: textOrNull(values.contactPhone),
      description: textOrNull(values.description),
      serviceKindIds: values.serviceKindIds ?? [],
    };
    if (target === 'create') {
      void create(() => createResource(input), (created) => t('registry.common.createdNamed', { name: created.name }));
    } else if (record) {
      const { contactPhone, ...rest } = input;
      const before = {
        divisionId: record.divisionId,
        kind: record.kind,
        name: record.name,
        organisationId: record.organisation?.id ?? null,
        personId: record.person?.id ?? null,
        description: record.description,
        serviceKindIds: record.services.map((service) => service.id),
      };
      const changes: Partial<ResourceInput> = changedFields(before, rest);
      const phone = phoneChange(record.contactPhone, contactPhone);
      if (phone !== undefined && phone !== record.contactPhone) changes.contactPhone = phone;
      void update(changes, (changed) => updateResource(record.id, { ...changed, version: record.version }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer
      open={target !== null}
      title={target === 'create' ? t('registry.resources.createTitle') : t('registry.common.editTitle', { name: record?.name ?? '' })}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave={canSave}
      loading={editingId !== null && detail.isPending}
      loadError={editingId !== null ? detail.error : null}
      testId="resource-drawer"
    >
      <Form<Values> form={form} layout="vertical" disabled={!canSave} onFinish={(values) => void save(values)}>
        <Form.Item name="name" label={t('resources.name')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input data-testid="resource-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('resources.kind')} rules={[required]}>
          <Select options={enumOptions(t, 'resourceKinds', resourceKinds)} data-testid="resource-form-kind" />
        </Form.Item>
        <Form.Item name="serviceKindIds" label={t('resources.services')}>
          <Select mode="multiple" options={serviceKinds.options} loading={serviceKinds.loading} showSearch={{ optionFilterProp: 'label' }} data-testid="resource-form-services" />
        </Form.Item>
        <Form.Item name="divisionId" label={t('registry.common.division')} rules={[required]}>
          <DivisionPicker allowClear={false} data-testid="resource-form-division" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('resources.organisation')}>
          <OrganisationPicker initialLabel={record?.organisation?.name ?? null} />
        </Form.Item>
        <Form.Item name="personId" label={t('resources.person')}>
          <PersonPicker initialLabel={record?.person?.name ?? null} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('resources.contactPhone')} extra={record?.contactPhone ? t('registry.common.maskedPhoneHint') : undefined}>
          <Input inputMode="tel" maxLength={40} className="tx-numeric" />
        </Form.Item>
        <Form.Item name="description" label={t('resources.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} showCount maxLength={2000} />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
