import type { Campaign, PledgeOutput, ReceiptOutput } from '@tongxin/core';
import { campaignProgress, sumFen, type CampaignProgress } from '@tongxin/core/money';
import type { Executor } from '../../db/database.ts';
import { listInstalments, listPledges, listReceipts, type CampaignWithNames, type PledgeWithName, type ReceiptWithName } from './campaigns.repo.ts';

/**
 * Everything money-related about a set of campaigns, loaded in three queries and computed with
 * core's `campaignProgress` (BigInt sums, Shanghai due dates). Cancelled pledges and voided
 * receipts are kept in the books but left out of every figure.
 */
export interface CampaignBooks {
  pledges: PledgeWithName[];
  instalments: Map<number, Array<{ dueDate: string; amountFen: number }>>;
  receipts: ReceiptWithName[];
}

export async function loadBooks(db: Executor, campaignIds: number[]): Promise<CampaignBooks> {
  const [pledges, receipts] = await Promise.all([listPledges(db, campaignIds), listReceipts(db, campaignIds)]);
  const instalments = new Map<number, Array<{ dueDate: string; amountFen: number }>>();
  for (const row of await listInstalments(db, pledges.map((p) => p.id))) {
    instalments.set(row.pledge_id, [...(instalments.get(row.pledge_id) ?? []), { dueDate: row.due_date, amountFen: row.amount_fen }]);
  }
  return { pledges, instalments, receipts };
}

/**
 * The progress of one campaign as of `asOf`.
 *
 * @example
 * progressOf(campaign, books, new Date()).receivedFen
 */
export function progressOf(campaign: Pick<CampaignWithNames, 'id' | 'target_fen'>, books: CampaignBooks, asOf: Date): CampaignProgress {
  const pledges = books.pledges.filter((p) => p.campaign_id === campaign.id && p.cancelled_at === null);
  return campaignProgress({
    targetFen: campaign.target_fen,
    pledges: pledges.map((p) => {
      const schedule = books.instalments.get(p.id);
      return { id: String(p.id), donorId: String(p.organisation_id), amountFen: p.amount_fen, dueDate: p.due_date, ...(schedule && schedule.length > 0 ? { instalments: schedule } : {}) };
    }),
    // A date-only receipt counts from midnight Shanghai of that day.
    receipts: books.receipts
      .filter((r) => r.campaign_id === campaign.id && r.voided_at === null)
      .map((r) => ({ pledgeId: r.pledge_id === null ? null : String(r.pledge_id), donorId: String(r.organisation_id), amountFen: r.amount_fen, receivedAt: r.received_on })),
    asOf,
  });
}

export function toProgress(progress: CampaignProgress): Campaign['progress'] {
  return {
    targetFen: progress.targetFen,
    pledgedFen: progress.pledgedFen,
    receivedFen: progress.receivedFen,
    outstandingFen: progress.outstandingFen,
    pledgedOfTarget: progress.pledgedOfTarget,
    receivedOfTarget: progress.receivedOfTarget,
    receivedOfPledged: progress.receivedOfPledged,
    overdueCount: progress.overduePledges.length,
    overdueFen: sumFen(progress.overduePledges.map((o) => o.shortFen)),
  };
}

export function toCampaign(row: CampaignWithNames, progress: CampaignProgress): Campaign {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    targetFen: row.target_fen,
    startDate: row.start_date,
    endDate: row.end_date,
    beneficiaryDivisionId: row.beneficiary_division_id,
    beneficiaryDivisionName: row.beneficiary_division_name,
    beneficiaryName: row.beneficiary_name,
    description: row.description,
    progress: toProgress(progress),
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPledge(row: PledgeWithName, books: CampaignBooks, progress: CampaignProgress): PledgeOutput {
  const received = sumFen(books.receipts.filter((r) => r.pledge_id === row.id && r.voided_at === null).map((r) => r.amount_fen));
  return {
    id: row.id,
    campaignId: row.campaign_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    amountFen: row.amount_fen,
    pledgedOn: row.pledged_on,
    dueDate: row.due_date,
    instalments: books.instalments.get(row.id) ?? [],
    receivedFen: received,
    outstandingFen: Math.max(0, row.amount_fen - received),
    overdueFen: progress.overduePledges.find((o) => o.pledgeId === String(row.id))?.shortFen ?? 0,
    note: row.note,
    cancelled: row.cancelled_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toReceipt(row: ReceiptWithName): ReceiptOutput {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    pledgeId: row.pledge_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    amountFen: row.amount_fen,
    receivedOn: row.received_on,
    reference: row.reference,
    note: row.note,
    voided: row.voided_at !== null,
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    createdAt: row.created_at,
  };
}
