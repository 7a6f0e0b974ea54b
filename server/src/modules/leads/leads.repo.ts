import { nextLeadStages, type Lead, type LeadListQuery, type LeadOrigin, type LeadStage } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { LeadRow } from '../../db/types-judging.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type LeadWithNames = LeadRow & { division_name: string; division_path: string; source_organisation_name: string | null };

export function toLead(row: LeadWithNames): Lead {
  const stage = row.stage as LeadStage;
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    firmName: row.firm_name,
    sector: row.sector,
    origin: row.origin as LeadOrigin,
    sourceOrganisationId: row.source_organisation_id,
    sourceOrganisationName: row.source_organisation_name,
    sourceNote: row.source_note,
    stage,
    nextStages: nextLeadStages(stage),
    contractFen: row.contract_fen,
    landedFen: row.landed_fen,
    firstContactOn: row.first_contact_on,
    signedOn: row.signed_on,
    landedOn: row.landed_on,
    note: row.note,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectLeads(db: Executor) {
  return db
    .selectFrom('investment_leads as l')
    .innerJoin('divisions as d', 'd.id', 'l.division_id')
    .leftJoin('organisations as o', 'o.id', 'l.source_organisation_id')
    .selectAll('l')
    .select(['d.name as division_name', 'd.path as division_path', 'o.name as source_organisation_name']);
}

export async function findLead(db: Executor, id: number): Promise<LeadWithNames | undefined> {
  return selectLeads(db).where('l.id', '=', id).executeTakeFirst();
}

type LeadSearch = Omit<LeadListQuery, 'divisionId'> & { scopePath: string | null; subtreePath?: string | undefined };

/** The list's filters (scope first), shared by the paged list and the Excel export. */
function filteredLeads(db: Executor, search: Omit<LeadSearch, 'page' | 'pageSize'>) {
  let base = selectLeads(db).where(divisionInScope('l.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('l.division_id', search.subtreePath));
  if (search.stage) base = base.where('l.stage', 'in', search.stage);
  if (search.origin) base = base.where('l.origin', '=', search.origin);
  if (search.sector) base = base.where('l.sector', '=', search.sector);
  if (search.signedFrom) base = base.where('l.signed_on', '>=', search.signedFrom);
  if (search.signedTo) base = base.where('l.signed_on', '<=', search.signedTo);
  if (search.archived === 'false') base = base.where('l.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('l.archived_at', 'is not', null);
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('l.firm_name', q), containsText('l.sector', q)]));
  }
  return base;
}

/** One page of the filtered leads by ascending id, for the Excel export (keyset paging). */
export async function leadsAfter(db: Executor, search: Omit<LeadSearch, 'page' | 'pageSize'>, afterId: number, limit: number): Promise<LeadWithNames[]> {
  return filteredLeads(db, search).where('l.id', '>', afterId).orderBy('l.id').limit(limit).execute();
}

export async function searchLeads(db: Executor, search: LeadSearch) {
  const base = filteredLeads(db, search);
  const [rows, count] = await Promise.all([
    base.orderBy('l.updated_at', 'desc').orderBy('l.id', 'desc').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toLead), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export interface LeadValues {
  divisionId: number;
  firmName: string;
  sector: string | null;
  origin: LeadOrigin;
  sourceOrganisationId: number | null;
  sourceNote: string | null;
  stage: LeadStage;
  contractFen: number | null;
  landedFen: number | null;
  firstContactOn: string | null;
  signedOn: string | null;
  landedOn: string | null;
  note: string | null;
}

function toColumns(values: Partial<LeadValues>) {
  return {
    ...(values.divisionId !== undefined ? { division_id: values.divisionId } : {}),
    ...(values.firmName !== undefined ? { firm_name: values.firmName } : {}),
    ...(values.sector !== undefined ? { sector: values.sector } : {}),
    ...(values.origin !== undefined ? { origin: values.origin } : {}),
    ...(values.sourceOrganisationId !== undefined ? { source_organisation_id: values.sourceOrganisationId } : {}),
    ...(values.sourceNote !== undefined ? { source_note: values.sourceNote } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.contractFen !== undefined ? { contract_fen: values.contractFen } : {}),
    ...(values.landedFen !== undefined ? { landed_fen: values.landedFen } : {}),
    ...(values.firstContactOn !== undefined ? { first_contact_on: values.firstContactOn } : {}),
    ...(values.signedOn !== undefined ? { signed_on: values.signedOn } : {}),
    ...(values.landedOn !== undefined ? { landed_on: values.landedOn } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
  };
}

export async function insertLead(db: Executor, values: LeadValues, createdBy: number | null, at: string): Promise<number> {
  const row = await db
    .insertInto('investment_leads')
    .values({ ...toColumns(values), division_id: values.divisionId, firm_name: values.firmName, origin: values.origin, stage: values.stage, created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateLead(db: Executor, id: number, version: number, patch: Partial<LeadValues> & { archivedAt?: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('investment_leads')
    .set((eb) => ({ ...toColumns(patch), ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}), updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertStageChange(
  db: Executor,
  values: { leadId: number; fromStage: LeadStage | null; toStage: LeadStage; onDate: string; note: string | null; actorId: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('lead_stage_history')
    .values({ lead_id: values.leadId, from_stage: values.fromStage, to_stage: values.toStage, on_date: values.onDate, note: values.note, actor_id: values.actorId, at: values.at })
    .execute();
}

export async function listStageChanges(db: Executor, leadId: number) {
  return db
    .selectFrom('lead_stage_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.from_stage', 'h.to_stage', 'h.on_date', 'h.note', 'h.at', 'u.display_name as actor_name'])
    .where('h.lead_id', '=', leadId)
    .orderBy('h.id')
    .execute();
}
