import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Modal, Radio, Select } from 'antd';
import type { Membership, MembershipRole } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addMember, organisationKeys, updateMembership } from '../../api/organisations.ts';
import { personKeys } from '../../api/people.ts';
import { membershipRoles } from '../../api/registry-enums.ts';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, dateField, reportSaveError } from '../../components/form-helpers.ts';
import { OrganisationPicker, PersonPicker } from '../../components/pickers.tsx';

interface Values {
  kind: 'organisation' | 'person';
  memberId: number | null;
  role: MembershipRole;
  since: string | null;
  until: string | null;
}

/** Add a member to `organisationId`, or (with `membership`) change one's role and dates. */
export type MembershipModalTarget = { organisationId: number; kind: 'organisation' | 'person'; membership?: Membership } | null;

export function MembershipModal({ target, onClose }: { target: MembershipModalTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = target?.membership;
  const kind = Form.useWatch('kind', form) ?? target?.kind ?? 'organisation';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(
      editing
        ? { kind: editing.member.kind, memberId: editing.member.id, role: editing.role, since: editing.since, until: editing.until }
        : { kind: target.kind, memberId: null, role: 'member', since: null, until: null },
    );
  }, [target, editing, form]);

  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: organisationKeys.all }), queryClient.invalidateQueries({ queryKey: personKeys.all })]);

  const save = async (values: Values) => {
    if (!target) return;
    setSaving(true);
    try {
      if (editing) {
        const changes = changedFields({ role: editing.role, since: editing.since, until: editing.until }, { role: values.role, since: values.since ?? null, until: values.until ?? null });
        if (Object.keys(changes).length === 0) message.info(t('common.noChanges'));
        else {
          await updateMembership(editing.id, { ...changes, version: editing.version });
          message.success(t('common.saved'));
        }
      } else {
        const member = values.kind === 'organisation' ? { memberOrganisationId: values.memberId! } : { memberPersonId: values.memberId! };
        await addMember(target.organisationId, { ...member, role: values.role, since: values.since ?? null, until: values.until ?? null });
        message.success(t('registry.memberships.added'));
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
      title={editing ? t('registry.memberships.editTitle', { name: editing.member.name }) : t('memberships.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'membership-save' } as Record<string, string>}
      destroyOnHidden
      forceRender
      data-testid="membership-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="kind" label={t('memberships.kind')}>
          <Radio.Group disabled={Boolean(editing)} onChange={() => form.setFieldsValue({ memberId: null })}>
            <Radio value="organisation" data-testid="membership-kind-organisation">{t('memberships.kindOrganisation')}</Radio>
            <Radio value="person" data-testid="membership-kind-person">{t('memberships.kindPerson')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="memberId" label={t('memberships.member')} rules={[{ required: true, message: t('validation.required') }]}>
          {kind === 'organisation' ? (
            <OrganisationPicker disabled={Boolean(editing)} initialLabel={editing?.member.name} exclude={target?.organisationId} data-testid="membership-member" />
          ) : (
            <PersonPicker disabled={Boolean(editing)} initialLabel={editing?.member.name} data-testid="membership-member" />
          )}
        </Form.Item>
        <Form.Item name="role" label={t('memberships.role')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={enumOptions(t, 'membershipRoles', membershipRoles)} data-testid="membership-role" />
        </Form.Item>
        <Form.Item name="since" label={t('memberships.since')} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="until" label={t('memberships.until')} extra={t('registry.memberships.untilHint')} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
