import { useState } from 'react';
import { App, Button, Descriptions, Flex, Input, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { CaseDetail } from '@tongxin/core';
import type { DispatchState } from '@tongxin/core/sla/index';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { addCaseNote, caseKeys, fetchCase, logCaseContact, remindCase, revealCasePhone } from '../../api/cases.ts';
import { messageOf } from '../../api/form-errors.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { clockText } from '../../lib/clock-text.ts';
import { formatDateTime } from '../../lib/time.ts';
import { CaseStepModal } from './CaseStepModal.tsx';
import { isDestructiveAction } from '../../lib/destructive.ts';
import { actionOf, CaseStateTag, TimeStatusTag } from './case-shared.tsx';
import { SubmitterPhotos } from './SubmitterPhotos.tsx';

/** One request: what was asked, its clocks, the steps this user may take, and its whole history. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { data: record, error, refetch } = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => fetchCase(id) });
  const [step, setStep] = useState<DispatchState | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (!record) return <Skeleton active />;

  const show = (next: CaseDetail) => {
    queryClient.setQueryData(caseKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  const run = async (key: string, call: () => Promise<CaseDetail>, done: string) => {
    setBusy(key);
    try {
      show(await call());
      message.success(done);
      if (key === 'note') setNote('');
    } catch (failure) {
      message.error(messageOf(failure, t('common.networkError')));
      void refetch();
    } finally {
      setBusy(null);
    }
  };
  const steps = record.nextStates.filter((to) => record.allowed.includes(to));
  const clocks = Object.values(record.clocks).filter((clock) => clock.status !== 'not_started');

  return (
    <DetailFrame
      listPath="/cases"
      listTitle={t('requestPages.cases.listTitle')}
      crumb={record.ticketNo}
      testId="case-detail-page"
      title={
        <Space wrap>
          <span>{record.title}</span>
          <CaseStateTag state={record.state} />
          <TimeStatusTag row={record} />
        </Space>
      }
      extra={
        <Space wrap data-testid="case-actions">
          {steps.map((to) => (
            <Button key={to} {...(isDestructiveAction(actionOf(record.state, to)) ? { danger: true } : { type: to === 'closed' ? 'default' : 'primary' })} onClick={() => setStep(to)} data-testid={`case-step-${to}`}>
              {t(`requests.actions.${actionOf(record.state, to)}`)}
            </Button>
          ))}
          {record.allowed.includes('contact') && (
            <Button loading={busy === 'contact'} onClick={() => void run('contact', () => logCaseContact(id), t('requestPages.cases.contactLogged'))} data-testid="case-contact">
              {t('requests.actions.contacted')}
            </Button>
          )}
          {record.allowed.includes('remind') && (
            <Button loading={busy === 'remind'} onClick={() => void run('remind', () => remindCase(id), t('requestPages.cases.reminded'))} data-testid="case-remind">
              {t('requests.actions.reminded')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('requestPages.cases.ticketNo')}>
          <span className="tx-numeric" data-testid="case-ticket">{record.ticketNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.category')}>
          {t(`requests.categories.${record.category}`)}
          {t(`requests.kinds.${record.kind}`) !== t(`requests.categories.${record.category}`) && ` · ${t(`requests.kinds.${record.kind}`)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.channel')}>{t(`requests.channels.${record.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('work.common.division')}>{record.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.submitter')}>
          <Space>
            {record.submitterName ?? '—'}
            <RevealPhone masked={record.submitterPhone} canReveal={record.allowed.includes('reveal_phone')} reveal={() => revealCasePhone(id)} testId="case-phone" />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.receivedAt')}>{formatDateTime(record.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.leadUnit')}>
          <span data-testid="case-lead-unit">{record.leadUnit?.name ?? '—'}</span>
          {record.assistUnits.length > 0 && <Typography.Text type="secondary"> ({t('requestPages.cases.assistUnits')}: {record.assistUnits.map((unit) => unit.name).join(t('common.listSeparator'))})</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.satisfaction')}>
          {record.satisfaction ? t(`requests.satisfaction.${record.satisfaction}`) : '—'}
          {record.solved !== null && ` · ${record.solved ? t('requestPages.cases.solvedYes') : t('requestPages.cases.solvedNo')}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.content')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{record.content}</div>
        </Descriptions.Item>
        {record.reply && (
          <Descriptions.Item label={t('requestPages.cases.reply')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }} data-testid="case-reply">{record.reply}</div>
          </Descriptions.Item>
        )}
      </Descriptions>
      {record.channel === 'portal' && <SubmitterPhotos ownerType="case" ownerId={record.id} />}

      {clocks.length > 0 && (
        <Flex gap={8} wrap="wrap" data-testid="case-clocks">
          {clocks.map((clock) => (
            <Tag key={clock.name} color={clock.status === 'overdue' || clock.status === 'missed' ? 'red' : clock.status === 'met' ? 'green' : clock.status === 'cancelled' ? 'default' : 'blue'} data-testid={`case-clock-${clock.name}`}>
              {clockText(t, clock)}
            </Tag>
          ))}
        </Flex>
      )}

      <div>
        <Typography.Title level={5}>{t('requestPages.common.history')}</Typography.Title>
        <Timeline
          data-testid="case-history"
          items={record.events.map((event) => ({
            color: event.public ? 'green' : 'gray',
            children: (
              <>
                <strong>{t(`requests.actions.${event.action}`, { defaultValue: event.action })}</strong>
                {event.unit && <Typography.Text type="secondary"> → {event.unit.name}</Typography.Text>}
                {' '}
                <Tag>{event.public ? t('requestPages.common.public') : t('requestPages.common.internal')}</Tag>
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(event.at)} · {event.actorName ?? t('requestPages.common.system')}
                  </Typography.Text>
                </div>
                {event.note && <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div>}
              </>
            ),
          }))}
        />
        {record.allowed.includes('note') && (
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Input value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('requestPages.cases.notePlaceholder')} maxLength={2000} data-testid="case-note-input" />
            <Button disabled={!note.trim()} loading={busy === 'note'} onClick={() => void run('note', () => addCaseNote(id, note.trim()), t('common.saved'))} data-testid="case-note-add">
              {t('requests.actions.note')}
            </Button>
          </Space.Compact>
        )}
      </div>
      <CaseStepModal
        record={record}
        to={step}
        onClose={() => {
          setStep(null);
          void refetch();
        }}
        onDone={(next) => {
          setStep(null);
          show(next);
        }}
      />
    </DetailFrame>
  );
}
