import { useState } from 'react';
import { App, Form, InputNumber, Modal, Select, Typography } from 'antd';
import type { CompetitionDetail, Rater } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addRaters, assign, competitionKeys, listEntries, listRaterCandidates, type AssignmentResult } from '../../api/competitions.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { RecordPicker, type RecordPickerProps } from '../../components/RecordPicker.tsx';
import { rangeRule } from '../../lib/number-rules.ts';

/** Cache key of a competition's rater candidates: dropped once a rater is added, who is then no candidate. */
const candidatesKind = (competitionId: number) => `rater-candidates-${competitionId}`;

/** A user of the organiser's subtree who is not a rater yet, searched by name or username. */
function RaterCandidatePicker({ competitionId, ...props }: RecordPickerProps & { competitionId: number }) {
  const search = async (q: string) =>
    (await listRaterCandidates(competitionId, q)).map((user) => ({ id: user.id, name: `${user.displayName} (${user.username})`, hint: user.divisionName ?? undefined }));
  return <RecordPicker kind={candidatesKind(competitionId)} search={search} {...props} />;
}

const groupOptions = (competition: CompetitionDetail) => competition.settings.groups.map((g) => ({ value: g.id, label: g.name ?? g.id }));

/** Add one rater to a group; their organisation bars them from its entries (conflict). */
export function AddRaterModal({ competition, open, onClose }: { competition: CompetitionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: number; groupId: string; organisationId?: number | null }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: { userId: number; groupId: string; organisationId?: number | null }) => addRaters(competition.id, [values]),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) });
      void queryClient.invalidateQueries({ queryKey: [candidatesKind(competition.id)] });
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
      title={t('judgingWeb.raters.add')}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'rater-form-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="userId" label={t('judgingWeb.raters.user')} rules={[{ required: true }]}>
          <RaterCandidatePicker competitionId={competition.id} data-testid="rater-form-user" />
        </Form.Item>
        <Form.Item name="groupId" label={t('judgingWeb.raters.group')} rules={[{ required: true }]}>
          <Select options={groupOptions(competition)} data-testid="rater-form-group" />
        </Form.Item>
        <Form.Item name="organisationId" label={t('judgingWeb.raters.organisation')} extra={t('judgingWeb.raters.organisationHint')}>
          <OrganisationPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What an assignment did: how many were made, and which were skipped and why (conflicts above all). */
export function assignmentSummary(t: (key: string, options?: Record<string, unknown>) => string, result: AssignmentResult): string {
  const conflicts = result.skipped.filter((s) => s.reason === 'conflict').length;
  return t('judgingWeb.raters.assigned', { created: result.created, skipped: result.skipped.length, conflicts });
}

/** Assign by rule: every rater of the chosen groups to every entry, or N raters of each group per entry. */
export function AssignRuleModal({ competition, open, onClose }: { competition: CompetitionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ groupIds?: string[]; perEntry?: number | null }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: { groupIds?: string[]; perEntry?: number | null }) =>
      assign(competition.id, { mode: 'rule', ...(values.groupIds?.length ? { groupIds: values.groupIds } : {}), ...(values.perEntry ? { perEntry: values.perEntry } : {}) }),
    onSuccess: (result) => {
      message.success(assignmentSummary(t, result));
      void queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) });
      onClose();
    },
    onError: (error) => message.error(messageOf(error, t('common.networkError'))),
  });
  return (
    <Modal open={open} title={t('judgingWeb.raters.assignRule')} onCancel={onClose} onOk={() => void form.validateFields().then((v) => save.mutate(v))} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'assign-rule-save' }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('judgingWeb.raters.assignRuleHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="groupIds" label={t('judgingWeb.raters.groups')}>
          <Select mode="multiple" allowClear options={groupOptions(competition)} placeholder={t('common.all')} />
        </Form.Item>
        <Form.Item name="perEntry" label={t('judgingWeb.raters.perEntry')} extra={t('judgingWeb.raters.perEntryHint')} rules={[rangeRule(t, { min: 1, max: 100, integer: true })]}>
          <InputNumber />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Assign one rater by hand to chosen entries. */
export function AssignByHandModal({ competition, rater, onClose }: { competition: CompetitionDetail; rater: Rater | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [entryIds, setEntryIds] = useState<number[]>([]);
  const queryClient = useQueryClient();
  const { data: entries } = useQuery({ queryKey: competitionKeys.entries(competition.id), queryFn: () => listEntries(competition.id), enabled: rater !== null });
  const save = useMutation({
    mutationFn: () => assign(competition.id, { mode: 'pairs', pairs: entryIds.map((entryId) => ({ raterId: rater!.id, entryId })) }),
    onSuccess: (result) => {
      message.success(assignmentSummary(t, result));
      void queryClient.invalidateQueries({ queryKey: competitionKeys.detail(competition.id) });
      setEntryIds([]);
      onClose();
    },
    onError: (error) => message.error(messageOf(error, t('common.networkError'))),
  });
  return (
    <Modal open={rater !== null} title={t('judgingWeb.raters.assignHand', { name: rater?.displayName ?? '' })} onCancel={onClose} onOk={() => save.mutate()} okButtonProps={{ disabled: entryIds.length === 0 }} confirmLoading={save.isPending} destroyOnHidden>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={entryIds}
        onChange={setEntryIds}
        optionFilterProp="label"
        options={(entries ?? []).filter((e) => !e.withdrawn).map((e) => ({ value: e.id, label: `${e.code} ${e.title}` }))}
      />
    </Modal>
  );
}
