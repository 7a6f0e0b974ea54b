import { useState } from 'react';
import { App, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { activityKinds, coverageKinds, coverageUnitLevels, organisationTypes, type CoverageKind } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { coverageKeys, createCoverageRule } from '../../api/coverage.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { dateField } from '../../components/form-helpers.ts';

interface Values {
  divisionId: number | null;
  title: string;
  unitLevel: (typeof coverageUnitLevels)[number];
  kind: CoverageKind;
  filterValue?: string | null;
  minCount: number;
  periodStart: string | null;
  deadline: string | null;
  notifyDays: number;
}

/** Declare a rule from closed choices only: a level, a kind, its one filter, a count and dates. */
export function CoverageRuleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const required = { required: true, message: t('validation.required') };

  const save = async (values: Values) => {
    setSaving(true);
    try {
      await createCoverageRule({
        divisionId: values.divisionId!,
        title: values.title.trim(),
        unitLevel: values.unitLevel,
        kind: values.kind,
        filterValue: values.filterValue ?? null,
        minCount: values.minCount,
        periodStart: values.periodStart!,
        deadline: values.deadline!,
        notifyDays: values.notifyDays,
      });
      await queryClient.invalidateQueries({ queryKey: coverageKeys.all });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('insight.coverage.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: saving, 'data-testid': 'coverage-save' }} destroyOnHidden width={560}>
      <Form<Values> form={form} layout="vertical" initialValues={{ unitLevel: 'village', kind: 'liaison_officers', minCount: 1, notifyDays: 14 }} onFinish={(values) => void save(values)}>
        <Form.Item name="title" label={t('insight.coverage.title')} rules={[required, { max: 120 }]}>
          <Input data-testid="coverage-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="divisionId" label={t('insight.coverage.scope')} rules={[required]} style={{ flex: 1 }}>
            <DivisionPicker />
          </Form.Item>
          <Form.Item name="unitLevel" label={t('insight.coverage.level')} rules={[required]} style={{ flex: 1 }}>
            <Select options={enumOptions(t, 'levels', coverageUnitLevels)} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="kind" label={t('insight.coverage.kind')} rules={[required]} style={{ flex: 1 }}>
            <Select options={enumOptions(t, 'insight.coverage.kinds', coverageKinds)} onChange={() => form.setFieldValue('filterValue', null)} />
          </Form.Item>
          {kind === 'organisations' || kind === 'activities' ? (
            <Form.Item name="filterValue" label={t('insight.coverage.filter')} rules={kind === 'organisations' ? [required] : []} style={{ flex: 1 }}>
              <Select allowClear options={kind === 'organisations' ? enumOptions<string>(t, 'organisationTypes', organisationTypes) : enumOptions<string>(t, 'activityKinds', activityKinds)} />
            </Form.Item>
          ) : null}
        </Flex>
        <Flex gap={12}>
          <Form.Item name="minCount" label={t('insight.coverage.minCount')} rules={[required]}>
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="periodStart" label={t('insight.coverage.periodStart')} rules={[required]} {...dateField}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="deadline" label={t('insight.coverage.deadline')} rules={[required]} {...dateField}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="notifyDays" label={t('insight.coverage.notifyDays')}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
