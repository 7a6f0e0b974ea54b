import { useEffect } from 'react';
import { App, Button, Checkbox, Divider, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { venueTypes, type ChecklistCreate, type VenueType } from '@tongxin/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { assessmentKeys, createChecklist } from '../../api/assessments.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { rangeRule } from '../../lib/number-rules.ts';

interface Values {
  title: string;
  divisionId: number;
  venueType: VenueType;
  year: number;
  criteria: Array<{ name: string; maxPoints: number; deduction: boolean }>;
  starThresholds: Array<{ stars: number; minTotal: number }>;
}

/** A yearly checklist: criteria with points (deductions allowed) and the totals that earn each star. */
export function ChecklistDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      divisionId: me?.divisionId ?? undefined,
      year: new Date().getFullYear(),
      criteria: [{ name: '', maxPoints: 10, deduction: false }],
      starThresholds: [
        { stars: 3, minTotal: 60 },
        { stars: 4, minTotal: 75 },
        { stars: 5, minTotal: 90 },
      ],
    });
  }, [open, form, me?.divisionId]);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: ChecklistCreate = {
        ...values,
        criteria: values.criteria.map((c, i) => ({ id: `c${i + 1}`, name: c.name, maxPoints: c.maxPoints, deduction: Boolean(c.deduction) })),
      };
      return createChecklist(body);
    },
    onSuccess: (saved) => {
      message.success(t('work.common.createdNamed', { name: saved.title }));
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <RecordDrawer open={open} title={t('judgingWeb.assessments.createChecklist')} onClose={onClose} onSave={() => void form.validateFields().then((v) => save.mutate(v))} saving={save.isPending} canSave loading={false} loadError={null} testId="checklist-drawer">
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label={t('judgingWeb.assessments.checklist')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Flex gap={12} wrap="wrap">
          <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 180 }}>
            <DivisionPicker />
          </Form.Item>
          <Form.Item name="venueType" label={t('judgingWeb.assessments.venueType')} rules={[{ required: true }]}>
            <Select options={enumOptions(t, 'venueTypes', venueTypes)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="year" label={t('judgingWeb.competitions.year')} rules={[{ required: true }, rangeRule(t, { min: 2000, max: 2100, integer: true })]}>
            <InputNumber />
          </Form.Item>
        </Flex>
        <Divider titlePlacement="start">{t('judgingWeb.assessments.criteria')}</Divider>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('judgingWeb.assessments.criterion')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxPoints']} rules={[{ required: true }, rangeRule(t, { min: 0.5 })]}>
                    <InputNumber prefix={t('judgingWeb.assessments.points')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deduction']} valuePropName="checked">
                    <Checkbox>{t('judgingWeb.assessments.deduction')}</Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', maxPoints: 10, deduction: false })}>
                {t('judgingWeb.assessments.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('judgingWeb.assessments.thresholds')}</Divider>
        <Form.List name="starThresholds">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'stars']} rules={[{ required: true }, rangeRule(t, { min: 1, max: 5, integer: true })]}>
                    <InputNumber suffix="★" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minTotal']} rules={[{ required: true }]}>
                    <InputNumber prefix="≥" style={{ width: 120 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              {fields.length < 5 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ stars: fields.length + 1, minTotal: 0 })}>
                  {t('judgingWeb.assessments.addThreshold')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </RecordDrawer>
  );
}
