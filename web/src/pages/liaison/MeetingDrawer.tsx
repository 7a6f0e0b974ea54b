import { useEffect, useState } from 'react';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '@tongxin/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createMeeting, fetchMeeting, meetingKeys, updateMeeting } from '../../api/liaison-meetings.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { dateField, reportSaveError, textOrNull } from '../../components/form-helpers.ts';
import { PersonPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';

/** `'create'`, the id of a meeting to edit, or null when closed. */
export type MeetingDrawerTarget = 'create' | number | null;

interface Values {
  divisionId: number | null;
  title: string;
  heldOn: string | null;
  place?: string;
  minutes?: string;
  attendees: { personId: number | null; attended: boolean; name?: string }[];
}

function toValues(meeting: MeetingDetail): Values {
  return {
    divisionId: meeting.divisionId,
    title: meeting.title,
    heldOn: meeting.heldOn,
    place: meeting.place ?? '',
    minutes: meeting.minutes ?? '',
    attendees: meeting.attendees.map((a) => ({ personId: a.id, attended: a.attended, name: a.name })),
  };
}

/** 季度座谈会: record a meeting, who was invited (each with "came"), and the minutes. */
export function MeetingDrawer({ target, onClose }: { target: MeetingDrawerTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editId = typeof target === 'number' ? target : null;
  const existing = useQuery({ queryKey: meetingKeys.detail(editId ?? 0), queryFn: () => fetchMeeting(editId!), enabled: editId !== null });

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const attendees = values.attendees.filter((a) => a.personId).map((a) => ({ personId: a.personId!, attended: Boolean(a.attended) }));
    setSaving(true);
    try {
      const common = { title: values.title.trim(), heldOn: values.heldOn!, place: textOrNull(values.place), minutes: textOrNull(values.minutes), attendees };
      if (editId !== null && existing.data) await updateMeeting(editId, { ...common, version: existing.data.version });
      else await createMeeting({ ...common, divisionId: values.divisionId! });
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      onClose();
    } catch (error) {
      await reportSaveError(error, form, (text) => message.error(text), t('common.networkError'), () => existing.refetch());
    } finally {
      setSaving(false);
    }
  };

  return (
    <RecordDrawer
      open={target !== null}
      title={editId === null ? t('work.meetings.create') : t('work.meetings.edit')}
      onClose={onClose}
      onSave={() => void save()}
      saving={saving}
      canSave={editId === null || Boolean(existing.data?.allowed.includes('update'))}
      loading={editId !== null && existing.isPending}
      loadError={existing.error}
      testId="meeting-drawer"
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ attendees: [] }}>
        {editId === null && (
          <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true, message: t('validation.required') }]}>
            <DivisionPicker data-testid="meeting-division" />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('work.meetings.title')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 120 }]}>
          <Input data-testid="meeting-title" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="heldOn" label={t('work.meetings.heldOn')} rules={[{ required: true, message: t('validation.required') }]} {...dateField}>
            <DatePicker data-testid="meeting-date" />
          </Form.Item>
          <Form.Item name="place" label={t('work.meetings.place')} rules={[{ max: 120 }]} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </Flex>
        <div className="ant-form-item-label">
          <label>{t('work.meetings.attendees')}</label>
        </div>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="meeting-attendees">
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="center">
                  <Form.Item name={[field.name, 'personId']} noStyle rules={[{ required: true, message: t('validation.required') }]}>
                    <PersonPicker initialLabel={form.getFieldValue(['attendees', field.name, 'name']) as string | undefined} style={{ flex: 1 }} data-testid={`attendee-${field.name}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'attended']} valuePropName="checked" noStyle>
                    <Checkbox data-testid={`attended-${field.name}`}>{t('work.meetings.attended')}</Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ personId: null, attended: true })} data-testid="attendee-add">
                {t('work.meetings.addAttendee')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="minutes" label={t('work.meetings.minutes')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={6} data-testid="meeting-minutes" />
        </Form.Item>
      </Form>
    </RecordDrawer>
  );
}
