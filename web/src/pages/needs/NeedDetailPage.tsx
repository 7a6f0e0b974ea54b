import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { App, Button, Checkbox, Descriptions, Form, Input, Modal, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import type { NeedDetail } from '@tongxin/core';
import type { ClaimState } from '@tongxin/core/sla/claim-states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../api/form-errors.ts';
import { fetchNeed, needKeys, publishNeed, revealNeedPhone, transitionNeed } from '../../api/needs.ts';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { reportSaveError } from '../../components/form-helpers.ts';
import { OrganisationPicker } from '../../components/pickers.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { RevealPhone } from '../../components/RevealPhone.tsx';
import { isDestructiveAction, stepButtonProps } from '../../lib/destructive.ts';
import { formatDateTime } from '../../lib/time.ts';
import { NeedDateFlag, NeedStateTag, needActionOf, needNoteRequired } from './need-shared.tsx';
import { RouteToCaseButton } from './RouteToCaseButton.tsx';
import { SubmitterPhotos } from '../cases/SubmitterPhotos.tsx';

interface Values {
  organisationId?: number;
  wantedBy?: string;
  note?: string;
  public?: boolean;
}

/** One need: what is asked, who claimed it, the steps this user may take (claim, release, fulfil, confirm, …), its history. */
export function NeedDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const { data: record, error, refetch } = useQuery({ queryKey: needKeys.detail(id), queryFn: () => fetchNeed(id) });
  const [step, setStep] = useState<ClaimState | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (!record) return <Skeleton active />;

  const show = (next: NeedDetail) => {
    queryClient.setQueryData(needKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: ['needs', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['needs', 'board'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  const open = (to: ClaimState) => {
    form.resetFields();
    form.setFieldsValue({ organisationId: record.claimableFor[0]?.id, public: false });
    setStep(to);
  };
  const save = async (values: Values) => {
    if (!step) return;
    setSaving(true);
    try {
      const next = await transitionNeed(id, {
        to: step,
        note: values.note?.trim() || undefined,
        public: values.public ?? false,
        version: record.version,
        ...(step === 'claimed' && values.organisationId ? { organisationId: values.organisationId } : {}),
        ...(step === 'open' && record.state === 'expired' && values.wantedBy ? { wantedBy: values.wantedBy } : {}),
      });
      message.success(t('requestPages.common.stepDone', { action: t(`requests.actions.${needActionOf(record.state, step)}`) }));
      setStep(null);
      show(next);
    } catch (failure) {
      await reportSaveError(failure, form, (text) => message.error(text), t('common.networkError'), () => refetch());
    } finally {
      setSaving(false);
    }
  };
  const publish = async () => {
    try {
      show(await publishNeed(id, record.version));
      message.success(t('requestPages.common.stepDone', { action: t('requests.actions.publish') }));
    } catch (failure) {
      message.error(messageOf(failure, t('common.networkError')));
      void refetch();
    }
  };
  const steps = record.nextStates.filter((to) => record.allowed.includes(to));
  const needsNote = step ? needNoteRequired(record.state, step) : false;

  return (
    <DetailFrame
      listPath="/needs"
      listTitle={t('requestPages.needs.listTitle')}
      crumb={record.title}
      testId="need-detail-page"
      title={
        <Space wrap>
          <span>{record.title}</span>
          <NeedStateTag state={record.state} />
          <NeedDateFlag need={record} />
          {!record.published && <Tag color="orange">{t('requestPages.needs.unpublished')}</Tag>}
        </Space>
      }
      extra={
        <Space wrap data-testid="need-actions">
          {record.allowed.includes('publish') && !record.published && (
            <Button type="primary" onClick={() => void publish()} data-testid="need-publish">
              {t('requests.actions.publish')}
            </Button>
          )}
          {steps.map((to) => (
            <Button key={to} {...stepButtonProps(needActionOf(record.state, to))} onClick={() => open(to)} data-testid={`need-step-${to}`}>
              {t(`requests.actions.${needActionOf(record.state, to)}`)}
            </Button>
          ))}
          {record.allowed.includes('route_to_case') && <RouteToCaseButton need={record} />}
          {record.routedCaseId !== null && (
            <Link to={`/cases/${record.routedCaseId}`} data-testid="need-routed-case">
              {t('requestPages.needs.routedCase')} · {t('requestPages.needs.openRoutedCase')}
            </Link>
          )}
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        {record.ticketNo && <Descriptions.Item label={t('requestPages.cases.ticketNo')}>{record.ticketNo}</Descriptions.Item>}
        <Descriptions.Item label={t('work.common.division')}>{record.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.needs.services')}>{record.serviceKinds.map((kind) => <Tag key={kind.id}>{kind.name}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.needs.wantedBy')}>{record.wantedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('requestPages.needs.claimant')}>
          <span data-testid="need-claimant">{record.claimant?.name ?? '—'}</span>
          {record.claimedAt && <Typography.Text type="secondary"> · {formatDateTime(record.claimedAt)}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.submitter')}>
          <Space>
            {record.submitterName ?? (record.submitterPhone ? '' : '—')}
            {record.submitterPhone && <RevealPhone masked={record.submitterPhone} canReveal={record.allowed.includes('reveal_phone')} reveal={() => revealNeedPhone(id)} testId="need-phone" />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('requestPages.cases.content')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{record.description ?? '—'}</div>
        </Descriptions.Item>
      </Descriptions>
      {/* A portal wish carries the resident's photos; a claimed need, the claimant's (progress, completion). */}
      <SubmitterPhotos ownerType="need" ownerId={record.id} {...(record.channel === 'portal' ? {} : { title: t('participantsOffice.claimantPhotos') })} />
      <div>
        <Typography.Title level={5}>{t('requestPages.common.history')}</Typography.Title>
        <Timeline
          data-testid="need-history"
          items={record.events.map((event) => ({
            color: event.public ? 'green' : 'gray',
            children: (
              <>
                <strong>{t(`requests.actions.${event.action}`, { defaultValue: event.action })}</strong>
                {event.organisation && <Typography.Text type="secondary"> · {event.organisation.name}</Typography.Text>}
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
      </div>
      <Modal
        open={step !== null}
        title={step ? t(`requests.actions.${needActionOf(record.state, step)}`) : ''}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: saving, danger: step ? isDestructiveAction(needActionOf(record.state, step)) : false, 'data-testid': 'need-step-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          {step === 'claimed' && (
            <Form.Item name="organisationId" label={t('requestPages.needs.claimFor')} rules={[{ required: true }]}>
              {record.claimableFor.length > 0 ? (
                <Select data-testid="need-step-organisation" options={record.claimableFor.map((org) => ({ value: org.id, label: org.name }))} />
              ) : (
                // Office staff register a claim on an organisation's behalf (党派报到): any organisation of their subtree.
                <OrganisationPicker data-testid="need-step-organisation" />
              )}
            </Form.Item>
          )}
          {step === 'open' && record.state === 'expired' && (
            <Form.Item name="wantedBy" label={t('requestPages.needs.wantedBy')} rules={[{ required: true }]}>
              <Input type="date" data-testid="need-step-wanted-by" />
            </Form.Item>
          )}
          <Form.Item name="note" label={needsNote ? t('requestPages.common.reason') : t('requestPages.common.note')} rules={needsNote ? [{ required: true, whitespace: true, message: t('requests.validation.note_required') }] : []}>
            <Input.TextArea data-testid="need-step-note" rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="public" valuePropName="checked" extra={t('requestPages.common.publicHint')}>
            <Checkbox>{t('requestPages.common.publicNote')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </DetailFrame>
  );
}
