import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { Milestone, ProjectDetail } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { attachmentContentUrl } from '../../api/attachments.ts';
import { messageOf } from '../../api/form-errors.ts';
import { addMilestone, updateMilestone } from '../../api/projects.ts';
import { dateField } from '../../components/form-helpers.ts';
import { formatDateTime } from '../../lib/time.ts';
import { CompleteMilestoneModal } from './CompleteMilestoneModal.tsx';
import { OverdueTag } from './work-shared.tsx';

/** The milestones of a project: due dates, overdue and unevidenced flags, completion with evidence. */
export function MilestoneList({ project, onChanged }: { project: ProjectDetail; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; dueDate: string | null }>();
  const [completing, setCompleting] = useState<Milestone | null>(null);
  const [adding, setAdding] = useState(false);
  const canWrite = project.allowed.includes('update');

  const add = async (values: { title: string; dueDate: string | null }) => {
    setAdding(true);
    try {
      await addMilestone(project.id, { title: values.title.trim(), dueDate: values.dueDate! });
      form.resetFields();
      await onChanged();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    } finally {
      setAdding(false);
    }
  };

  const reopen = async (milestone: Milestone) => {
    try {
      await updateMilestone(project.id, milestone.id, { completed: false, version: milestone.version });
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    }
    await onChanged();
  };

  const columns = [
    { title: t('work.milestones.title'), dataIndex: 'title', render: (title: string, row: Milestone) => <span data-testid={`milestone-title-${row.id}`}>{title}</span> },
    { title: t('work.milestones.dueDate'), dataIndex: 'dueDate', width: 120, render: (date: string) => <span className="tx-numeric">{date}</span> },
    {
      title: t('work.milestones.state'),
      key: 'state',
      width: 220,
      render: (_: unknown, row: Milestone) => (
        <Space size={4} wrap data-testid={`milestone-state-${row.id}`}>
          {row.completedAt ? <Tag color="green">{t('work.milestones.completedAt', { at: formatDateTime(row.completedAt) })}</Tag> : <Tag>{t('work.milestones.open')}</Tag>}
          {row.overdue && <OverdueTag testId={`milestone-overdue-${row.id}`} />}
          {row.unevidenced && (
            <Tag color="orange" data-testid={`milestone-unevidenced-${row.id}`}>
              {t('work.milestones.unevidenced')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('work.milestones.evidence'),
      key: 'evidence',
      render: (_: unknown, row: Milestone) => (
        <Flex vertical gap={2}>
          {row.evidence && <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }} data-testid={`milestone-evidence-${row.id}`}>{row.evidence}</Typography.Paragraph>}
          {row.attachments.map((file) => (
            <a key={file.id} href={attachmentContentUrl(file.id)} target="_blank" rel="noreferrer" data-testid={`milestone-file-${file.id}`}>
              <PaperClipOutlined /> {file.fileName}
            </a>
          ))}
          {row.completedBy && <Typography.Text type="secondary">{row.completedBy.name}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, row: Milestone) =>
        canWrite ? (
          <Space size={0}>
            {row.completedAt ? (
              <>
                <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => setCompleting(row)} data-testid={`milestone-evidence-edit-${row.id}`}>
                  {t('work.milestones.addEvidence')}
                </Button>
                <Button type="link" size="small" onClick={() => void reopen(row)}>
                  {t('work.milestones.reopen')}
                </Button>
              </>
            ) : (
              <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => setCompleting(row)} data-testid={`milestone-complete-${row.id}`}>
                {t('work.milestones.complete')}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Table<Milestone>
        data-testid="milestone-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={project.milestones}
        columns={columns}
        rowClassName={(row) => (row.overdue ? 'tx-row-overdue' : '')}
        locale={{ emptyText: <Typography.Text type="secondary">{t('work.milestones.none')}</Typography.Text> }}
      />
      {canWrite && (
        <Form form={form} layout="inline" onFinish={(values) => void add(values)} data-testid="milestone-add-form">
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
            <Input placeholder={t('work.milestones.title')} style={{ width: 260 }} data-testid="milestone-add-title" />
          </Form.Item>
          <Form.Item name="dueDate" rules={[{ required: true, message: t('validation.required') }]} {...dateField}>
            <DatePicker placeholder={t('work.milestones.dueDate')} data-testid="milestone-add-due" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={adding} data-testid="milestone-add-submit">
            {t('work.milestones.add')}
          </Button>
        </Form>
      )}
      <CompleteMilestoneModal projectId={project.id} milestone={completing} onClose={() => setCompleting(null)} onDone={onChanged} />
    </Flex>
  );
}
