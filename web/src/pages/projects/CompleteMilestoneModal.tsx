import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { maxAttachmentBytes, type Milestone } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { attachmentAccept, uploadAttachment } from '../../api/attachments.ts';
import { messageOf } from '../../api/form-errors.ts';
import { updateMilestone } from '../../api/projects.ts';

interface Props {
  projectId: number;
  /** The milestone to complete, or to add evidence to when it is already completed. */
  milestone: Milestone | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}

/** Close a milestone's loop: what was done (evidence text) and the files that show it. */
export function CompleteMilestoneModal({ projectId, milestone, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ evidence?: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!milestone) return;
    form.setFieldsValue({ evidence: milestone.evidence ?? '' });
    setFiles([]);
  }, [milestone, form]);

  const save = async (values: { evidence?: string }) => {
    if (!milestone) return;
    setSaving(true);
    try {
      const evidence = values.evidence?.trim() || null;
      await updateMilestone(projectId, milestone.id, {
        ...(milestone.completedAt ? {} : { completed: true }),
        evidence,
        version: milestone.version,
      });
      for (const file of files) {
        if (file.originFileObj) await uploadAttachment('milestone', milestone.id, file.originFileObj, file.name);
      }
      message.success(milestone.completedAt ? t('common.saved') : t('work.milestones.completedDone'));
      await onDone();
      onClose();
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
      await onDone();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={milestone !== null}
      title={milestone?.completedAt ? t('work.milestones.evidenceTitle', { title: milestone.title }) : t('work.milestones.completeTitle', { title: milestone?.title ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={milestone?.completedAt ? t('common.save') : t('work.milestones.complete')}
      okButtonProps={{ loading: saving, 'data-testid': 'milestone-complete-ok' }}
      destroyOnHidden
      data-testid="milestone-complete-modal"
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="evidence" label={t('work.milestones.evidence')} extra={t('work.milestones.evidenceHint')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} showCount maxLength={2000} data-testid="milestone-evidence" />
        </Form.Item>
        <Form.Item label={t('work.attachments.files')} extra={t('work.attachments.hint')}>
          <Upload
            multiple
            accept={attachmentAccept}
            fileList={files}
            beforeUpload={(file) => {
              if (file.size > maxAttachmentBytes) {
                message.error(t('work.attachments.tooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />} data-testid="milestone-upload">
              {t('work.attachments.choose')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
