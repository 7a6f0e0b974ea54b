import { useState } from 'react';
import { Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { PledgeOutput, ReceiptOutput } from '@tongxin/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { campaignKeys, fetchCampaign, listPledges, listReceipts, type CampaignDetail } from '../../api/campaigns.ts';
import { messageOf } from '../../api/form-errors.ts';
import { ExportButton } from '../../components/imports/ExportButton.tsx';
import { DetailFrame } from '../../components/DetailFrame.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { formatMoney } from '../../lib/money.ts';
import { Fen } from './money.tsx';
import { CancelPledgeModal, PledgeModal, ReceiptModal, VoidReceiptModal } from './MoneyModals.tsx';

type Donor = CampaignDetail['byDonor'][number];
const percent = (share: number | null) => (share === null ? 0 : Math.round(share * 1000) / 10);

/** One campaign: target vs pledged vs received, by donor, pledges with what is overdue, receipts. */
export function CampaignDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [modal, setModal] = useState<'pledge' | 'receipt' | null>(null);
  const [voiding, setVoiding] = useState<ReceiptOutput | null>(null);
  const [cancelling, setCancelling] = useState<PledgeOutput | null>(null);
  const enabled = Number.isInteger(id) && id > 0;
  const { data: campaign, isPending, error, refetch } = useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => fetchCampaign(id), enabled });
  const pledges = useQuery({ queryKey: campaignKeys.pledges(id), queryFn: () => listPledges(id), enabled });
  const receipts = useQuery({ queryKey: campaignKeys.receipts(id), queryFn: () => listReceipts(id), enabled });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  if (isPending || !campaign) return <PageLoading />;
  const p = campaign.progress;
  const manage = campaign.allowed.includes('manage') || campaign.allowed.includes('update');

  const pledgeColumns = [
    { title: t('judgingWeb.campaigns.donor'), dataIndex: 'organisationName' },
    { title: t('judgingWeb.campaigns.amount'), dataIndex: 'amountFen', width: 120, align: 'right' as const, render: (fen: number) => <Fen fen={fen} /> },
    { title: t('judgingWeb.campaigns.pledgedOn'), dataIndex: 'pledgedOn', width: 110 },
    { title: t('judgingWeb.campaigns.dueDate'), key: 'due', width: 200, render: (_: unknown, row: PledgeOutput) => (row.instalments.length ? row.instalments.map((i) => `${i.dueDate}: ${formatMoney(i.amountFen)}`).join('; ') : (row.dueDate ?? '—')) },
    { title: t('judgingWeb.campaigns.received'), dataIndex: 'receivedFen', width: 120, align: 'right' as const, render: (fen: number) => <Fen fen={fen} /> },
    { title: t('judgingWeb.campaigns.outstanding'), dataIndex: 'outstandingFen', width: 120, align: 'right' as const, render: (fen: number) => <Fen fen={fen} /> },
    { title: t('judgingWeb.campaigns.overdue'), dataIndex: 'overdueFen', width: 120, align: 'right' as const, render: (fen: number, row: PledgeOutput) => (row.cancelled ? <Tag data-testid={`pledge-cancelled-${row.id}`}>{t('judging.reasons.cancelled')}</Tag> : fen > 0 ? <Tag color="red"><Fen fen={fen} /></Tag> : '—') },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            // Only a pledge nothing was received against can be cancelled (the server says so too).
            render: (_: unknown, row: PledgeOutput) =>
              !row.cancelled && row.receivedFen === 0 ? (
                <Button size="small" type="link" danger onClick={() => setCancelling(row)} data-testid={`pledge-cancel-${row.id}`}>
                  {t('judgingWeb.campaigns.cancelPledge')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  const receiptColumns = [
    { title: t('judgingWeb.campaigns.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('judgingWeb.campaigns.donor'), dataIndex: 'organisationName' },
    {
      title: t('judgingWeb.campaigns.amount'),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right' as const,
      render: (fen: number, row: ReceiptOutput) => (
        <Typography.Text delete={row.voided} type={row.voided ? 'secondary' : undefined}>
          <Fen fen={fen} testId={`receipt-amount-${row.id}`} />
        </Typography.Text>
      ),
    },
    { title: t('judgingWeb.campaigns.againstPledge'), dataIndex: 'pledgeId', width: 100, render: (pledgeId: number | null) => (pledgeId ? `#${pledgeId}` : t('judgingWeb.campaigns.unpledged')) },
    { title: t('judgingWeb.campaigns.reference'), dataIndex: 'reference', width: 160, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, row: ReceiptOutput) =>
        row.voided ? (
          <Tooltip title={t('judgingWeb.campaigns.voidedReason', { reason: row.voidReason ?? '' })}>
            <Tag data-testid={`receipt-voided-${row.id}`}>{t('judgingWeb.campaigns.voided')}</Tag>
          </Tooltip>
        ) : manage ? (
          <Button size="small" type="link" danger onClick={() => setVoiding(row)} data-testid={`receipt-void-${row.id}`}>
            {t('judgingWeb.campaigns.voidReceipt')}
          </Button>
        ) : null,
    },
  ];
  const donorColumns = [
    { title: t('judgingWeb.campaigns.donor'), dataIndex: 'organisationName' },
    { title: t('judgingWeb.campaigns.pledged'), dataIndex: 'pledgedFen', width: 140, align: 'right' as const, render: (fen: number) => <Fen fen={fen} /> },
    { title: t('judgingWeb.campaigns.received'), dataIndex: 'receivedFen', width: 140, align: 'right' as const, render: (fen: number) => <Fen fen={fen} /> },
  ];

  return (
    <DetailFrame
      listPath="/campaigns"
      listTitle={t('judgingWeb.campaigns.listTitle')}
      crumb={campaign.title}
      testId="campaign-page"
      title={campaign.title}
      extra={
        manage && (
          <Space>
            <Button onClick={() => setModal('pledge')}>{t('judgingWeb.campaigns.addPledge')}</Button>
            <Button type="primary" onClick={() => setModal('receipt')}>
              {t('judgingWeb.campaigns.addReceipt')}
            </Button>
          </Space>
        )
      }
    >
      <Row gutter={[16, 16]}>
        {(
          [
            ['target', p.targetFen],
            ['pledged', p.pledgedFen],
            ['received', p.receivedFen],
            ['outstanding', p.outstandingFen],
            ['overdue', p.overdueFen],
          ] as const
        ).map(([key, fen]) => (
          <Col key={key} xs={12} md={8} lg={4}>
            <Statistic title={t(`judgingWeb.campaigns.${key}`)} valueRender={() => <Fen fen={fen} testId={`campaign-stat-${key}`} />} />
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('judgingWeb.campaigns.pledgedOfTarget')}</span>
          <Progress percent={percent(p.pledgedOfTarget)} />
          <span>{t('judgingWeb.campaigns.receivedOfTarget')}</span>
          <Progress percent={percent(p.receivedOfTarget)} status="active" />
        </Space>
      </Card>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('work.common.division')}>{campaign.divisionName}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.campaigns.beneficiary')}>{campaign.beneficiaryName ?? campaign.beneficiaryDivisionName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('judgingWeb.campaigns.period')}>{`${campaign.startDate} ~ ${campaign.endDate ?? ''}`}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'donors', label: t('judgingWeb.campaigns.byDonor'), children: <Table<Donor> rowKey="organisationId" size="small" dataSource={campaign.byDonor} columns={donorColumns} pagination={{ pageSize: 20 }} /> },
          { key: 'pledges', label: <span data-testid="campaign-tab-pledges">{t('judgingWeb.campaigns.pledges')}</span>, children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ExportButton entity="pledge" path={`/api/campaigns/${campaign.id}/pledges/export`} filters={{}} />
                <Table<PledgeOutput> data-testid="pledge-table" rowKey="id" size="small" loading={pledges.isPending} dataSource={pledges.data ?? []} columns={pledgeColumns} pagination={false} scroll={{ x: 900 }} />
              </Space>
            ) },
          { key: 'receipts', label: <span data-testid="campaign-tab-receipts">{t('judgingWeb.campaigns.receipts')}</span>, children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <ExportButton entity="receipt" path={`/api/campaigns/${campaign.id}/receipts/export`} filters={{}} />
                <Table<ReceiptOutput> data-testid="receipt-table" rowKey="id" size="small" loading={receipts.isPending} dataSource={receipts.data ?? []} columns={receiptColumns} pagination={{ pageSize: 20 }} scroll={{ x: 820 }} />
              </Space>
            ) },
        ]}
      />
      <PledgeModal campaignId={campaign.id} open={modal === 'pledge'} onClose={() => setModal(null)} />
      <ReceiptModal campaignId={campaign.id} pledges={pledges.data ?? []} open={modal === 'receipt'} onClose={() => setModal(null)} />
      <VoidReceiptModal campaignId={campaign.id} receipt={voiding} onClose={() => setVoiding(null)} />
      <CancelPledgeModal campaignId={campaign.id} pledge={cancelling} onClose={() => setCancelling(null)} />
    </DetailFrame>
  );
}
