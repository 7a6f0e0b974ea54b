import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { satisfactionLevels } from '@tongxin/core/sla/dispatch-states';
import type { CaseDetail, CaseTransition } from '@tongxin/core';
import type { DispatchState } from '@tongxin/core/sla/index';
import { useTranslation } from 'react-i18next';
import { transitionCase } from '../../api/cases.ts';
import { enumOptions } from '../../components/enum-options.ts';
import { reportSaveError } from '../../components/form-helpers.ts';
import { isDestructiveAction } from '../../lib/destructive.ts';
import { actionOf, noteRequired, parseUnit, UnitPicker } from './case-shared.tsx';

interface Values {
  unit?: string;
  assistUnits?: string[];
  reply?: string;
  satisfaction?: (typeof satisfactionLevels)[number];
  solved?: boolean;
  unitAtFault?: boolean;
  note?: string;
  public?: boolean;
}

/** One step of the dispatch route: what it records (unit, reply, satisfaction), a note, and whether the note is public. */
export function CaseStepModal({ record, to, onClose, onDone }: { record: CaseDetail; to: DispatchState | null; onClose: () => void; onDone: (next: CaseDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const satisfaction = Form.useWatch('satisfaction', form);
  useEffect(() => {
    // No answer is chosen for the caller: a pre-filled "satisfied"/"solved" would be saved whenever
    // the worker did not change it, and the satisfaction and solve rates are judged by these answers.
    if (to) form.setFieldsValue({ note: '', public: false, solved: undefined, unitAtFault: false, satisfaction: undefined });
  }, [to, form]);
  if (!to) return null;
  const action = actionOf(record.state, to);
  const needsNote = noteRequired(record.state, to);

  const save = async (values: Values) => {
    setSaving(true);
    const common = { note: values.note?.trim() || undefined, public: values.public ?? false, version: record.version };
    let input: CaseTransition;
    if (to === 'dispatched') {
      input = { to, unit: parseUnit(values.unit)!, assistUnits: (values.assistUnits ?? []).flatMap((one) => parseUnit(one) ?? []), ...common };
    } else if (to === 'replied') {
      input = { to, reply: values.reply!.trim(), ...common };
    } else if (to === 'followed_up') {
      input = { to, satisfaction: values.satisfaction!, solved: values.solved!, unitAtFault: values.satisfaction === 'not_satisfied' && Boolean(values.unitAtFault), ...common };
    } else {
      input = { to, ...common } as CaseTransition;
    }
    try {
      const next = await transitionCase(record.id, input);
      message.success(t('requestPages.common.stepDone', { action: t(`requests.actions.${action}`) }));
      onDone(next);
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), async () => onClose());
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(`requests.actions.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, danger: isDestructiveAction(action), 'data-testid': 'case-step-ok' } as ButtonProps}
      destroyOnHidden
      data-testid="case-step-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        {to === 'dispatched' && (
          <>
            <Form.Item name="unit" label={t('requestPages.cases.leadUnit')} rules={[{ required: true }]}>
              <UnitPicker testId="case-step-unit" />
            </Form.Item>
            <Form.Item name="assistUnits" label={t('requestPages.cases.assistUnits')}>
              <AssistUnits />
            </Form.Item>
          </>
        )}
        {to === 'replied' && (
          <Form.Item name="reply" label={t('requestPages.cases.reply')} extra={t('requestPages.cases.replyHint')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
            <Input.TextArea data-testid="case-step-reply" rows={5} maxLength={4000} />
          </Form.Item>
        )}
        {to === 'followed_up' && (
          <>
            <Form.Item name="satisfaction" label={t('requestPages.cases.satisfaction')} rules={[{ required: true }]}>
              <Radio.Group data-testid="case-step-satisfaction" options={enumOptions(t, 'requests.satisfaction', satisfactionLevels)} />
            </Form.Item>
            <Form.Item name="solved" label={t('requestPages.cases.solved')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="case-step-solved"
                options={[
                  { value: true, label: t('requestPages.cases.solvedYes') },
                  { value: false, label: t('requestPages.cases.solvedNo') },
                ]}
              />
            </Form.Item>
            {satisfaction === 'not_satisfied' && (
              <Form.Item name="unitAtFault" valuePropName="checked" extra={t('requestPages.cases.unitAtFaultHint')}>
                <Checkbox data-testid="case-step-fault">{t('requestPages.cases.unitAtFault')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="note" label={needsNote ? t('requestPages.common.reason') : t('requestPages.common.note')} rules={needsNote ? [{ required: true, whitespace: true, message: t('requests.validation.note_required') }] : []}>
          <Input.TextArea data-testid="case-step-note" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="public" valuePropName="checked" extra={t('requestPages.common.publicHint')}>
          <Checkbox data-testid="case-step-public">{t('requestPages.common.publicNote')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Assisting units (协办): any number, each searched like the lead unit. */
function AssistUnits({ value, onChange }: { value?: string[]; onChange?: (value: string[]) => void }) {
  const { t } = useTranslation();
  const list = value ?? [];
  return (
    <>
      {list.map((one, index) => (
        <div key={`${one}-${index}`} style={{ marginBottom: 6 }}>
          <UnitPicker value={one} onChange={(next) => onChange?.(next ? list.map((v, i) => (i === index ? next : v)) : list.filter((_, i) => i !== index))} />
        </div>
      ))}
      {list.length < 10 && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange?.([...list, ''])} data-testid="case-step-assist-add">
          {t('requestPages.cases.addAssist')}
        </Button>
      )}
    </>
  );
}
