import { useEffect } from 'react';
import { Alert, Form, Input } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { createPerson, fetchPerson, personKeys, updatePerson, type PersonInput } from '../../api/people.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { changedFields, phoneChange, textOrNull } from '../../components/form-helpers.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { useRecordSave } from '../../components/useRecordSave.ts';

interface Values {
  divisionId: number | null;
  name: string;
  phone?: string;
  organisationId: number | null;
  position?: string;
}

export type PersonDrawerTarget = 'create' | number | null;

/** A person is a name, a phone, an organisation and a position; nothing more personal is asked. */
export function PersonDrawer({ target, onClose, onSaved }: { target: PersonDrawerTarget; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { saving, create, update } = useRecordSave(form, { refresh: personKeys.all, onClose, onSaved });
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: personKeys.detail(editingId ?? 0), queryFn: () => fetchPerson(editingId!), enabled: editingId !== null });
  const record = editingId !== null ? detail.data : undefined;
  const canSave = target === 'create' || Boolean(record?.allowed.includes('update'));

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (record) form.setFieldsValue({ divisionId: record.divisionId, name: record.name, phone: record.phone ?? '', organisationId: record.organisationId, position: record.position ?? '' });
  }, [record, form]);

  const save = (values: Values) => {
    const input: PersonInput = { divisionId: values.divisionId!, name: values.name.trim(), phone: textOrNull(values.phone), organisationId: values.organisationId ?? null, position: textOrNull(values.position) };
    if (target === 'create') {
      void create(() => createPerson(input), (created) => t('registry.common.createdNamed', { name: created.name }));
    } else if (record) {
      const { phone, ...rest } = input;
      const changes: Partial<PersonInput> = changedFields({ divisionId: record.divisionId, name: record.name, organisationId: record.organisationId, position: record.position }, rest);
      const newPhone = phoneChange(record.phone, phone);
      if (newPhone !== undefined && newPhone !== record.phone) changes.phone = newPhone;
      void update(changes, (changed) => updatePerson(record.id, { ...changed, version: record.version }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer
      open={target !== null}
      title={target === 'create' ? t('registry.people.createTitle') : t('registry.common.editTitle', { name: record?.name ?? '' })}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave={canSave}
      loading={editingId !== null && detail.isPending}
      loadError={editingId !== null ? detail.error : null}
      testId="person-drawer"
    >
      <Alert type="info" showIcon title={t('registry.people.privacyNote')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" disabled={!canSave} onFinish={(values) => void save(values)}>
        <Form.Item name="name" label={t('people.name')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 40 }]}>
          <Input data-testid="person-form-name" />
        </Form.Item>
        <Form.Item name="divisionId" label={t('people.division')} rules={[required]}>
          <DivisionPicker allowClear={false} data-testid="person-form-division" />
        </Form.Item>
        <Form.Item name="phone" label={t('people.phone')} extra={record?.phone ? t('registry.common.maskedPhoneHint') : undefined}>
          <Input inputMode="tel" maxLength={40} className="tx-numeric" data-testid="person-form-phone" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('people.organisation')}>
          <OrganisationPicker initialLabel={record?.organisationName ?? null} data-testid="person-form-organisation" />
        </Form.Item>
        <Form.Item name="position" label={t('people.position')} rules={[{ max: 60 }]}>
          <Input data-testid="person-form-position" />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
