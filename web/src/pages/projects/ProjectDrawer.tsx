import { useEffect } from 'react';
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectUpdate } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { createProject, fetchProject, projectKeys, updateProject } from '../../api/projects.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { changedFields, dateField, textOrNull } from '../../components/form-helpers.ts';
import { BrandPicker, OrganisationPicker, PersonPicker } from '../../components/pickers.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { useRecordSave } from '../../components/useRecordSave.ts';

interface Values {
  title: string;
  goal?: string;
  divisionId: number | null;
  responsibleOrganisationId: number | null;
  responsiblePersonId: number | null;
  brandId: number | null;
  startDate: string | null;
  endDate: string | null;
  milestones?: Array<{ title: string; dueDate: string }>;
}

export type ProjectDrawerTarget = 'create' | number | null;

/** Create or edit a project: what, why, where, who answers for it, its brand and its period. */
export function ProjectDrawer({ target, onClose, onSaved }: { target: ProjectDrawerTarget; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const { saving, create, update } = useRecordSave(form, { refresh: projectKeys.all, onClose, onSaved });
  const editingId = typeof target === 'number' ? target : null;
  const detail = useQuery({ queryKey: projectKeys.detail(editingId ?? 0), queryFn: () => fetchProject(editingId!), enabled: editingId !== null });
  const record = editingId !== null ? detail.data : undefined;
  const canSave = target === 'create' || Boolean(record?.allowed.includes('update'));

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'create') form.setFieldsValue({ divisionId: me?.divisionId ?? null, milestones: [] });
  }, [target, form, me?.divisionId]);

  useEffect(() => {
    if (!record) return;
    form.setFieldsValue({
      title: record.title,
      goal: record.goal ?? '',
      divisionId: record.divisionId,
      responsibleOrganisationId: record.responsibleOrganisation?.id ?? null,
      responsiblePersonId: record.responsiblePerson?.id ?? null,
      brandId: record.brand?.id ?? null,
      startDate: record.startDate,
      endDate: record.endDate,
    });
  }, [record, form]);

  const save = (values: Values) => {
    const fields = {
      title: values.title.trim(),
      goal: textOrNull(values.goal),
      responsibleOrganisationId: values.responsibleOrganisationId ?? null,
      responsiblePersonId: values.responsiblePersonId ?? null,
      brandId: values.brandId ?? null,
      startDate: values.startDate ?? null,
      endDate: values.endDate ?? null,
    };
    if (target === 'create') {
      const milestones = (values.milestones ?? []).filter((one) => one?.title?.trim() && one.dueDate).map((one) => ({ title: one.title.trim(), dueDate: one.dueDate }));
      void create(() => createProject({ ...fields, divisionId: values.divisionId!, milestones }), (created) => t('work.common.createdNamed', { name: created.title }));
    } else if (record) {
      const before = {
        title: record.title,
        goal: record.goal,
        responsibleOrganisationId: record.responsibleOrganisation?.id ?? null,
        responsiblePersonId: record.responsiblePerson?.id ?? null,
        brandId: record.brand?.id ?? null,
        startDate: record.startDate,
        endDate: record.endDate,
      };
      const changes: Partial<ProjectUpdate> = changedFields(before, fields);
      void update(changes, (changed) => updateProject(record.id, { ...changed, version: record.version }));
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <RecordDrawer
      open={target !== null}
      title={target === 'create' ? t('work.projects.createTitle') : t('work.common.editTitle', { name: record?.title ?? '' })}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      canSave={canSave}
      loading={editingId !== null && detail.isPending}
      loadError={editingId !== null ? detail.error : null}
      testId="project-drawer"
    >
      <Form<Values> form={form} layout="vertical" disabled={!canSave} onFinish={(values) => void save(values)}>
        <Form.Item name="title" label={t('work.projects.title')} rules={[required, { whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input data-testid="project-form-title" />
        </Form.Item>
        <Form.Item name="goal" label={t('work.projects.goal')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} data-testid="project-form-goal" />
        </Form.Item>
        <Form.Item name="divisionId" label={t('work.common.division')} rules={[required]}>
          <DivisionPicker allowClear={false} data-testid="project-form-division" />
        </Form.Item>
        <Form.Item name="responsibleOrganisationId" label={t('work.projects.responsibleUnit')}>
          <OrganisationPicker initialLabel={record?.responsibleOrganisation?.name ?? null} data-testid="project-form-unit" />
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('work.projects.responsiblePerson')}>
          <PersonPicker initialLabel={record?.responsiblePerson?.name ?? null} />
        </Form.Item>
        <Form.Item name="brandId" label={t('work.projects.brand')}>
          <BrandPicker initialLabel={record?.brand?.name ?? null} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="startDate" label={t('work.projects.startDate')} {...dateField} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} data-testid="project-form-start" />
          </Form.Item>
          <Form.Item name="endDate" label={t('work.projects.endDate')} {...dateField} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} data-testid="project-form-end" />
          </Form.Item>
        </Flex>
        {target === 'create' && (
          <Form.List name="milestones">
            {(items, { add, remove }) => (
              <Flex vertical gap={4}>
                <span>{t('work.projects.milestones')}</span>
                {items.map((item, index) => (
                  <Flex key={item.key} gap={8} align="start">
                    <Form.Item name={[item.name, 'title']} rules={[required, { max: 100 }]} style={{ flex: 2, marginBottom: 8 }}>
                      <Input placeholder={t('work.milestones.title')} data-testid={`project-form-milestone-title-${index}`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'dueDate']} rules={[required]} {...dateField} style={{ flex: 1, marginBottom: 8 }}>
                      <DatePicker placeholder={t('work.milestones.dueDate')} data-testid={`project-form-milestone-due-${index}`} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', dueDate: null })} data-testid="project-form-milestone-add">
                  {t('work.milestones.add')}
                </Button>
              </Flex>
            )}
          </Form.List>
        )}
      </Form>
    </RecordDrawer>
  );
}
