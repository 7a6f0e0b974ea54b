import { useEffect } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { AssessmentDetail } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { assessmentKeys, fetchAssessment, fetchStarHistory, finaliseAssessment, reopenAssessment, saveMySheet } from '../../api/assessments.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { StarRating } from './StarRating.tsx';
import { rangeRule } from '../../lib/number-rules.ts';

type Criterion = AssessmentDetail['criteria'][number];

/** The signed-in assessor's own sheet: points per criterion (deductions subtract), a comment. */
function MySheet({ assessment }: { assessment: AssessmentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ scores: Record<string, number>; comment: string | null }>();
  const mine = assessment.sheets.find((s) => s.assessorId === me?.userId);
  useEffect(() => form.setFieldsValue({ scores: { ...mine?.scores }, comment: mine?.comment ?? null }), [mine, form]);
  const save = useMutation({
    mutationFn: (values: { scores: Record<string, number>; comment: string | null }) => saveMySheet(assessment.id, { scores: values.scores, comment: values.comment || null, ...(mine ? { version: mine.version } : {}) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(assessmentKeys.detail(assessment.id), saved);
      message.success(t('common.saved'));
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  return (
    <Card size="small" title={t('judgingWeb.assessments.mySheet')} data-testid="assessment-my-sheet">
      <Form form={form} layout="inline" disabled={assessment.status === 'final'} onFinish={(v) => save.mutate(v)}>
        {assessment.criteria.map((c) => (
          <Form.Item key={c.id} name={['scores', c.id]} label={`${c.name ?? c.id}${c.deduction ? ` (${t('judgingWeb.assessments.deduction')})` : ''} ≤ ${c.maxPoints}`} style={{ marginBottom: 12 }} rules={[rangeRule(t, { min: 0, max: c.maxPoints })]}>
            <InputNumber data-testid={`assessment-score-${c.id}`} style={{ width: 90 }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('judgingWeb.review.comment')} style={{ width: '100%', marginBottom: 12 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="assessment-sheet-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** One venue's assessment: every assessor's sheet, what finalising gives (total → stars), and the venue's star history. */
export function AssessmentDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { data: assessment, isPending, error, refetch } = useQuery({ queryKey: assessmentKeys.detail(id), queryFn: () => fetchAssessment(id), enabled: Number.isInteger(id) && id > 0 });
  const venueId = assessment?.venue.id;
  const history = useQuery({ queryKey: assessmentKeys.stars(venueId ?? 0), queryFn: () => fetchStarHistory(venueId!), enabled: Boolean(venueId) });
  const step = useMutation({
    mutationFn: (action: 'finalise' | 'reopen') => (action === 'finalise' ? finaliseAssessment(id, assessment!.version) : reopenAssessment(id, assessment!.version)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
    onError: (e) => message.error(messageOf(e, t('common.networkError'))),
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !assessment) return <PageLoading />;
  const manage = assessment.allowed.includes('manage');
  const preview = assessment.preview;

  const sheetColumns = [
    { title: t('judgingWeb.assessments.criterion'), key: 'name', render: (_: unknown, c: Criterion) => `${c.name ?? c.id}${c.deduction ? ` (${t('judgingWeb.assessments.deduction')})` : ''}` },
    { title: t('judgingWeb.assessments.points'), dataIndex: 'maxPoints', width: 80 },
    ...assessment.sheets.map((s) => ({ title: s.assessorName, key: `sheet-${s.id}`, width: 100, render: (_: unknown, c: Criterion) => s.scores[c.id] ?? '—' })),
  ];

  return (
    <DetailFrame
      listPath="/assessments"
      listTitle={t('judgingWeb.assessments.listTitle')}
      crumb={assessment.venue.name}
      testId="assessment-page"
      title={
        <Space wrap>
          <span>{assessment.venue.name}</span>
          <Tag color={assessment.status === 'final' ? 'success' : 'processing'}>{t(`judging.assessmentStatuses.${assessment.status}`)}</Tag>
        </Space>
      }
      extra={
        manage && (
          <Button type={assessment.status === 'final' ? 'default' : 'primary'} loading={step.isPending} onClick={() => step.mutate(assessment.status === 'final' ? 'reopen' : 'finalise')} data-testid="assessment-step">
            {assessment.status === 'final' ? t('judgingWeb.assessments.reopen') : t('judgingWeb.assessments.finalise')}
          </Button>
        )
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('judgingWeb.assessments.checklist')}>{`${assessment.checklistTitle} (${assessment.year})`}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.assessments.level')}>{`${t(`venueTypes.${assessment.venue.type}`)} · ${t(`venueLevels.${assessment.venue.level}`)}`}</Descriptions.Item>
        <Descriptions.Item label={t('work.common.division')}>{assessment.venue.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.assessments.total')}>
          <span data-testid="assessment-total">{assessment.total ?? (preview ? `${preview.total} / ${preview.maxTotal} (${t('judgingWeb.assessments.preview')})` : '—')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.assessments.stars')}>
          <StarRating stars={assessment.stars ?? preview?.stars ?? null} testId="assessment-stars" />
        </Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.assessments.thresholds')}>{assessment.starThresholds.map((s) => `${s.stars}★ ≥ ${s.minTotal}`).join(t('common.listSeparator'))}</Descriptions.Item>
      </Descriptions>
      {preview && preview.missing.length > 0 && <Typography.Text type="warning">{t('judging.reasons.incomplete')}</Typography.Text>}
      <Table<Criterion> data-testid="assessment-sheets" rowKey="id" size="small" pagination={false} dataSource={assessment.criteria} columns={sheetColumns} scroll={{ x: 700 }} />
      {assessment.allowed.includes('assess') && <MySheet assessment={assessment} />}
      <Card size="small" title={t('judgingWeb.assessments.history')}>
        <Flex vertical>
          <Timeline
            items={(history.data?.history ?? []).map((h) => ({
              children: (
                <Space wrap>
                  <span>{formatDateTime(h.at)}</span>
                  <StarRating stars={h.stars} />
                  <Typography.Text type="secondary">{[h.checklistTitle, h.total !== null ? `${t('judgingWeb.assessments.total')} ${h.total}` : null, h.changedBy].filter(Boolean).join(' · ')}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </Flex>
      </Card>
    </DetailFrame>
  );
}
