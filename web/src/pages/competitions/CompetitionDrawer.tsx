import { useEffect } from 'react';
import { App, Button, Checkbox, Divider, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Competition, CompetitionCreate } from '@tongxin/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { competitionKeys, createCompetition, updateCompetition } from '../../api/competitions.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { DivisionPicker } from '../../components/DivisionPicker.tsx';
import { RecordDrawer } from '../../components/RecordDrawer.tsx';
import { rangeRule } from '../../lib/number-rules.ts';

interface GroupRow {
  id?: string;
  name: string;
  weight: number;
}
interface DimensionRow {
  id?: string;
  name: string;
  maxScore: number;
  weight: number;
  independent: boolean;
}
interface AwardRow {
  awardId?: string;
  name: string;
  fromRank: number;
  toRank: number;
}
interface Values {
  title: string;
  divisionId: number | null;
  year: number | null;
  description: string | null;
  groups: GroupRow[];
  dimensions: DimensionRow[];
  aggregate: 'mean' | 'median';
  minReviews: number;
  precision: number;
  tieBreakGroupIds: string[];
  awards: AwardRow[];
  voteGroupId: string | null;
  voteLiveCounts: boolean;
}

/** New rows get a short id of their own (`g3`); the ids never show, names do. */
function withIds<T extends object>(rows: T[], key: keyof T, prefix: string): T[] {
  const used = new Set(rows.map((row) => row[key]).filter(Boolean));
  let n = 1;
  return rows.map((row) => {
    if (row[key]) return row;
    while (used.has(`${prefix}${n}` as T[keyof T])) n++;
    used.add(`${prefix}${n}` as T[keyof T]);
    return { ...row, [key]: `${prefix}${n}` };
  });
}

function initialValues(competition: Competition | null, t: (key: string) => string, divisionId: number | null): Values {
  if (competition) {
    const s = competition.settings;
    return {
      title: competition.title,
      divisionId: competition.divisionId,
      year: competition.year,
      description: competition.description,
      groups: s.groups.map((g) => ({ id: g.id, name: g.name ?? g.id, weight: g.weight })),
      dimensions: s.dimensions.map((d) => ({ id: d.id, name: d.name ?? d.id, maxScore: d.maxScore, weight: d.weight, independent: d.independent })),
      aggregate: s.aggregate,
      minReviews: s.minReviews,
      precision: s.precision,
      tieBreakGroupIds: s.tieBreakGroupIds,
      awards: s.awards.map((a) => ({ awardId: a.awardId, name: a.name ?? a.awardId, fromRank: a.fromRank, toRank: a.toRank })),
      voteGroupId: competition.voteGroupId,
      voteLiveCounts: competition.voteLiveCounts,
    };
  }
  // The 360° review of the issue: four groups, two counted dimensions, first and second prizes.
  return {
    title: '',
    divisionId,
    year: new Date().getFullYear(),
    description: null,
    groups: [
      { id: 'assessors', name: t('judgingWeb.defaults.assessors'), weight: 0.3 },
      { id: 'experts', name: t('judgingWeb.defaults.experts'), weight: 0.3 },
      { id: 'reps', name: t('judgingWeb.defaults.reps'), weight: 0.2 },
      { id: 'public', name: t('judgingWeb.defaults.public'), weight: 0.2 },
    ],
    dimensions: [
      { id: 'innovation', name: t('judgingWeb.defaults.innovation'), maxScore: 40, weight: 1, independent: false },
      { id: 'effect', name: t('judgingWeb.defaults.effect'), maxScore: 60, weight: 1, independent: false },
    ],
    aggregate: 'mean',
    minReviews: 3,
    precision: 2,
    tieBreakGroupIds: ['experts'],
    awards: [
      { awardId: 'first', name: t('judgingWeb.defaults.first'), fromRank: 1, toRank: 1 },
      { awardId: 'second', name: t('judgingWeb.defaults.second'), fromRank: 2, toRank: 3 },
    ],
    voteGroupId: 'public',
    voteLiveCounts: false,
  };
}

function toBody(values: Values): Omit<CompetitionCreate, 'divisionId'> & { divisionId: number | null } {
  const groups = withIds(values.groups ?? [], 'id', 'g');
  const groupIds = new Set(groups.map((g) => g.id));
  return {
    title: values.title,
    divisionId: values.divisionId,
    year: values.year ?? null,
    description: values.description || null,
    settings: {
      groups: groups.map((g) => ({ id: g.id!, name: g.name, weight: g.weight })),
      dimensions: withIds(values.dimensions ?? [], 'id', 'd').map((d) => ({ id: d.id!, name: d.name, maxScore: d.maxScore, weight: d.weight ?? 1, independent: Boolean(d.independent) })),
      aggregate: values.aggregate,
      minReviews: values.minReviews ?? 0,
      precision: values.precision ?? 2,
      tieBreakGroupIds: (values.tieBreakGroupIds ?? []).filter((id) => groupIds.has(id)),
      awards: withIds(values.awards ?? [], 'awardId', 'a').map((a) => ({ awardId: a.awardId!, name: a.name, fromRank: a.fromRank, toRank: a.toRank })),
    },
    voteGroupId: values.voteGroupId && groupIds.has(values.voteGroupId) ? values.voteGroupId : null,
    voteLiveCounts: Boolean(values.voteLiveCounts),
  };
}

interface Props {
  open: boolean;
  competition: Competition | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}

/** Create a competition, or edit its settings: rater groups with weights, dimensions, aggregate, ties, awards, vote. */
export function CompetitionDrawer({ open, competition, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const groups = Form.useWatch('groups', form) ?? [];
  const groupOptions = withIds(groups.filter(Boolean), 'id', 'g').map((g) => ({ value: g.id!, label: g.name || g.id! }));

  useEffect(() => {
    if (open) form.setFieldsValue(initialValues(competition, t, me?.divisionId ?? null));
  }, [open, competition, form, t, me?.divisionId]);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const body = toBody(values);
      if (competition) return updateCompetition(competition.id, { ...body, divisionId: body.divisionId ?? undefined, version: competition.version });
      return createCompetition({ ...body, divisionId: body.divisionId ?? 0 });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: competitionKeys.all });
      message.success(t('common.saved'));
      onClose();
      onSaved(saved.id);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });

  return (
    <RecordDrawer
      open={open}
      title={competition ? t('work.common.editTitle', { name: competition.title }) : t('judgingWeb.competitions.create')}
      onClose={onClose}
      // The whole store, not only the fields on screen: row ids (groups, dimensions, awards) have no field of their own.
      onSave={() => void form.validateFields().then(() => save.mutate(form.getFieldsValue(true) as Values))}
      saving={save.isPending}
      canSave
      loading={false}
      loadError={null}
      testId="competition-drawer"
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label={t('judgingWeb.competitions.title')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="competition-form-title" maxLength={120} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="divisionId" label={t('work.common.division')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DivisionPicker data-testid="competition-form-division" />
          </Form.Item>
          <Form.Item name="year" label={t('judgingWeb.competitions.year')} rules={[rangeRule(t, { min: 2000, max: 2100, integer: true })]}>
            <InputNumber data-testid="competition-form-year" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('judgingWeb.competitions.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>

        <Divider titlePlacement="start">{t('judgingWeb.settings.groups')}</Divider>
        <Typography.Paragraph type="secondary">{t('judgingWeb.settings.groupsHint')}</Typography.Paragraph>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline" data-testid={`competition-form-group-${index}`}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('judgingWeb.settings.groupName')} data-testid={`competition-form-group-name-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[{ required: true }, rangeRule(t, { min: 0 })]}>
                    <InputNumber step={0.05} placeholder={t('judgingWeb.settings.weight')} data-testid={`competition-form-group-weight-${index}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} data-testid={`competition-form-group-remove-${index}`} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 0.1 })} data-testid="competition-form-group-add">
                {t('judgingWeb.settings.addGroup')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('judgingWeb.settings.dimensions')}</Divider>
        <Form.List name="dimensions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline" wrap="wrap">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 140 }}>
                    <Input placeholder={t('judgingWeb.settings.dimensionName')} data-testid={`competition-form-dimension-name-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxScore']} rules={[{ required: true }, rangeRule(t, { min: 0.01 })]}>
                    <InputNumber placeholder={t('judgingWeb.settings.maxScore')} prefix={t('judgingWeb.settings.max')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[rangeRule(t, { min: 0 })]}>
                    <InputNumber step={0.1} placeholder={t('judgingWeb.settings.weight')} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'independent']} valuePropName="checked">
                    <Checkbox>{t('judgingWeb.settings.independent')}</Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', maxScore: 10, weight: 1, independent: false })}>
                {t('judgingWeb.settings.addDimension')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('judgingWeb.settings.results')}</Divider>
        <Flex gap={12} wrap="wrap">
          <Form.Item name="aggregate" label={t('judgingWeb.settings.aggregate')}>
            <Select style={{ width: 120 }} options={(['mean', 'median'] as const).map((value) => ({ value, label: t(`judging.aggregates.${value}`) }))} />
          </Form.Item>
          <Form.Item name="minReviews" label={t('judgingWeb.settings.minReviews')} rules={[rangeRule(t, { min: 0, max: 100, integer: true })]}>
            <InputNumber />
          </Form.Item>
          <Form.Item name="precision" label={t('judgingWeb.settings.precision')} rules={[rangeRule(t, { min: 0, max: 6, integer: true })]}>
            <InputNumber />
          </Form.Item>
        </Flex>
        <Form.Item name="tieBreakGroupIds" label={t('judgingWeb.settings.tieBreak')}>
          <Select mode="multiple" options={groupOptions} allowClear />
        </Form.Item>
        <Form.List name="awards">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('judgingWeb.settings.awardName')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fromRank']} rules={[{ required: true }, rangeRule(t, { min: 1, integer: true })]}>
                    <InputNumber prefix={t('judgingWeb.settings.fromRank')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'toRank']} rules={[{ required: true }, rangeRule(t, { min: 1, integer: true })]}>
                    <InputNumber prefix={t('judgingWeb.settings.toRank')} style={{ width: 120 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', fromRank: fields.length + 1, toRank: fields.length + 1 })}>
                {t('judgingWeb.settings.addAward')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('judgingWeb.settings.vote')}</Divider>
        <Flex gap={12} align="center" wrap="wrap">
          <Form.Item name="voteGroupId" label={t('judgingWeb.settings.voteGroup')} style={{ minWidth: 200 }}>
            <Select allowClear options={groupOptions} data-testid="competition-form-vote-group" />
          </Form.Item>
          <Form.Item name="voteLiveCounts" label={t('judgingWeb.settings.liveCounts')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </RecordDrawer>
  );
}
