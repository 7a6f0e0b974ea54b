import type { CampaignListQuery } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { CampaignRow, PledgeRow, ReceiptRow } from '../../db/types-judging.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type CampaignWithNames = CampaignRow & { division_name: string; division_path: string; beneficiary_division_name: string | null };
export type PledgeWithName = PledgeRow & { organisation_name: string };
export type ReceiptWithName = ReceiptRow & { organisation_name: string };

function selectCampaigns(db: Executor) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('divisions as d', 'd.id', 'c.division_id')
    .leftJoin('divisions as b', 'b.id', 'c.beneficiary_division_id')
    .selectAll('c')
    .select(['d.name as division_name', 'd.path as division_path', 'b.name as beneficiary_division_name']);
}

export async function findCampaign(db: Executor, id: number): Promise<CampaignWithNames | undefined> {
  return selectCampaigns(db).where('c.id', '=', id).executeTakeFirst();
}

export async function searchCampaigns(db: Executor, search: Omit<CampaignListQuery, 'divisionId'> & { scopePath: string | null; subtreePath?: string | undefined }) {
  let base = selectCampaigns(db).where(divisionInScope('c.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('c.division_id', search.subtreePath));
  if (search.q) base = base.where(containsText('c.title', search.q));
  if (search.archived === 'false') base = base.where('c.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('c.archived_at', 'is not', null);
  if (search.year) {
    const year = search.year;
    base = base.where('c.start_date', '<=', `${year}-12-31`).where((eb) => eb.or([eb('c.end_date', 'is', null), eb('c.end_date', '>=', `${year}-01-01`)]));
  }
  const [rows, count] = await Promise.all([
    base.orderBy('c.start_date', 'desc').orderBy('c.id', 'desc').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every campaign of a subtree that is not archived (for the overdue list). */
export async function campaignsInScope(db: Executor, scopePath: string | null, subtreePath: string | undefined) {
  let query = selectCampaigns(db).where(divisionInScope('c.division_id', scopePath)).where('c.archived_at', 'is', null);
  if (subtreePath) query = query.where(divisionInScope('c.division_id', subtreePath));
  return query.orderBy('c.id').execute();
}

export interface CampaignValues {
  divisionId: number;
  title: string;
  targetFen: number;
  startDate: string;
  endDate: string | null;
  beneficiaryDivisionId: number | null;
  beneficiaryName: string | null;
  description: string | null;
}

function toColumns(values: Partial<CampaignValues>) {
  return {
    ...(values.divisionId !== undefined ? { division_id: values.divisionId } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.targetFen !== undefined ? { target_fen: values.targetFen } : {}),
    ...(values.startDate !== undefined ? { start_date: values.startDate } : {}),
    ...(values.endDate !== undefined ? { end_date: values.endDate } : {}),
    ...(values.beneficiaryDivisionId !== undefined ? { beneficiary_division_id: values.beneficiaryDivisionId } : {}),
    ...(values.beneficiaryName !== undefined ? { beneficiary_name: values.beneficiaryName } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
  };
}

export async function insertCampaign(db: Executor, values: CampaignValues, createdBy: number | null, at: string): Promise<number> {
  const row = await db
    .insertInto('campaigns')
    .values({ ...toColumns(values), division_id: values.divisionId, title: values.title, target_fen: values.targetFen, start_date: values.startDate, created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCampaign(db: Executor, id: number, version: number, patch: Partial<CampaignValues> & { archivedAt?: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set((eb) => ({ ...toColumns(patch), ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}), updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- Pledges, instalments, receipts ----

export async function listPledges(db: Executor, campaignIds: number[]): Promise<PledgeWithName[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('campaign_pledges as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select('o.name as organisation_name')
    .where('p.campaign_id', 'in', campaignIds)
    .orderBy('p.pledged_on')
    .orderBy('p.id')
    .execute();
}

export async function listInstalments(db: Executor, pledgeIds: number[]) {
  if (pledgeIds.length === 0) return [];
  const rows = [];
  for (let i = 0; i < pledgeIds.length; i += 500) {
    rows.push(...(await db.selectFrom('pledge_instalments').selectAll().where('pledge_id', 'in', pledgeIds.slice(i, i + 500)).orderBy('due_date').orderBy('id').execute()));
  }
  return rows;
}

export async function listReceipts(db: Executor, campaignIds: number[]): Promise<ReceiptWithName[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('campaign_receipts as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .selectAll('r')
    .select('o.name as organisation_name')
    .where('r.campaign_id', 'in', campaignIds)
    .orderBy('r.received_on')
    .orderBy('r.id')
    .execute();
}

export interface PledgeValues {
  organisationId: number;
  amountFen: number;
  pledgedOn: string;
  dueDate: string | null;
  note: string | null;
}

export async function insertPledge(db: Executor, campaignId: number, values: PledgeValues, at: string): Promise<number> {
  const row = await db
    .insertInto('campaign_pledges')
    .values({ campaign_id: campaignId, organisation_id: values.organisationId, amount_fen: values.amountFen, pledged_on: values.pledgedOn, due_date: values.dueDate, note: values.note, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceInstalments(db: Executor, pledgeId: number, instalments: Array<{ dueDate: string; amountFen: number }>): Promise<void> {
  await db.deleteFrom('pledge_instalments').where('pledge_id', '=', pledgeId).execute();
  if (instalments.length > 0) {
    await db.insertInto('pledge_instalments').values(instalments.map((i) => ({ pledge_id: pledgeId, due_date: i.dueDate, amount_fen: i.amountFen }))).execute();
  }
}

export async function updatePledge(
  db: Executor,
  id: number,
  version: number,
  patch: { amountFen?: number; pledgedOn?: string; dueDate?: string | null; note?: string | null; cancelledAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('campaign_pledges')
    .set((eb) => ({
      ...(patch.amountFen !== undefined ? { amount_fen: patch.amountFen } : {}),
      ...(patch.pledgedOn !== undefined ? { pledged_on: patch.pledgedOn } : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.cancelledAt !== undefined ? { cancelled_at: patch.cancelledAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertReceipt(
  db: Executor,
  values: { campaignId: number; pledgeId: number | null; organisationId: number; amountFen: number; receivedOn: string; reference: string | null; note: string | null; createdBy: number | null },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('campaign_receipts')
    .values({
      campaign_id: values.campaignId,
      pledge_id: values.pledgeId,
      organisation_id: values.organisationId,
      amount_fen: values.amountFen,
      received_on: values.receivedOn,
      reference: values.reference,
      note: values.note,
      created_by: values.createdBy,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Void a receipt once; false when it was already voided. */
export async function voidReceipt(db: Executor, id: number, reason: string, at: string): Promise<boolean> {
  const result = await db.updateTable('campaign_receipts').set({ voided_at: at, void_reason: reason }).where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
