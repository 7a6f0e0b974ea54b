import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography, type InputRef } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { fetchMe, meKey, signIn, useInstanceFacts, useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { messageOf } from '../../api/form-errors.ts';
import { safeNext } from '../../app/session.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { BrandMark } from '../../components/BrandMark.tsx';
import styles from './sign-in.module.css';

interface Credentials {
  username: string;
  password: string;
}

/** The demo account printed by the server when it loads the demo data set; offered only while that set is loaded. */
const demoAccount = { username: 'admin', password: 'Tongxin2026' };

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const { data: instance } = useInstanceFacts();
  const [form] = Form.useForm<Credentials>();
  const passwordRef = useRef<InputRef>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lock, setLock] = useState<{ username: string; until: number } | null>(null);
  const typedUsername = Form.useWatch('username', form);
  const next = safeNext(params.get('next'));

  // After a rate-limit answer the button stays disabled for that user name until the server would
  // accept a try; a colleague typing their own name at the same desk is not held back by the page.
  useEffect(() => {
    if (lock === null) return;
    const timer = window.setTimeout(() => setLock(null), Math.max(0, lock.until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [lock]);
  const locked = lock !== null && (typedUsername ?? '').trim() === lock.username;

  if (me) return <Navigate to={next} replace />;

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(values.username.trim(), values.password);
      queryClient.setQueryData(meKey, await fetchMe());
      navigate(next, { replace: true });
    } catch (caught) {
      setError(messageOf(caught, t('common.networkError')));
      const seconds = caught instanceof ApiError ? Number(caught.details.retryAfterSeconds) : NaN;
      if (Number.isFinite(seconds) && seconds > 0) setLock({ username: values.username.trim(), until: Date.now() + seconds * 1000 });
      // Keep the user name, ask for the password again.
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className={styles.page}>
      <Flex justify="flex-end" className={styles.topBar}>
        <LanguageSwitch />
      </Flex>
      <Flex align="center" justify="center" className={styles.centre}>
        <Card className={styles.card} variant="borderless">
          <Flex vertical align="center" gap={4} className={styles.heading}>
            <BrandMark size={48} />
            <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
              {t('signIn.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </Flex>
          {error && (
            <Alert data-testid="sign-in-error" type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
          )}
          <Form<Credentials> form={form} layout="vertical" size="large" requiredMark={false} onFinish={(values) => void submit(values)}>
            <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, message: t('signIn.usernameRequired') }]}>
              <Input data-testid="sign-in-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
              <Input.Password data-testid="sign-in-password" prefix={<LockOutlined />} autoComplete="current-password" ref={passwordRef} />
            </Form.Item>
            <Button
              data-testid="sign-in-submit"
              type="primary"
              htmlType="submit"
              block
              loading={submitting}
              disabled={locked}
            >
              {t('signIn.submit')}
            </Button>
          </Form>
          {instance?.demoData && (
            <Typography.Paragraph type="secondary" className={styles.demoHint} data-testid="sign-in-demo-hint">
              {t('signIn.demoHint', demoAccount)}
            </Typography.Paragraph>
          )}
        </Card>
      </Flex>
    </div>
  );
}
