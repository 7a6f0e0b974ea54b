import type { Pair } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { PairRow } from '../../db/types-work.ts';
import { containsText } from '../../db/text-match.ts';

export type PairWithNames = PairRow & {
  organisation_name: string;
  organisation_division: string;
  partner_name: string;
  partner_division: string;
  activity_count: number | string | null;
  last_activity_date: string | null;
};

export function toPair(row: PairWithNames, today: string): Pair {
  return {
    id: row.id,
    programmeId: row.programme_id,
    organisation: { id: row.organisation_id, name: row.organisation_name, divisionName: row.organisation_division },
    partner: { id: row.partner_organisation_id, name: row.partner_name, divisionName: row.partner_division },
    startDate: row.start_date,
    endDate: row.end_date,
    current: row.start_date <= today && (row.end_date === null || row.end_date >= today),
    activityCount: Number(row.activity_count ?? 0),
    lastActivityDate: row.last_activity_date,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectPairs(db: Executor) {
  return db
    .selectFrom('pairs')
    .innerJoin('organisations as o', 'o.id', 'pairs.organisation_id')
    .innerJoin('divisions as od', 'od.id', 'o.division_id')
    .innerJoin('organisations as po', 'po.id', 'pairs.partner_organisation_id')
    .innerJoin('divisions as pd', 'pd.id', 'po.division_id')
    .selectAll('pairs')
    .select(['o.name as organisation_name', 'od.name as organisation_division', 'po.name as partner_name', 'pd.name as partner_division'])
    .select((eb) => [
      eb
        .selectFrom('activities as a')
        .whereRef('a.pair_id', '=', 'pairs.id')
        .where('a.archived_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('activity_count'),
      eb
        .selectFrom('activities as a')
        .whereRef('a.pair_id', '=', 'pairs.id')
        .where('a.archived_at', 'is', null)
        .select((e) => e.fn.max('a.date').as('d'))
        .as('last_activity_date'),
    ]);
}

export async function findPair(db: Executor, id: number) {
  return selectPairs(db)
    .innerJoin('divisions as sd', 'sd.id', 'pairs.division_id')
    .select('sd.path as division_path')
    .where('pairs.id', '=', id)
    .executeTakeFirst();
}

export interface PairSearch {
  programmeId: number;
  today: string;
  /** Start of "the last quarter" for the stale filter. */
  since: string;
  q?: string | undefined;
  stale?: boolean | undefined;
  current: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
}

/** Current pairs formed before `since` that have had no activity from `since` to today. */
function whereStale(search: Pick<PairSearch, 'today' | 'since'>) {
  return <Q extends ReturnType<typeof selectPairs>>(query: Q) =>
    query
      .where('pairs.start_date', '<=', search.since)
      .where((eb) => eb.or([eb('pairs.end_date', 'is', null), eb('pairs.end_date', '>=', search.today)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('activities as recent')
              .select('recent.id')
              .whereRef('recent.pair_id', '=', 'pairs.id')
              .where('recent.archived_at', 'is', null)
              .where('recent.date', '>=', search.since)
              .where('recent.date', '<=', search.today),
          ),
        ),
      ) as Q;
}

/** The pair list's filters, shared by the paged list and the export. */
function filteredPairs(db: Executor, search: Omit<PairSearch, 'page' | 'pageSize'>) {
  let base = selectPairs(db).where('pairs.programme_id', '=', search.programmeId);
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('o.name', q), containsText('po.name', q)]));
  }
  if (search.current === 'true') {
    base = base.where('pairs.start_date', '<=', search.today).where((eb) => eb.or([eb('pairs.end_date', 'is', null), eb('pairs.end_date', '>=', search.today)]));
  } else if (search.current === 'false') {
    base = base.where((eb) => eb.or([eb('pairs.start_date', '>', search.today), eb('pairs.end_date', '<', search.today)]));
  }
  if (search.stale) base = whereStale(search)(base);
  return base;
}

/** One export page: the programme's filtered pairs with id > afterId, by ascending id. */
export async function pairsAfter(db: Executor, search: Omit<PairSearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  return filteredPairs(db, search).where('pairs.id', '>', afterId).orderBy('pairs.id').limit(limit).execute();
}

export async function searchPairs(db: Executor, search: PairSearch) {
  const base = filteredPairs(db, search);
  const [rows, count] = await Promise.all([
    base
      .orderBy('o.name')
      .orderBy('pairs.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => toPair(row, search.today)), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export async function countStalePairs(db: Executor, programmeId: number, today: string, since: string): Promise<number> {
  const row = await whereStale({ today, since })(selectPairs(db).where('pairs.programme_id', '=', programmeId))
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A pair of the same two organisations in the programme that overlaps [start, end]. */
export async function findOverlappingPair(db: Executor, programmeId: number, organisationId: number, partnerId: number, start: string, end: string | null) {
  let query = db
    .selectFrom('pairs')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('organisation_id', '=', organisationId)
    .where('partner_organisation_id', '=', partnerId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', start)]));
  if (end !== null) query = query.where('start_date', '<=', end);
  return query.executeTakeFirst();
}

export async function insertPair(
  db: Executor,
  values: { programmeId: number; divisionId: number; organisationId: number; partnerId: number; startDate: string; endDate: string | null; note: string | null; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('pairs')
    .values({
      programme_id: values.programmeId,
      division_id: values.divisionId,
      organisation_id: values.organisationId,
      partner_organisation_id: values.partnerId,
      start_date: values.startDate,
      end_date: values.endDate,
      note: values.note,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePair(db: Executor, id: number, version: number, patch: { end_date?: string | null; note?: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('pairs')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
