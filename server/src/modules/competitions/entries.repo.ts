import type { Entry } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { EntryRow } from '../../db/types-judging.ts';

export type EntryWithNames = EntryRow & {
  project_title: string | null;
  project_organisation_id: number | null;
  registry_organisation_name: string | null;
};

/** The name shown for an entry's organisation: the registry's, else what was typed. */
export function organisationNameOf(row: EntryWithNames): string | null {
  return row.registry_organisation_name ?? row.organisation_name;
}

/**
 * Every organisation behind an entry, for the conflict bar: its own and its project's responsible
 * unit. A typed organisation name without a registry record cannot be matched, so it bars nobody.
 */
export function entryOrganisationIds(row: Pick<EntryWithNames, 'organisation_id' | 'project_organisation_id'>): string[] {
  return [...new Set([row.organisation_id, row.project_organisation_id].filter((id): id is number => id !== null))].map(String);
}

export function toEntry(row: EntryWithNames, reviewCount: number): Entry {
  return {
    id: row.id,
    competitionId: row.competition_id,
    code: row.code,
    projectId: row.project_id,
    projectTitle: row.project_title,
    title: row.title,
    organisationId: row.organisation_id,
    organisationName: organisationNameOf(row),
    summary: row.summary,
    withdrawn: row.withdrawn_at !== null,
    reviewCount,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectEntries(db: Executor) {
  return db
    .selectFrom('competition_entries as e')
    .leftJoin('projects as p', 'p.id', 'e.project_id')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .selectAll('e')
    .select(['p.title as project_title', 'p.responsible_organisation_id as project_organisation_id', 'o.name as registry_organisation_name']);
}

/** Entries of a competition in code order; withdrawn ones only when asked. */
export async function listEntries(db: Executor, competitionId: number, includeWithdrawn = false): Promise<EntryWithNames[]> {
  let query = selectEntries(db).where('e.competition_id', '=', competitionId);
  if (!includeWithdrawn) query = query.where('e.withdrawn_at', 'is', null);
  return query.orderBy('e.code').orderBy('e.id').execute();
}

export async function findEntry(db: Executor, competitionId: number, entryId: number): Promise<EntryWithNames | undefined> {
  return selectEntries(db).where('e.competition_id', '=', competitionId).where('e.id', '=', entryId).executeTakeFirst();
}

export async function findEntryByCode(db: Executor, competitionId: number, code: string, exceptId?: number) {
  let query = db.selectFrom('competition_entries').select('id').where('competition_id', '=', competitionId).where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function findEntryByProject(db: Executor, competitionId: number, projectId: number) {
  return db.selectFrom('competition_entries').select('id').where('competition_id', '=', competitionId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The next free three-digit code (`001`, `002`, …) after the highest numeric one. */
export async function nextEntryCode(db: Executor, competitionId: number): Promise<string> {
  const codes = await db.selectFrom('competition_entries').select('code').where('competition_id', '=', competitionId).execute();
  const highest = codes.reduce((max, { code }) => (/^\d+$/.test(code) ? Math.max(max, Number(code)) : max), 0);
  return String(highest + 1).padStart(3, '0');
}

/** Counted (not abstained) reviews per entry. */
export async function reviewCountsByEntry(db: Executor, competitionId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('competition_reviews')
    .select(['entry_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('competition_id', '=', competitionId)
    .where('abstained', '=', 0)
    .groupBy('entry_id')
    .execute();
  return new Map(rows.map((r) => [r.entry_id, Number(r.n)]));
}

export interface EntryValues {
  code: string;
  projectId: number | null;
  title: string;
  organisationId: number | null;
  organisationName: string | null;
  summary: string | null;
}

export async function insertEntry(db: Executor, competitionId: number, values: EntryValues, at: string): Promise<number> {
  const row = await db
    .insertInto('competition_entries')
    .values({
      competition_id: competitionId,
      code: values.code,
      project_id: values.projectId,
      title: values.title,
      organisation_id: values.organisationId,
      organisation_name: values.organisationName,
      summary: values.summary,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEntry(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<Omit<EntryValues, 'projectId'>> & { withdrawnAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('competition_entries')
    .set((eb) => ({
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.organisationId !== undefined ? { organisation_id: patch.organisationId } : {}),
      ...(patch.organisationName !== undefined ? { organisation_name: patch.organisationName } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary } : {}),
      ...(patch.withdrawnAt !== undefined ? { withdrawn_at: patch.withdrawnAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
