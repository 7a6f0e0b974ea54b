import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Spin } from 'antd';
import type { Role } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { createUser, fetchUser, updateUser, userKeys, type UserDetail } from '../../api/users.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { roleOptions } from './role-options.ts';

interface Values {
  username: string;
  displayName: string;
  divisionId: number | null;
  roles: Role[];
  phone?: string;
  password: string;
}

type Editable = Pick<UserDetail, 'displayName' | 'divisionId' | 'roles' | 'phone'>;

/**
 * Only what was changed is sent: the server ends a user's sessions whenever `divisionId` or `roles`
 * appear in an update, and an unchanged name should not sign a colleague out.
 */
function changedFields(before: Editable, after: Editable): Partial<Editable> {
  const changes: Partial<Editable> = {};
  if (after.displayName !== before.displayName) changes.displayName = after.displayName;
  if (after.divisionId !== before.divisionId) changes.divisionId = after.divisionId;
  if ([...after.roles].sort().join() !== [...before.roles].sort().join()) changes.roles = after.roles;
  if (after.phone !== before.phone) changes.phone = after.phone;
  return changes;
}

/** `create` for a new user, or the id of the user to edit. */
export type UserDrawerTarget = 'create' | number | null;

export function UserDrawer({ target, onClose }: { target: UserDrawerTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: userKeys.detail(editingId ?? 0), queryFn: () => fetchUser(editingId!), enabled: editingId !== null });
  const user = editingId !== null ? detail.data : undefined;
  const canEdit = target === 'create' || Boolean(user?.allowed.includes('update'));

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    // Sensible defaults for a new colleague: the admin's own division, the everyday role.
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null, roles: ['staff'] });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (user) form.setFieldsValue({ username: user.username, displayName: user.displayName, divisionId: user.divisionId, roles: user.roles, phone: user.phone ?? '' });
  }, [user, form]);

  const save = async (values: Values) => {
    setSaving(true);
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    const fields = { displayName: values.displayName, divisionId: values.divisionId ?? null, roles: values.roles, phone };
    try {
      if (target === 'create') {
        await createUser({ ...fields, username: values.username.trim(), password: values.password });
        message.success(t('users.created', { name: values.displayName }));
      } else if (user) {
        const changes = changedFields(user, fields);
        if (Object.keys(changes).length === 0) {
          message.info(t('common.noChanges'));
        } else {
          await updateUser(user.id, { ...changes, version: user.version });
          message.success(t('common.saved'));
        }
      }
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && user) {
        message.error(error.message);
        await queryClient.invalidateQueries({ queryKey: userKeys.all });
      } else if (error instanceof ApiError && error.code === 'duplicate' && target === 'create') {
        // The only unique field of a new user is the user name: show the message where it is typed.
        form.setFields([{ name: 'username', errors: [error.message] }]);
      } else if (!applyFieldErrors(form, error)) {
        message.error(messageOf(error, t('common.networkError')));
      }
    } finally {
      setSaving(false);
    }
  };

  const title = target === 'create' ? t('users.createTitle') : t('users.editTitle', { name: user?.displayName ?? '' });
  return (
    <Drawer
      open={target !== null}
      title={title}
      size={480}
      onClose={onClose}
      destroyOnHidden
      data-testid="user-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={!canEdit} onClick={() => form.submit()} data-testid="user-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editingId !== null && detail.error ? (
        <Alert type="error" showIcon title={messageOf(detail.error, t('common.networkError'))} />
      ) : (
        <Spin spinning={editingId !== null && detail.isPending}>
          <Form<Values> form={form} layout="vertical" disabled={!canEdit} onFinish={(values) => void save(values)}>
            <Form.Item
              name="username"
              label={t('users.username')}
              extra={target === 'create' ? t('users.usernameHint') : undefined}
              rules={target === 'create' ? [{ required: true, message: t('validation.required') }, { pattern: /^[a-z0-9][a-z0-9._-]*$/i, message: t('validation.username') }, { min: 3 }, { max: 40 }] : []}
            >
              <Input disabled={target !== 'create'} autoComplete="off" data-testid="user-form-username" />
            </Form.Item>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 40 }]}>
              <Input data-testid="user-form-display-name" />
            </Form.Item>
            <Form.Item name="divisionId" label={t('users.division')} extra={me?.divisionId === null ? t('users.divisionHint') : undefined}>
              <DivisionPicker data-testid="user-form-division" />
            </Form.Item>
            <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select mode="multiple" options={roleOptions(t, me)} data-testid="user-form-roles" />
            </Form.Item>
            <Form.Item name="phone" label={t('users.phone')}>
              <Input inputMode="tel" maxLength={20} className="tx-numeric" />
            </Form.Item>
            {target === 'create' && (
              <Form.Item
                name="password"
                label={t('users.password')}
                extra={t('users.passwordHint')}
                rules={[{ required: true, message: t('validation.required') }, { min: 10, message: t('validation.password_short') }]}
              >
                <PasswordField testId="user-form-password" />
              </Form.Item>
            )}
          </Form>
        </Spin>
      )}
    </Drawer>
  );
}
