import { useState } from 'react';
import { App, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { organisationTypes, pairingKinds, type OrganisationType, type PairingKind } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { createProgramme, pairingKeys } from '../../api/pairings.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { dateField, textOrNull } from '../../components/form-helpers.ts';
import { officeTimeZone } from '../../lib/time.ts';

interface Values {
  divisionId: number | null;
  title: string;
  kind: PairingKind;
  targetType: OrganisationType | null;
  partnerType: OrganisationType | null;
  startDate: string | null;
  deadline: string | null;
  description?: string;
}

/**
 * A pairing programme says who should be paired: every organisation of the target type in the
 * division's subtree (e.g. every village of a district), with partners of a type, by a deadline.
 */
export function ProgrammeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const required = { required: true, message: t('validation.required') };

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const created = await createProgramme({
        divisionId: values.divisionId!,
        title: values.title.trim(),
        kind: values.kind,
        targetType: values.targetType!,
        partnerType: values.partnerType ?? null,
        ...(values.startDate ? { startDate: values.startDate } : {}),
        deadline: values.deadline!,
        description: textOrNull(values.description),
      });
      message.success(t('work.common.createdNamed', { name: created.title }));
      await queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      onClose();
      void navigate(`/pairings/${created.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('work.pairings.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'programme-save' }}
      destroyOnHidden
      width={560}
      data-testid="programme-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'party_branch_community', startDate: dayjs().tz(officeTimeZone).format('YYYY-MM-DD'), partnerType: null }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="title" label={t('work.pairings.title')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input data-testid="programme-title-input" />
        </Form.Item>
        <Form.Item name="divisionId" label={t('work.common.division')} rules={[required]} extra={t('work.pairings.divisionHint')}>
          <DivisionPicker data-testid="programme-division" />
        </Form.Item>
        <Form.Item name="kind" label={t('work.pairings.kind')} rules={[required]}>
          <Select options={enumOptions(t, 'pairingKinds', pairingKinds)} data-testid="programme-kind" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="targetType" label={t('work.pairings.target')} rules={[required]} style={{ flex: 1 }}>
            <Select options={enumOptions(t, 'organisationTypes', organisationTypes)} data-testid="programme-target" />
          </Form.Item>
          <Form.Item name="partnerType" label={t('work.pairings.partner')} style={{ flex: 1 }}>
            <Select allowClear options={enumOptions(t, 'organisationTypes', organisationTypes)} data-testid="programme-partner" />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="startDate" label={t('work.pairings.startDate')} {...dateField}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="deadline" label={t('work.pairings.deadline')} rules={[required]} {...dateField}>
            <DatePicker data-testid="programme-deadline" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('work.pairings.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
