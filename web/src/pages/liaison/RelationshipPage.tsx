import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { contactKinds, type Contact, type ContactKind } from '@tongxin/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { addContact, fetchRelationship, liaisonKeys, listContacts } from '../../api/liaison.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { enumOptions } from '../../components/enum-options.ts';
import { dateField, textOrNull } from '../../components/form-helpers.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime, officeTimeZone } from '../../lib/time.ts';

interface ContactValues {
  kind: ContactKind;
  date: string | null;
  note?: string;
}

/** One relationship (交朋友): who, since when, and its contact log with a form to log the next one. */
export function RelationshipPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const [page, setPage] = useState(1);
  const [form] = Form.useForm<ContactValues>();
  const [saving, setSaving] = useState(false);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useQuery({ queryKey: liaisonKeys.detail(id), queryFn: () => fetchRelationship(id), enabled: valid });
  const contacts = useQuery({ queryKey: liaisonKeys.contacts(id, page), queryFn: () => listContacts(id, page), enabled: valid, placeholderData: keepPreviousData });

  if (detail.error) return <LoadFailed error={detail.error} message={messageOf(detail.error, t('common.networkError'))} onRetry={() => void detail.refetch()} />;
  if (detail.isPending || !detail.data) return <PageLoading />;
  const relationship = detail.data;
  const canLog = relationship.allowed.includes('log_contact');

  const save = async (values: ContactValues) => {
    setSaving(true);
    try {
      await addContact(id, { kind: values.kind, date: values.date!, note: textOrNull(values.note) });
      message.success(t('work.liaison.contactAdded'));
      form.resetFields();
      setPage(1);
      await queryClient.invalidateQueries({ queryKey: liaisonKeys.all });
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    { title: t('work.common.date'), dataIndex: 'date', width: 110, render: (date: string) => <span className="tx-numeric">{date}</span> },
    { title: t('work.liaison.kind'), dataIndex: 'kind', width: 90, render: (kind: ContactKind) => <Tag color="cyan">{t(`contactKinds.${kind}`)}</Tag> },
    { title: t('work.common.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
    { title: t('work.liaison.cadre'), key: 'by', width: 160, render: (_: unknown, row: Contact) => <Typography.Text type="secondary">{`${row.createdBy?.name ?? ''} ${formatDateTime(row.createdAt)}`}</Typography.Text> },
  ];

  return (
    <DetailFrame
      listPath="/liaison"
      listTitle={t('work.liaison.listTitle')}
      crumb={relationship.person.name}
      testId="relationship-page"
      title={
        <Space wrap>
          <span data-testid="relationship-title">{`${relationship.cadre.name} ↔ ${relationship.person.name}`}</span>
          {relationship.contactDue && <Tag color="orange">{t('work.liaison.due')}</Tag>}
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('work.liaison.person')}>{relationship.person.name}</Descriptions.Item>
        <Descriptions.Item label={t('work.liaison.organisation')}>{relationship.person.organisationName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.liaison.position')}>{relationship.person.position ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('work.liaison.phone')}>
          <span className="tx-numeric">{relationship.person.phone ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.liaison.cadre')}>{relationship.cadre.name}</Descriptions.Item>
        <Descriptions.Item label={t('work.liaison.since')}>
          <span className="tx-numeric">{relationship.since}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.liaison.lastContact')}>
          <span className="tx-numeric">{relationship.lastContactDate ?? t('work.liaison.never')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('work.common.note')} span={2}>
          {relationship.note ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5}>{t('work.liaison.contactLog')}</Typography.Title>
        {canLog && (
          <Form<ContactValues>
            form={form}
            layout="inline"
            initialValues={{ kind: 'talk', date: dayjs().tz(officeTimeZone).format('YYYY-MM-DD') }}
            onFinish={(values) => void save(values)}
            style={{ marginBottom: 12, rowGap: 8 }}
            data-testid="contact-form"
          >
            <Form.Item name="kind" rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={enumOptions(t, 'contactKinds', contactKinds)} style={{ width: 110 }} data-testid="contact-kind" />
            </Form.Item>
            <Form.Item name="date" rules={[{ required: true, message: t('validation.required') }]} {...dateField}>
              <DatePicker data-testid="contact-date" />
            </Form.Item>
            <Form.Item name="note" rules={[{ max: 2000 }]} style={{ flex: 1, minWidth: 240 }}>
              <Input placeholder={t('work.common.note')} data-testid="contact-note" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="contact-submit">
              {t('work.liaison.addContact')}
            </Button>
          </Form>
        )}
        {contacts.error ? (
          <LoadFailed error={contacts.error} message={messageOf(contacts.error, t('common.networkError'))} onRetry={() => void contacts.refetch()} />
        ) : (
          <Table<Contact>
            data-testid="contact-table"
            rowKey="id"
            size="small"
            loading={contacts.isPending}
            dataSource={contacts.data?.items ?? []}
            columns={columns}
            locale={{ emptyText: <Typography.Text type="secondary">{t('work.liaison.never')}</Typography.Text> }}
            pagination={{ current: page, pageSize: 20, total: contacts.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </div>
    </DetailFrame>
  );
}
