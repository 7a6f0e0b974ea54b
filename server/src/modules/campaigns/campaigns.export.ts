import type { PledgeOutput, ReceiptOutput } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { exportList } from '../imports/list-export.ts';
import { loadCampaign } from './campaigns.service.ts';
import { listPledges, listReceipts } from './pledges.service.ts';

/** Fen (integers end to end) → yuan with two decimals, so a sheet sums without float noise. */
const yuan = (fen: number): number => Number((fen / 100).toFixed(2));

/**
 * A campaign's books are read whole by its page (received and overdue amounts are computed over all
 * of them); the export walks that same list by id so it holds exactly what the page shows.
 */
function pagesOf<T extends { id: number }>(items: T[]) {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  return async (afterId: number, limit: number) => sorted.filter((item) => item.id > afterId).slice(0, limit);
}

/** Pledges (认捐) of a campaign as on screen, as .xlsx; audited as pledge.export on the campaign's division. */
export async function exportPledges(reply: FastifyReply, ctx: ActorContext, campaignId: number, cancelled: 'false' | 'true' | 'all') {
  const campaign = await loadCampaign(ctx, ctx.db, campaignId, 'read');
  const pledges = await listPledges(ctx, campaignId, cancelled);
  return exportList<PledgeOutput>(reply, ctx, {
    entity: 'pledge',
    label: 'insight.exports.pledges',
    filter: { campaignId, cancelled },
    divisionId: campaign.division_id,
    columns: [
      { header: '募集活动', value: () => campaign.title, width: 28 },
      { header: '认捐单位', value: (p) => p.organisationName, width: 28 },
      { header: '认捐金额（元）', value: (p) => yuan(p.amountFen), width: 16 },
      { header: '认捐日期', value: (p) => p.pledgedOn, width: 12 },
      { header: '约定到账日期', value: (p) => p.dueDate ?? p.instalments.map((i) => i.dueDate).join('、'), width: 16 },
      { header: '已到账（元）', value: (p) => yuan(p.receivedFen), width: 14 },
      { header: '未到账（元）', value: (p) => yuan(p.outstandingFen), width: 14 },
      { header: '逾期未到账（元）', value: (p) => yuan(p.overdueFen), width: 16 },
      { header: '状态', value: (p) => (p.cancelled ? '已取消' : '有效') },
      { header: '备注', value: (p) => p.note, width: 30 },
    ],
    page: pagesOf(pledges),
  });
}

/** Receipts (到账) of a campaign as on screen, as .xlsx; audited as receipt.export on the campaign's division. */
export async function exportReceipts(reply: FastifyReply, ctx: ActorContext, campaignId: number, voided: 'false' | 'true' | 'all') {
  const campaign = await loadCampaign(ctx, ctx.db, campaignId, 'read');
  const receipts = await listReceipts(ctx, campaignId, voided);
  return exportList<ReceiptOutput>(reply, ctx, {
    entity: 'receipt',
    label: 'insight.exports.receipts',
    filter: { campaignId, voided },
    divisionId: campaign.division_id,
    columns: [
      { header: '募集活动', value: () => campaign.title, width: 28 },
      { header: '捐赠单位', value: (r) => r.organisationName, width: 28 },
      { header: '到账金额（元）', value: (r) => yuan(r.amountFen), width: 16 },
      { header: '到账日期', value: (r) => r.receivedOn, width: 12 },
      { header: '对应认捐', value: (r) => (r.pledgeId === null ? '未认捐直接捐赠' : '认捐到账'), width: 16 },
      { header: '凭证号', value: (r) => r.reference, width: 16 },
      { header: '状态', value: (r) => (r.voided ? '已作废' : '有效') },
      { header: '作废原因', value: (r) => r.voidReason, width: 20 },
      { header: '备注', value: (r) => r.note, width: 30 },
    ],
    page: pagesOf(receipts),
  });
}
