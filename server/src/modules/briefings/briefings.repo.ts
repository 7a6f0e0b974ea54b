import type { Briefing, BriefingSection } from '@tongxin/core/briefings/index';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { BriefingsTable } from '../../db/types-briefings.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type BriefingRow = Selectable<BriefingsTable> & {
  division_name: string;
  division_path: string;
  created_by_name: string | null;
};

export function toBriefing(row: BriefingRow): Briefing {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    from: row.period_from,
    to: row.period_to,
    revision: row.revision,
    createdByName: row.created_by_name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectBriefings(db: Executor) {
  return db
    .selectFrom('briefings')
    .innerJoin('divisions', 'divisions.id', 'briefings.division_id')
    .leftJoin('users', 'users.id', 'briefings.created_by')
    .selectAll('briefings')
    .select(['divisions.name as division_name', 'divisions.path as division_path', 'users.display_name as created_by_name']);
}

export async function findBriefing(db: Executor, id: number): Promise<BriefingRow | undefined> {
  return selectBriefings(db).where('briefings.id', '=', id).where('briefings.archived_at', 'is', null).executeTakeFirst();
}

export interface BriefingSearch {
  scopePath: string | null;
  /** Path of the `divisionId` filter's division (its subtree), already checked against the scope. */
  filterPath?: string | undefined;
  page: number;
  pageSize: number;
}

/** Newest first, within the scope (and the filter's subtree). */
export async function searchBriefings(db: Executor, search: BriefingSearch) {
  let base = db
    .selectFrom('briefings')
    .where('briefings.archived_at', 'is', null)
    .where(divisionInScope('briefings.division_id', search.scopePath));
  if (search.filterPath) base = base.where(divisionInScope('briefings.division_id', search.filterPath));
  const ids = base.select('briefings.id');
  const [items, count] = await Promise.all([
    selectBriefings(db)
      .where('briefings.id', 'in', ids)
      .orderBy('briefings.created_at', 'desc')
      .orderBy('briefings.id', 'desc')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(toBriefing), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export interface NewBriefing {
  divisionId: number;
  from: string;
  to: string;
  title: string;
  figures: Record<string, unknown>;
  createdBy: number | null;
  at: string;
}

export async function insertBriefing(db: Executor, values: NewBriefing): Promise<number> {
  const row = await db
    .insertInto('briefings')
    .values({
      division_id: values.divisionId,
      period_from: values.from,
      period_to: values.to,
      title: values.title,
      figures: JSON.stringify(values.figures),
      revision: 1,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Move a briefing to its next revision if the version is still the one the user saw; false when stale. */
export async function advanceRevision(db: Executor, id: number, values: { revision: number; title: string; at: string }, version: number): Promise<boolean> {
  const result = await db
    .updateTable('briefings')
    .set((eb) => ({ revision: values.revision, title: values.title, updated_at: values.at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRevision(
  db: Executor,
  values: { briefingId: number; revision: number; title: string; sections: BriefingSection[]; createdBy: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('briefing_revisions')
    .values({
      briefing_id: values.briefingId,
      revision: values.revision,
      title: values.title,
      sections: JSON.stringify(values.sections),
      created_by: values.createdBy,
      created_at: values.at,
    })
    .execute();
}

export interface RevisionText {
  revision: number;
  title: string;
  sections: BriefingSection[];
  at: string;
}

/** One revision's text, or undefined when the briefing has no such revision. */
export async function findRevision(db: Executor, briefingId: number, revision: number): Promise<RevisionText | undefined> {
  const row = await db
    .selectFrom('briefing_revisions')
    .select(['revision', 'title', 'sections', 'created_at'])
    .where('briefing_id', '=', briefingId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return row ? { revision: row.revision, title: row.title, sections: JSON.parse(row.sections) as BriefingSection[], at: row.created_at } : undefined;
}

/** Every revision of a briefing, newest first, with who saved it. */
export async function listRevisions(db: Executor, briefingId: number) {
  const rows = await db
    .selectFrom('briefing_revisions')
    .leftJoin('users', 'users.id', 'briefing_revisions.created_by')
    .select(['briefing_revisions.revision', 'briefing_revisions.created_at', 'users.display_name'])
    .where('briefing_revisions.briefing_id', '=', briefingId)
    .orderBy('briefing_revisions.revision', 'desc')
    .execute();
  return rows.map((row) => ({ revision: row.revision, at: row.created_at, byName: row.display_name }));
}
