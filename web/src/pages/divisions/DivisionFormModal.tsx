import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import type { DivisionLevel } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { createDivision, divisionLevels, updateDivision, type DivisionDetail } from '../../api/divisions.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';

interface Values {
  name: string;
  level: DivisionLevel;
  code?: string;
}

/** Create a child of `parent` (or a top-level division when parent is null), or rename `editing`. */
export type DivisionFormTarget =
  | { mode: 'create'; parent: Pick<DivisionDetail, 'id' | 'name' | 'level'> | null }
  | { mode: 'edit'; division: DivisionDetail };

interface Props {
  target: DivisionFormTarget | null;
  onClose: () => void;
  /** After a save; `conflict` when someone else changed the record first and it must be reloaded. */
  onSaved: (result: { conflict: boolean }) => void;
}

/** Levels a child may take: strictly below its parent (a branch may skip one, e.g. city → town). */
function childLevels(parentLevel: DivisionLevel | null): DivisionLevel[] {
  if (parentLevel === null) return [...divisionLevels];
  return divisionLevels.slice(divisionLevels.indexOf(parentLevel) + 1);
}

export function DivisionFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const levels = target?.mode === 'create' ? childLevels(target.parent?.level ?? null) : [];

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue({ name: target.division.name, code: target.division.code ?? '' });
    else form.setFieldsValue({ level: childLevels(target.parent?.level ?? null)[0] });
  }, [target, form]);

  const save = async (values: Values) => {
    if (!target) return;
    setSaving(true);
    const code = values.code?.trim() ? values.code.trim() : null;
    try {
      if (target.mode === 'create') {
        await createDivision({ parentId: target.parent?.id ?? null, name: values.name, level: values.level, code });
      } else {
        await updateDivision(target.division.id, { name: values.name, code, version: target.division.version });
      }
      message.success(t('common.saved'));
      onSaved({ conflict: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && target.mode === 'edit') {
        // Someone saved first: say so, close, and let the page show their version.
        message.error(error.message);
        onSaved({ conflict: true });
      } else if (!applyFieldErrors(form, error)) {
        message.error(messageOf(error, t('common.networkError')));
      }
    } finally {
      setSaving(false);
    }
  };

  const title =
    target?.mode === 'edit'
      ? t('divisions.editTitle', { name: target.division.name })
      : target?.parent
        ? t('divisions.addChildTitle', { name: target.parent.name })
        : t('divisions.addRoot');

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)} data-testid="division-form">
        <Form.Item name="name" label={t('divisions.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 60 }]}>
          <Input autoFocus maxLength={60} data-testid="division-form-name" />
        </Form.Item>
        {target?.mode === 'create' && (
          <Form.Item name="level" label={t('divisions.level')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={levels.map((level) => ({ value: level, label: t(`levels.${level}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label={t('divisions.code')}
          extra={t('divisions.codeHint')}
          rules={[{ pattern: /^\d{6,12}$/, message: t('validation.division_code') }]}
        >
          <Input inputMode="numeric" maxLength={12} className="tx-numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
