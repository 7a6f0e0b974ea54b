import type { TalentIntake, TalentListQuery } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { TalentRow } from '../../db/types-judging.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type TalentWithNames = TalentRow & { division_name: string; division_path: string };

export function toTalent(row: TalentWithNames): TalentIntake {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    date: row.date,
    count: row.count,
    field: row.field,
    origin: row.origin,
    note: row.note,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectTalents(db: Executor) {
  return db.selectFrom('talent_intakes as t').innerJoin('divisions as d', 'd.id', 't.division_id').selectAll('t').select(['d.name as division_name', 'd.path as division_path']);
}

export async function findTalent(db: Executor, id: number): Promise<TalentWithNames | undefined> {
  return selectTalents(db).where('t.id', '=', id).executeTakeFirst();
}

type TalentSearch = Omit<TalentListQuery, 'divisionId'> & { scopePath: string | null; subtreePath?: string | undefined };

/** The list's filters (scope first), shared by the paged list and the Excel export. */
function filteredTalents(db: Executor, search: Omit<TalentSearch, 'page' | 'pageSize'>) {
  let base = selectTalents(db).where(divisionInScope('t.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('t.division_id', search.subtreePath));
  if (search.from) base = base.where('t.date', '>=', search.from);
  if (search.to) base = base.where('t.date', '<=', search.to);
  if (search.field) base = base.where('t.field', '=', search.field);
  if (search.archived === 'false') base = base.where('t.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('t.archived_at', 'is not', null);
  return base;
}

/** One page of the filtered talent intakes by ascending id, for the Excel export (keyset paging). */
export async function talentsAfter(db: Executor, search: Omit<TalentSearch, 'page' | 'pageSize'>, afterId: number, limit: number): Promise<TalentWithNames[]> {
  return filteredTalents(db, search).where('t.id', '>', afterId).orderBy('t.id').limit(limit).execute();
}

export async function searchTalents(db: Executor, search: TalentSearch) {
  const base = filteredTalents(db, search);
  const [rows, count] = await Promise.all([
    base.orderBy('t.date', 'desc').orderBy('t.id', 'desc').limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toTalent), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export interface TalentValues {
  divisionId: number;
  date: string;
  count: number;
  field: string;
  origin: string | null;
  note: string | null;
}

export async function insertTalent(db: Executor, values: TalentValues, createdBy: number | null, at: string): Promise<number> {
  const row = await db
    .insertInto('talent_intakes')
    .values({ division_id: values.divisionId, date: values.date, count: values.count, field: values.field, origin: values.origin, note: values.note, created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTalent(db: Executor, id: number, version: number, patch: Partial<TalentValues> & { archivedAt?: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('talent_intakes')
    .set((eb) => ({
      ...(patch.divisionId !== undefined ? { division_id: patch.divisionId } : {}),
      ...(patch.date !== undefined ? { date: patch.date } : {}),
      ...(patch.count !== undefined ? { count: patch.count } : {}),
      ...(patch.field !== undefined ? { field: patch.field } : {}),
      ...(patch.origin !== undefined ? { origin: patch.origin } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
