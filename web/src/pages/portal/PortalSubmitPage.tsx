import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Result, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { caseCategories, type CaseCategory } from '@tongxin/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { fetchChallenge, portalKeys, submitToPortal, type PortalDivision, type PortalReceipt } from '../../api/portal.ts';
import { formatDateTime } from '../../lib/time.ts';
import { PortalDivisionPicker } from './PortalDivisionPicker.tsx';
import { PortalFrame } from './PortalFrame.tsx';
import { PortalPhotoPicker } from './PortalPhotoPicker.tsx';
import styles from './portal.module.css';
import { rangeRule } from '../../lib/number-rules.ts';

interface Values {
  category: CaseCategory;
  title: string;
  content: string;
  name?: string;
  phone: string;
  notifyConsent?: boolean;
  wantedBy?: string;
  challengeAnswer: number;
}

/**
 * A key per filled-in form: a double click or a retry after a lost answer sends the same key, and
 * the server gives back the first ticket instead of a second request. `getRandomValues` works on
 * plain http too (randomUUID needs a secure context).
 */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `p-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** 网上诉求: anyone submits a wish, help request, question, idea or opinion and gets a ticket number. */
export function PortalSubmitPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [path, setPath] = useState<PortalDivision[]>([]);
  const [round, setRound] = useState(0);
  const [key, setKey] = useState(newIdempotencyKey);
  const [receipt, setReceipt] = useState<(PortalReceipt & { phoneLast4: string }) | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const challenge = useQuery({ queryKey: portalKeys.challenge(round), queryFn: fetchChallenge, staleTime: Infinity, gcTime: 0 });
  const category = Form.useWatch('category', form);
  const division = path.at(-1);

  const nextChallenge = () => {
    form.setFieldValue('challengeAnswer', undefined);
    setRound((n) => n + 1);
  };
  const submit = useMutation({
    mutationFn: (values: Values) =>
      submitToPortal({
        category: values.category,
        divisionId: division!.id,
        title: values.title,
        content: values.content,
        ...(values.name ? { name: values.name } : {}),
        phone: values.phone,
        notifyConsent: values.notifyConsent === true,
        ...(values.category === 'wish' && values.wantedBy ? { wantedBy: values.wantedBy } : {}),
        challengeToken: challenge.data!.token,
        challengeAnswer: values.challengeAnswer,
        idempotencyKey: key,
      }),
    // The last four digits prove the ticket when photos are added after it.
    onSuccess: (answer, values) => setReceipt({ ...answer, phoneLast4: values.phone.slice(-4) }),
    onError: (error) => {
      // A wrong or used answer spends the question: show a new one.
      if (error instanceof ApiError && error.fields.some((field) => field.path.startsWith('body.challenge'))) nextChallenge();
      if (!applyFieldErrors(form, error)) setFailure(messageOf(error, t('common.networkError')));
    },
  });

  const again = () => {
    form.resetFields();
    setReceipt(null);
    setKey(newIdempotencyKey());
    nextChallenge();
  };

  if (receipt) {
    return (
      <PortalFrame testId="portal-page">
        <div className={styles.panel}>
          <Result
            status="success"
            title={t('requestPages.portal.submitted')}
            subTitle={t('requestPages.portal.keepTicket')}
            extra={
              <Space direction="vertical" size={12}>
                <Typography.Text copyable className={styles.ticket} data-testid="portal-ticket">
                  {receipt.ticketNo}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t(`requests.categories.${receipt.category}`)} · {formatDateTime(receipt.submittedAt)}
                </Typography.Text>
                <Space wrap>
                  <Link to={`/portal/track?ticket=${encodeURIComponent(receipt.ticketNo)}`} data-testid="portal-track-link">
                    <Button type="primary">{t('requestPages.portal.trackThis')}</Button>
                  </Link>
                  <Button onClick={again}>{t('requestPages.portal.submitAnother')}</Button>
                </Space>
              </Space>
            }
          />
        </div>
        <PortalPhotoPicker ticketNo={receipt.ticketNo} phoneLast4={receipt.phoneLast4} />
      </PortalFrame>
    );
  }

  return (
    <PortalFrame testId="portal-page">
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ category: 'wish' }}
        onValuesChange={() => setFailure(null)}
        onFinish={(values) => {
          if (!division) {
            setFailure(t('requestPages.portal.divisionRequired'));
            return;
          }
          if (!submit.isPending) submit.mutate(values);
        }}
        data-testid="portal-form"
      >
        <div className={styles.panel}>
          <Form.Item name="category" label={t('requestPages.portal.category')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="portal-category">
              {caseCategories.map((value) => (
                <Radio.Button key={value} value={value} data-testid={`portal-category-${value}`}>
                  {t(`requests.categories.${value}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('requestPages.portal.division')} required>
            <PortalDivisionPicker value={path} onChange={setPath} />
          </Form.Item>
        </div>
        <div className={styles.panel}>
          <Form.Item name="title" label={t('requestPages.portal.titleField')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input data-testid="portal-title" maxLength={60} />
          </Form.Item>
          <Form.Item name="content" label={t('requestPages.portal.content')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea data-testid="portal-content" rows={5} maxLength={2000} showCount />
          </Form.Item>
          {category === 'wish' && (
            <Form.Item name="wantedBy" label={t('requestPages.portal.wantedBy')}>
              <Input type="date" data-testid="portal-wanted-by" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('requestPages.portal.name')} rules={[{ max: 40 }]}>
            <Input data-testid="portal-name" maxLength={40} autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t('requestPages.portal.phone')} extra={t('requestPages.portal.phoneHint')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('validation.mobile') }]}>
            <Input data-testid="portal-phone" inputMode="tel" maxLength={11} autoComplete="tel" />
          </Form.Item>
          <Form.Item name="notifyConsent" valuePropName="checked">
            <Checkbox data-testid="portal-notify-consent">{t('messaging.consent')}</Checkbox>
          </Form.Item>
        </div>
        <div className={styles.panel}>
          <Form.Item label={t('requestPages.portal.check')} required>
            <Space wrap>
              <Typography.Text strong data-testid="portal-challenge-question">
                {challenge.data?.question ?? '…'}
              </Typography.Text>
              <Form.Item name="challengeAnswer" noStyle rules={[{ required: true, message: t('requestPages.portal.checkRequired') }, rangeRule(t, { integer: true })]}>
                <InputNumber data-testid="portal-challenge-answer" inputMode="numeric" style={{ width: 110 }} />
              </Form.Item>
              <Button icon={<ReloadOutlined />} onClick={nextChallenge} data-testid="portal-challenge-new" aria-label={t('requestPages.portal.newCheck')} />
            </Space>
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="portal-error" />}
          <Button type="primary" htmlType="submit" block loading={submit.isPending} disabled={!challenge.data} data-testid="portal-submit">
            {t('requestPages.portal.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('requestPages.portal.privacy')}
          </Typography.Paragraph>
        </div>
      </Form>
    </PortalFrame>
  );
}
