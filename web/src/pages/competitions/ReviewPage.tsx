import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, List, Modal, Progress, Row, Space, Tag, Typography } from 'antd';
import type { RaterView } from '@tongxin/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { abstain, competitionKeys, fetchCompetition, fetchRaterEntry, groupName, fetchRaterView, saveReview, type RaterEntryDetail } from '../../api/competitions.ts';
import { applyFieldErrors, messageOf } from '../../api/form-errors.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { useUrlState } from '../../lib/url-state.ts';
import { rangeRule } from '../../lib/number-rules.ts';

const statusColours = { todo: 'default', scored: 'success', abstained: 'warning' } as const;

interface SheetProps {
  competitionId: number;
  view: RaterView;
  entry: RaterEntryDetail;
  onNext: (nextEntryId: number | null) => void;
}

/** One entry's score sheet: a field per dimension (0 … max), a comment, save, save and next, abstain. */
function ScoreSheet({ competitionId, view, entry, onNext }: SheetProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ scores: Record<string, number>; comment: string | null }>();
  const [abstaining, setAbstaining] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => form.setFieldsValue({ scores: { ...entry.myReview?.scores }, comment: entry.myReview?.comment ?? null }), [entry, form]);
  const reload = () => queryClient.invalidateQueries({ queryKey: competitionKeys.review(competitionId) });
  const version = entry.myReview ? { version: entry.myReview.version } : {};

  const save = useMutation({
    mutationFn: async ({ next }: { next: boolean }) => {
      const values = await form.validateFields();
      const saved = await saveReview(competitionId, entry.id, { scores: values.scores, comment: values.comment || null, ...version });
      return { saved, next };
    },
    onSuccess: ({ saved, next }) => {
      message.success(t('judgingWeb.review.saved'));
      void reload();
      if (next) onNext(saved.nextEntryId);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) message.error(messageOf(error, t('common.networkError')));
    },
  });
  const abstainNow = useMutation({
    mutationFn: () => abstain(competitionId, entry.id, { reason, ...version }),
    onSuccess: (saved) => {
      setAbstaining(false);
      void reload();
      onNext(saved.nextEntryId);
    },
    onError: (error) => message.error(messageOf(error, t('common.networkError'))),
  });

  return (
    <Card
      data-testid="score-sheet"
      title={
        <Space wrap>
          <span data-testid="score-entry-title">{`${entry.code} ${entry.title}`}</span>
          <Tag color={statusColours[entry.status]}>{t(`judging.reviewStatuses.${entry.status}`)}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{entry.organisationName ?? (view.hideAuthors ? t('judgingWeb.review.authorsHidden') : '—')}</Typography.Paragraph>
      {entry.summary && <Typography.Paragraph>{entry.summary}</Typography.Paragraph>}
      {!view.reviewOpen && <Alert type="warning" showIcon title={t('judging.reasons.phase_closed')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={!view.reviewOpen}>
        {view.dimensions.map((d) => (
          <Form.Item
            key={d.id}
            name={['scores', d.id]}
            label={`${d.name ?? d.id} (0–${d.maxScore}${d.weight !== 1 ? `, × ${d.weight}` : ''})${d.independent ? ` · ${t('judgingWeb.settings.independent')}` : ''}`}
            rules={[{ required: true }, rangeRule(t, { min: 0, max: d.maxScore })]}
          >
            <InputNumber style={{ width: 160 }} data-testid={`score-${d.id}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('judgingWeb.review.comment')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Button onClick={() => save.mutate({ next: false })} loading={save.isPending} data-testid="score-save">
            {t('common.save')}
          </Button>
          <Button type="primary" onClick={() => save.mutate({ next: true })} loading={save.isPending} data-testid="score-save-next">
            {t('judgingWeb.review.saveNext')}
          </Button>
          <Button danger onClick={() => setAbstaining(true)} data-testid="score-abstain">
            {t('judgingWeb.review.abstain')}
          </Button>
        </Space>
      </Form>
      {entry.others && entry.others.length > 0 && (
        <List
          size="small"
          header={t('judgingWeb.review.others')}
          dataSource={entry.others}
          renderItem={(o) => <List.Item>{o.abstained ? t('judging.reviewStatuses.abstained') : `${o.groupId}: ${o.sum ?? '—'}`}</List.Item>}
        />
      )}
      <Modal open={abstaining} title={t('judgingWeb.review.abstain')} onCancel={() => setAbstaining(false)} onOk={() => abstainNow.mutate()} okButtonProps={{ disabled: !reason.trim() }} confirmLoading={abstainNow.isPending}>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('judgingWeb.review.abstainReason')} />
      </Modal>
    </Card>
  );
}

/** The rater's page: progress (12 / 45), the entries they may score (their group's sheet), one sheet at a time. */
export function ReviewPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const url = useUrlState();
  const { data: view, isPending, error, refetch } = useQuery({ queryKey: competitionKeys.review(id), queryFn: () => fetchRaterView(id), enabled: Number.isInteger(id) && id > 0 });
  // Raters may read the competition: it names their group.
  const { data: competition } = useQuery({ queryKey: competitionKeys.detail(id), queryFn: () => fetchCompetition(id), enabled: Number.isInteger(id) && id > 0 });
  // `entry=done` after the last sheet: nothing left to open.
  const selected = url.get('entry') === 'done' ? null : (url.getNumber('entry') ?? view?.nextEntryId ?? view?.entries[0]?.id ?? null);
  const entryQuery = useQuery({ queryKey: competitionKeys.reviewEntry(id, selected ?? 0), queryFn: () => fetchRaterEntry(id, selected!), enabled: selected !== null && Boolean(view) });

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !view) return <PageLoading />;
  const { done, total } = view.progress;

  return (
    <Flex vertical gap={12} data-testid="review-page">
      <Card
        title={
          <Space wrap>
            <Link to="/competitions">{t('judgingWeb.competitions.listTitle')}</Link>/<span>{view.title}</span>
          </Space>
        }
      >
        <Flex gap={24} align="center" wrap="wrap">
          <Typography.Text>{t('judgingWeb.review.group', { group: competition ? groupName(competition, view.groupId) : view.groupId })}</Typography.Text>
          <Progress style={{ maxWidth: 360, flex: 1 }} percent={total ? Math.round((done / total) * 100) : 0} format={() => <span data-testid="review-progress">{`${done} / ${total}`}</span>} />
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={9}>
          <Card size="small" title={t('judgingWeb.review.entries')}>
            <List
              data-testid="review-entry-list"
              dataSource={view.entries}
              locale={{ emptyText: t('judgingWeb.review.none') }}
              renderItem={(entry) => (
                <List.Item
                  onClick={() => url.set({ entry: entry.id })}
                  style={{ cursor: 'pointer', background: entry.id === selected ? 'rgba(200,16,46,0.06)' : undefined, paddingInline: 8 }}
                  data-testid={`review-entry-${entry.code}`}
                >
                  <span>{`${entry.code} ${entry.title}`}</span>
                  <Tag color={statusColours[entry.status]}>{t(`judging.reviewStatuses.${entry.status}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={15}>
          {selected === null ? (
            <Alert type="success" showIcon title={t('judgingWeb.review.allDone')} data-testid="review-all-done" />
          ) : entryQuery.error ? (
            <LoadFailed error={entryQuery.error} message={messageOf(entryQuery.error, t('common.networkError'))} onRetry={() => void entryQuery.refetch()} />
          ) : entryQuery.data ? (
            <ScoreSheet key={entryQuery.data.id} competitionId={id} view={view} entry={entryQuery.data} onNext={(next) => url.set({ entry: next ?? 'done' })} />
          ) : (
            <PageLoading />
          )}
        </Col>
      </Row>
    </Flex>
  );
}
