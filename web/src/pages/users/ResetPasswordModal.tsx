import { useEffect, useState } from 'react';
import { App, Form, Modal, Typography } from 'antd';
import type { User } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { resetPassword } from '../../api/users.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { generatePassword } from '../../lib/password.ts';

/** Set a new password for someone who forgot theirs; the server ends their sessions. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    // Start with a strong password filled in: most resets want exactly that.
    if (user) form.setFieldsValue({ password: generatePassword() });
  }, [user, form]);

  const save = async ({ password }: { password: string }) => {
    if (!user) return;
    setSaving(true);
    try {
      await resetPassword(user.id, password);
      message.success(t('users.passwordReset'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('users.resetPassword')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[{ required: true, message: t('validation.required') }, { min: 10, message: t('validation.password_short') }]}
        >
          <PasswordField testId="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
