import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Select, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { activityKinds, maxAttachmentBytes, type ActivityDetail, type ActivityKind } from '@tongxin/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { activityKeys, createActivity, updateActivity } from '../../api/activities.ts';
import { imageAccept, uploadAttachment } from '../../api/attachments.ts';
import { messageOf } from '../../api/form-errors.ts';
import { enumOptions } from '../../components/enum-options.ts';
import { changedFields, dateField, reportSaveError, textOrNull } from '../../components/form-helpers.ts';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { officeTimeZone } from '../../lib/time.ts';
import { ProjectPicker, VenuePicker } from '../projects/work-shared.tsx';
import { OrganisationsPicker, PeoplePicker } from './ManyRecordsPicker.tsx';
import { rangeRule } from '../../lib/number-rules.ts';

interface Values {
  title: string;
  date: string | null;
  kind: ActivityKind;
  venueId: number | null;
  projectId: number | null;
  organiserIds: number[];
  participantCount: number | null;
  summary?: string;
  minutes?: string;
  attendeePersonIds: number[];
}

const imageTypes = new Set(imageAccept.split(','));

function toValues(activity: ActivityDetail): Values {
  return {
    title: activity.title,
    date: activity.date,
    kind: activity.kind,
    venueId: activity.venue?.id ?? null,
    projectId: activity.project?.id ?? null,
    organiserIds: activity.organisers.map((one) => one.id),
    participantCount: activity.participantCount,
    summary: activity.summary ?? '',
    minutes: activity.minutes ?? '',
    attendeePersonIds: activity.attendees.people.map((one) => one.id),
  };
}

function toInput(values: Values) {
  return {
    title: values.title.trim(),
    date: values.date!,
    kind: values.kind,
    venueId: values.venueId ?? null,
    projectId: values.projectId ?? null,
    organiserIds: values.organiserIds ?? [],
    participantCount: values.participantCount ?? null,
    summary: textOrNull(values.summary),
    minutes: textOrNull(values.minutes),
    attendeePersonIds: values.attendeePersonIds ?? [],
  };
}

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved?: (id: number) => void;
  /** The activity to edit; without it the drawer logs a new one. */
  activity?: ActivityDetail | null;
  /** The kind a new activity starts with (a quarterly meeting is a `seminar`). */
  initialKind?: ActivityKind;
}

/**
 * Log an activity with its photos (the record first, then each photo uploaded to it), or edit one:
 * an edit sends only the fields changed, with the version loaded, and adds any new photos.
 */
export function ActivityDrawer({ open, onClose, onSaved, activity, initialKind = 'event' }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(activity ? toValues(activity) : { date: dayjs().tz(officeTimeZone).format('YYYY-MM-DD'), kind: initialKind, organiserIds: [], attendeePersonIds: [] });
    setPhotos([]);
  }, [open, form, activity, initialKind]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const input = toInput(values);
      const created = activity
        ? await updateActivity(activity.id, { ...changedFields(toInput(toValues(activity)), input), version: activity.version })
        : await createActivity(input);
      for (const photo of photos) {
        if (!photo.originFileObj) continue;
        try {
          await uploadAttachment('activity', created.id, photo.originFileObj, photo.name);
        } catch (error) {
          message.error(t('work.attachments.uploadFailed', { name: photo.name, message: messageOf(error, t('common.networkError')) }));
        }
      }
      message.success(activity ? t('common.saved') : t('work.common.createdNamed', { name: created.title }));
      await queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onSaved?.(created.id);
      onClose();
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), () => queryClient.invalidateQueries({ queryKey: activityKeys.all }));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer open={open} title={activity ? t('work.activities.editTitle') : t('work.activities.createTitle')} onClose={onClose} onSave={() => form.submit()} saving={saving} canSave loading={false} loadError={null} testId="activity-drawer">
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="title" label={t('work.activities.title')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input data-testid="activity-form-title" />
        </Form.Item>
        <Form.Item name="date" label={t('work.activities.date')} rules={[required]} {...dateField}>
          <DatePicker style={{ width: '100%' }} data-testid="activity-form-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('work.activities.kind')} rules={[required]}>
          <Select options={enumOptions(t, 'activityKinds', activityKinds)} data-testid="activity-form-kind" />
        </Form.Item>
        <Form.Item name="venueId" label={t('work.activities.venue')}>
          <VenuePicker initialLabel={activity?.venue?.name ?? null} data-testid="activity-form-venue" />
        </Form.Item>
        <Form.Item name="projectId" label={t('work.activities.project')}>
          <ProjectPicker initialLabel={activity?.project?.name ?? null} data-testid="activity-form-project" />
        </Form.Item>
        <Form.Item name="organiserIds" label={t('work.activities.organisers')}>
          <OrganisationsPicker initialNames={activity?.organisers} data-testid="activity-form-organisers" />
        </Form.Item>
        <Form.Item name="participantCount" label={t('work.activities.participantCount')} rules={[rangeRule(t, { min: 0, max: 1_000_000, integer: true })]}>
          <InputNumber style={{ width: 160 }} data-testid="activity-form-participants" />
        </Form.Item>
        <Form.Item name="summary" label={t('work.activities.summary')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} data-testid="activity-form-summary" />
        </Form.Item>
        <Form.Item name="attendeePersonIds" label={t('work.activities.attendees')}>
          <PeoplePicker initialNames={activity?.attendees.people} data-testid="activity-form-attendees" />
        </Form.Item>
        <Form.Item name="minutes" label={t('work.activities.minutes')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} data-testid="activity-form-minutes" />
        </Form.Item>
        <Form.Item label={t('work.activities.photos')} extra={t('work.activities.photosHint')}>
          <Upload
            listType="picture-card"
            multiple
            accept={imageAccept}
            fileList={photos}
            beforeUpload={(file) => {
              if (!imageTypes.has(file.type) || file.size > maxAttachmentBytes) {
                message.error(t(imageTypes.has(file.type) ? 'work.attachments.tooLarge' : 'work.attachments.wrongType', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setPhotos(fileList)}
            data-testid="activity-form-photos"
          >
            <div>
              <PlusOutlined />
              <div style={{ marginTop: 4 }}>{t('work.attachments.choose')}</div>
            </div>
          </Upload>
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
