import { shanghaiToday, type PledgeCreate, type PledgeUpdate, type ReceiptCreate } from '@tongxin/core';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireOrganisation } from '../competitions/entries.service.ts';
import { assertOpen, loadCampaign } from './campaigns.service.ts';
import { loadBooks, progressOf, toPledge, toReceipt } from './campaigns.progress.ts';
import { insertPledge, insertReceipt, replaceInstalments, updatePledge, voidReceipt, type CampaignWithNames } from './campaigns.repo.ts';
import type { Executor } from '../../db/database.ts';

async function pledgeView(ctx: ActorContext, db: Executor, campaign: CampaignWithNames, pledgeId: number) {
  const books = await loadBooks(db, [campaign.id]);
  const row = books.pledges.find((p) => p.id === pledgeId);
  if (!row) throw notFound('pledge');
  return toPledge(row, books, progressOf(campaign, books, ctx.clock.now()));
}

export async function listPledges(ctx: ActorContext, campaignId: number, cancelled: 'false' | 'true' | 'all') {
  const campaign = await loadCampaign(ctx, ctx.db, campaignId, 'read');
  const books = await loadBooks(ctx.db, [campaignId]);
  const progress = progressOf(campaign, books, ctx.clock.now());
  return books.pledges
    .filter((p) => cancelled === 'all' || (p.cancelled_at !== null) === (cancelled === 'true'))
    .map((p) => toPledge(p, books, progress));
}

export async function createPledge(ctx: ActorContext, campaignId: number, input: PledgeCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(ctx, trx, campaignId, 'manage');
    assertOpen(campaign);
    await requireOrganisation(ctx, trx, input.organisationId, 'body.organisationId');
    const id = await insertPledge(trx, campaignId, { organisationId: input.organisationId, amountFen: input.amountFen, pledgedOn: input.pledgedOn, dueDate: input.dueDate ?? null, note: input.note ?? null }, nowIso(ctx));
    await replaceInstalments(trx, id, input.instalments ?? []);
    await recordAudit(trx, ctx, { action: 'campaign.pledge', entity: 'campaign', entityId: campaignId, divisionId: campaign.division_id, detail: { pledgeId: id, organisationId: input.organisationId, amountFen: input.amountFen } });
    return pledgeView(ctx, trx, campaign, id);
  });
}

/**
 * Change a pledge. Instalments must still add up to the amount, and the amount may not drop below
 * what has already been received against it (400 on either).
 */
export async function updatePledgeOf(ctx: ActorContext, campaignId: number, pledgeId: number, input: PledgeUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(ctx, trx, campaignId, 'manage');
    assertOpen(campaign);
    const current = await pledgeView(ctx, trx, campaign, pledgeId);
    if (current.cancelled) throw new AppError('invalid_transition', { details: { reason: 'cancelled' } });
    const amount = input.amountFen ?? current.amountFen;
    const schedule = input.instalments ?? current.instalments;
    if (schedule.length > 0 && schedule.reduce((s, i) => s + BigInt(i.amountFen), 0n) !== BigInt(amount)) throw fieldError('body.instalments', 'validation.instalments_sum');
    if (amount < current.receivedFen) throw fieldError('body.amountFen', 'validation.pledge_below_received');
    const { version, instalments, ...patch } = input;
    // Instalments replace a single due date and the other way round.
    const dueDate = instalments && instalments.length > 0 ? null : patch.dueDate;
    if (!(await updatePledge(trx, pledgeId, version, { ...patch, ...(dueDate !== undefined ? { dueDate } : {}) }, nowIso(ctx)))) throw versionConflict('pledge');
    if (instalments !== undefined) await replaceInstalments(trx, pledgeId, instalments);
    else if (patch.dueDate) await replaceInstalments(trx, pledgeId, []);
    await recordAudit(trx, ctx, { action: 'campaign.pledge_update', entity: 'campaign', entityId: campaignId, divisionId: campaign.division_id, detail: { pledgeId, amountFen: { before: current.amountFen, after: amount } } });
    return pledgeView(ctx, trx, campaign, pledgeId);
  });
}

/** Cancel a pledge that nothing has been received against (409 `in_use` otherwise). */
export async function cancelPledge(ctx: ActorContext, campaignId: number, pledgeId: number, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(ctx, trx, campaignId, 'manage');
    const current = await pledgeView(ctx, trx, campaign, pledgeId);
    if (current.cancelled) throw new AppError('invalid_transition');
    if (current.receivedFen > 0) throw new AppError('in_use', { params: { entity: 'entities.pledge' } });
    if (!(await updatePledge(trx, pledgeId, version, { cancelledAt: nowIso(ctx) }, nowIso(ctx)))) throw versionConflict('pledge');
    await recordAudit(trx, ctx, { action: 'campaign.pledge_cancel', entity: 'campaign', entityId: campaignId, divisionId: campaign.division_id, detail: { pledgeId, amountFen: current.amountFen } });
    return pledgeView(ctx, trx, campaign, pledgeId);
  });
}

export async function listReceipts(ctx: ActorContext, campaignId: number, voided: 'false' | 'true' | 'all') {
  await loadCampaign(ctx, ctx.db, campaignId, 'read');
  const books = await loadBooks(ctx.db, [campaignId]);
  return books.receipts.filter((r) => voided === 'all' || (r.voided_at !== null) === (voided === 'true')).map(toReceipt);
}

/**
 * Record money received (到账): against a pledge of this campaign (the donor is the pledge's) or as
 * a donation not pledged beforehand. A date in the future is refused.
 */
export async function createReceipt(ctx: ActorContext, campaignId: number, input: ReceiptCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(ctx, trx, campaignId, 'manage');
    assertOpen(campaign);
    if (input.receivedOn > shanghaiToday(ctx.clock.now())) throw fieldError('body.receivedOn', 'validation.date_in_future');
    let organisationId = input.organisationId;
    if (input.pledgeId) {
      const pledge = (await loadBooks(trx, [campaignId])).pledges.find((p) => p.id === input.pledgeId);
      if (!pledge || pledge.cancelled_at !== null) throw fieldError('body.pledgeId', 'validation.reference');
      if (organisationId !== undefined && organisationId !== pledge.organisation_id) throw fieldError('body.organisationId', 'validation.receipt_donor');
      organisationId = pledge.organisation_id;
    } else {
      await requireOrganisation(ctx, trx, organisationId!, 'body.organisationId');
    }
    const id = await insertReceipt(
      trx,
      { campaignId, pledgeId: input.pledgeId ?? null, organisationId: organisationId!, amountFen: input.amountFen, receivedOn: input.receivedOn, reference: input.reference ?? null, note: input.note ?? null, createdBy: ctx.actor.userId },
      nowIso(ctx),
    );
    await recordAudit(trx, ctx, { action: 'campaign.receipt', entity: 'campaign', entityId: campaignId, divisionId: campaign.division_id, detail: { receiptId: id, pledgeId: input.pledgeId ?? null, amountFen: input.amountFen } });
    const receipt = (await loadBooks(trx, [campaignId])).receipts.find((r) => r.id === id)!;
    return toReceipt(receipt);
  });
}

/** Void a receipt entered in error, with a reason; it stays in the books, out of the figures. */
export async function voidReceiptOf(ctx: ActorContext, campaignId: number, receiptId: number, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(ctx, trx, campaignId, 'manage');
    const receipt = (await loadBooks(trx, [campaignId])).receipts.find((r) => r.id === receiptId);
    if (!receipt) throw notFound('receipt');
    if (!(await voidReceipt(trx, receiptId, reason, nowIso(ctx)))) throw new AppError('invalid_transition', { details: { reason: 'voided' } });
    await recordAudit(trx, ctx, { action: 'campaign.receipt_void', entity: 'campaign', entityId: campaignId, divisionId: campaign.division_id, detail: { receiptId, amountFen: receipt.amount_fen, reason } });
    return toReceipt((await loadBooks(trx, [campaignId])).receipts.find((r) => r.id === receiptId)!);
  });
}
