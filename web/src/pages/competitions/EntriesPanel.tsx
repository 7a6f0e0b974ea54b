import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CompetitionDetail, Entry, EntryCreate } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { competitionKeys, createEntry, listEntries, setEntryWithdrawn } from '../../api/competitions.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { ProjectPicker } from '../projects/work-shared.tsx';

interface Values {
  projectId?: number | null;
  title?: string;
  code?: string;
  organisationId?: number | null;
  organisationName?: string;
  summary?: string;
}

/** Add an entry: a project from the project list, or a typed one (title, unit, summary). */
function EntryModal({ competitionId, open, onClose }: { competitionId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [source, setSource] = useState<'typed' | 'project'>('typed');
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: EntryCreate =
        source === 'project'
          ? { projectId: values.projectId ?? null, code: values.code || undefined }
          : { title: values.title, code: values.code || undefined, organisationId: values.organisationId ?? null, organisationName: values.organisationName || null, summary: values.summary || null };
      return createEntry(competitionId, body);
    },
    onSuccess: (entry) => {
      message.success(t('work.common.createdNamed', { name: entry.title }));
      void queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competitionId) });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <Modal
      open={open}
      title={t('judgingWeb.entries.add')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'entry-form-save' }}
      destroyOnHidden
      data-testid="entry-modal"
    >
      <Segmented
        block
        value={source}
        onChange={(value) => setSource(value as 'typed' | 'project')}
        options={[
          { value: 'typed', label: t('judgingWeb.entries.typed') },
          { value: 'project', label: t('judgingWeb.entries.fromProject') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" requiredMark="optional">
        {source === 'project' ? (
          <Form.Item name="projectId" label={t('judgingWeb.entries.project')} rules={[{ required: true }]}>
            <ProjectPicker data-testid="entry-form-project" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="title" label={t('judgingWeb.entries.title')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={120} data-testid="entry-form-title" />
            </Form.Item>
            <Form.Item name="organisationId" label={t('judgingWeb.entries.organisation')} extra={t('judgingWeb.entries.organisationHint')}>
              <OrganisationPicker data-testid="entry-form-organisation" />
            </Form.Item>
            <Form.Item name="organisationName" label={t('judgingWeb.entries.organisationName')}>
              <Input maxLength={100} data-testid="entry-form-organisation-name" />
            </Form.Item>
            <Form.Item name="summary" label={t('judgingWeb.entries.summary')}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="entry-form-summary" />
            </Form.Item>
          </>
        )}
        <Form.Item name="code" label={t('judgingWeb.entries.code')} extra={t('judgingWeb.entries.codeHint')}>
          <Input maxLength={20} style={{ width: 160 }} data-testid="entry-form-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The entries in code order with their review counts; withdrawn ones stay listed, struck out. */
export function EntriesPanel({ competition, manage }: { competition: CompetitionDetail; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const { data, isPending, error, refetch } = useQuery({ queryKey: competitionKeys.entries(competition.id), queryFn: () => listEntries(competition.id) });
  const toggle = useMutation({
    mutationFn: (entry: Entry) => setEntryWithdrawn(competition.id, entry.id, !entry.withdrawn, entry.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) }),
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;

  const columns = [
    { title: t('judgingWeb.entries.code'), dataIndex: 'code', width: 90 },
    { title: t('judgingWeb.entries.title'), dataIndex: 'title', render: (title: string, row: Entry) => (row.withdrawn ? <s>{title}</s> : title) },
    { title: t('judgingWeb.entries.organisation'), dataIndex: 'organisationName', width: 200, render: (name: string | null) => name ?? '—' },
    { title: t('judgingWeb.entries.reviews'), dataIndex: 'reviewCount', width: 90 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, row: Entry) => (
        <Space>
          {row.withdrawn && <Tag>{t('judgingWeb.entries.withdrawn')}</Tag>}
          {manage && (
            <Button size="small" type="link" onClick={() => toggle.mutate(row)}>
              {row.withdrawn ? t('judgingWeb.entries.restore') : t('judgingWeb.entries.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {manage && (
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="entry-add">
            {t('judgingWeb.entries.add')}
          </Button>
        </Flex>
      )}
      <Table<Entry> data-testid="entry-table" rowKey="id" size="small" loading={isPending} dataSource={data ?? []} columns={columns} pagination={false} scroll={{ x: 700 }} />
      <EntryModal competitionId={competition.id} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
