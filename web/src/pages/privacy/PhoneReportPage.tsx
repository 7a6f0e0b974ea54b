import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Table, Typography } from 'antd';
import type { PhoneHolding, PhoneHoldingKind, PhoneReport } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { phoneReport } from '../../api/privacy.ts';
import { formatDateTime } from '../../lib/time.ts';

/** Where each kind of holding opens (users have no page of their own: their list). */
const pathOf: Record<PhoneHoldingKind, (id: number) => string> = {
  person: (id) => `/people/${id}`,
  user: () => '/users',
  organisation_contact: (id) => `/organisations/${id}`,
  resource_contact: (id) => `/resources/${id}`,
  case_submitter: (id) => `/cases/${id}`,
  need_submitter: (id) => `/needs/${id}`,
};

/**
 * 个人信息查询: an administrator answers a resident's "what do you hold about my number?" — the
 * records of the subtree storing it, the number masked, the question itself audited.
 */
export function PhoneReportPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string }>();
  const [report, setReport] = useState<PhoneReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const run = async ({ phone }: { phone: string }) => {
    setLoading(true);
    setError(null);
    try {
      setReport(await phoneReport(phone.trim()));
    } catch (failure) {
      setReport(null);
      if (!applyFieldErrors(form, failure)) setError(messageOf(failure, t('common.networkError')));
    } finally {
      setLoading(false);
    }
  };

  const columns = [
    { title: t('privacy.kind'), dataIndex: 'kind', width: 140, render: (kind: PhoneHoldingKind) => t(`privacy.kinds.${kind}`) },
    { title: t('privacy.record'), dataIndex: 'label', render: (label: string, row: PhoneHolding) => <Link to={pathOf[row.kind](row.id)}>{label}</Link> },
    { title: t('work.common.division'), dataIndex: 'divisionName', width: 140, render: (name: string | null) => name ?? '—' },
    { title: t('privacy.status'), dataIndex: 'status', width: 120, render: (status: string | null) => status ?? '—' },
    { title: t('privacy.since'), dataIndex: 'createdAt', width: 180, render: (at: string | null) => (at ? formatDateTime(at) : '—') },
  ];

  return (
    <Card title={t('privacy.title')} data-testid="phone-report-page">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary">{t('privacy.intro')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={(values) => void run(values)}>
          <Form.Item name="phone" rules={[{ required: true, message: t('validation.required') }]}>
            <Input placeholder={t('privacy.phonePlaceholder')} style={{ width: 220 }} data-testid="phone-report-input" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={loading} data-testid="phone-report-submit">
            {t('privacy.search')}
          </Button>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
        {report && (
          <>
            <Alert
              type="info"
              showIcon
              title={t('privacy.summary', { phone: report.phoneMasked, count: report.holdings.length })}
              description={[
                report.hashedOnly.voteCodes !== null ? t('privacy.voteCodes', { count: report.hashedOnly.voteCodes }) : null,
                report.retentionMonths > 0 ? t('privacy.retention', { months: report.retentionMonths }) : null,
              ]
                .filter(Boolean)
                .join(' ')}
            />
            <Table<PhoneHolding> data-testid="phone-report-table" rowKey={(row) => `${row.kind}:${row.id}`} size="middle" dataSource={report.holdings} columns={columns} pagination={false} />
          </>
        )}
      </Flex>
    </Card>
  );
}
