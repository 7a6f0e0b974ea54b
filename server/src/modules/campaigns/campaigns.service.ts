import { type CampaignCreate, type CampaignListQuery, type CampaignUpdate } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach, subtreeFilterPath } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { assertReferencesInScope } from '../../kernel/references.ts';
import { allowedActions, assertCan, type CampaignAction } from './campaigns.policy.ts';
import { loadBooks, progressOf, toCampaign } from './campaigns.progress.ts';
import { campaignsInScope, findCampaign, insertCampaign, searchCampaigns, updateCampaign, type CampaignWithNames } from './campaigns.repo.ts';

export async function loadCampaign(ctx: ActorContext, db: Executor, id: number, action: CampaignAction): Promise<CampaignWithNames> {
  const row = await findCampaign(db, id);
  if (!row) throw notFound('campaign');
  assertCan(ctx.actor, action, { divisionPath: row.division_path });
  return row;
}

/** A campaign that takes new pledges and receipts: not archived (409). */
export function assertOpen(row: CampaignWithNames): void {
  if (row.archived_at !== null) throw new AppError('invalid_transition', { details: { reason: 'archived' } });
}

export async function list(ctx: ActorContext, query: CampaignListQuery) {
  const { divisionId, ...rest } = query;
  const { rows, total } = await searchCampaigns(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, subtreePath: await subtreeFilterPath(ctx.db, ctx.actor, divisionId) });
  const books = await loadBooks(ctx.db, rows.map((r) => r.id));
  const now = ctx.clock.now();
  return { items: rows.map((r) => toCampaign(r, progressOf(r, books, now))), total, page: query.page, pageSize: query.pageSize };
}

async function present(ctx: ActorContext, db: Executor, row: CampaignWithNames) {
  const books = await loadBooks(db, [row.id]);
  const progress = progressOf(row, books, ctx.clock.now());
  const names = new Map(books.pledges.map((p) => [String(p.organisation_id), p.organisation_name]));
  for (const r of books.receipts) names.set(String(r.organisation_id), r.organisation_name);
  return {
    ...toCampaign(row, progress),
    byDonor: progress.byDonor.map((d) => ({ organisationId: Number(d.donorId), organisationName: names.get(d.donorId) ?? '', pledgedFen: d.pledgedFen, receivedFen: d.receivedFen })),
    overduePledges: progress.overduePledges.map((o) => ({
      campaignId: row.id,
      campaignTitle: row.title,
      pledgeId: Number(o.pledgeId),
      organisationId: Number(o.donorId),
      organisationName: names.get(o.donorId) ?? '',
      dueFen: o.dueFen,
      receivedFen: o.receivedFen,
      shortFen: o.shortFen,
    })),
    allowed: allowedActions(ctx.actor, { divisionPath: row.division_path }),
  };
}

export async function detail(ctx: ActorContext, id: number) {
  return present(ctx, ctx.db, await loadCampaign(ctx, ctx.db, id, 'read'));
}

/** The beneficiary division must exist (400) and lie in the caller's subtree (403), like every reference. */
async function checkBeneficiary(ctx: ActorContext, db: Executor, id: number | null | undefined) {
  await assertReferencesInScope(db, ctx.actor, [{ field: 'body.beneficiaryDivisionId', kind: 'division', id }]);
}

export async function create(ctx: ActorContext, input: CampaignCreate) {
  return ctx.db.transaction().execute(async (trx) => {
    const division = await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
    assertCan(ctx.actor, 'manage', { divisionPath: division.path });
    await checkBeneficiary(ctx, trx, input.beneficiaryDivisionId);
    const id = await insertCampaign(
      trx,
      {
        divisionId: input.divisionId,
        title: input.title,
        targetFen: input.targetFen,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        beneficiaryDivisionId: input.beneficiaryDivisionId ?? null,
        beneficiaryName: input.beneficiaryName ?? null,
        description: input.description ?? null,
      },
      ctx.actor.userId,
      nowIso(ctx),
    );
    await recordAudit(trx, ctx, { action: 'campaign.create', entity: 'campaign', entityId: id, divisionId: input.divisionId, detail: { title: input.title, targetFen: input.targetFen } });
    return present(ctx, trx, (await findCampaign(trx, id))!);
  });
}

export async function update(ctx: ActorContext, id: number, input: CampaignUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadCampaign(ctx, trx, id, 'manage');
    assertOpen(before);
    if (input.divisionId !== undefined && input.divisionId !== before.division_id) {
      const division = await divisionInReach(trx, ctx.actor, input.divisionId, 'body.divisionId');
      assertCan(ctx.actor, 'manage', { divisionPath: division.path });
    }
    await checkBeneficiary(ctx, trx, input.beneficiaryDivisionId);
    const startDate = input.startDate ?? before.start_date;
    const endDate = input.endDate !== undefined ? input.endDate : before.end_date;
    if (endDate && endDate < startDate) throw fieldError('body.endDate', 'validation.end_before_start');
    const { version, ...patch } = input;
    if (!(await updateCampaign(trx, id, version, patch, nowIso(ctx)))) throw versionConflict('campaign');
    await recordAudit(trx, ctx, { action: 'campaign.update', entity: 'campaign', entityId: id, divisionId: input.divisionId ?? before.division_id, detail: { changed: Object.keys(patch).sort(), ...(patch.targetFen !== undefined ? { targetFen: { before: before.target_fen, after: patch.targetFen } } : {}) } });
    return present(ctx, trx, (await findCampaign(trx, id))!);
  });
}

export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadCampaign(ctx, trx, id, 'manage');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateCampaign(trx, id, version, { archivedAt: archived ? at : null }, at))) throw versionConflict('campaign');
    await recordAudit(trx, ctx, { action: archived ? 'campaign.archive' : 'campaign.unarchive', entity: 'campaign', entityId: id, divisionId: before.division_id, detail: { title: before.title } });
    return present(ctx, trx, (await findCampaign(trx, id))!);
  });
}

/** Overdue pledges across the campaigns of the subtree, largest shortfall first. */
export async function overdue(ctx: ActorContext, divisionId: number | undefined) {
  const campaigns = await campaignsInScope(ctx.db, ctx.actor.scopePath, await subtreeFilterPath(ctx.db, ctx.actor, divisionId));
  const books = await loadBooks(ctx.db, campaigns.map((c) => c.id));
  const now = ctx.clock.now();
  const names = new Map(books.pledges.map((p) => [p.id, p]));
  return campaigns
    .flatMap((c) =>
      progressOf(c, books, now).overduePledges.map((o) => ({
        campaignId: c.id,
        campaignTitle: c.title,
        pledgeId: Number(o.pledgeId),
        organisationId: Number(o.donorId),
        organisationName: names.get(Number(o.pledgeId))?.organisation_name ?? '',
        dueFen: o.dueFen,
        receivedFen: o.receivedFen,
        shortFen: o.shortFen,
      })),
    )
    .sort((a, b) => b.shortFen - a.shortFen || a.pledgeId - b.pledgeId);
}

