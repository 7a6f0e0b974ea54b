import type { ChecklistListQuery, ChecklistOutput } from '@tongxin/core';
import { checklistSchema, type Checklist } from '@tongxin/core/scoring/index';
import type { Executor } from '../../db/database.ts';
import type { ChecklistRow } from '../../db/types-judging.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type ChecklistWithDivision = ChecklistRow & { division_name: string; division_path: string };

/** The stored criteria and thresholds, parsed again through core's rules. */
export function checklistOf(row: Pick<ChecklistRow, 'criteria' | 'star_thresholds'>): Checklist {
  return checklistSchema.parse({ criteria: JSON.parse(row.criteria), starThresholds: JSON.parse(row.star_thresholds) });
}

export function toChecklist(row: ChecklistWithDivision, counts: { total: number; finalised: number }): ChecklistOutput {
  const checklist = checklistOf(row);
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    venueType: row.venue_type as ChecklistOutput['venueType'],
    year: row.year,
    criteria: checklist.criteria,
    starThresholds: [...checklist.starThresholds].sort((a, b) => a.stars - b.stars),
    maxTotal: Math.round(checklist.criteria.filter((c) => !c.deduction).reduce((s, c) => s + c.maxPoints, 0) * 100) / 100,
    assessments: counts,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectChecklists(db: Executor) {
  return db.selectFrom('assessment_checklists as k').innerJoin('divisions as d', 'd.id', 'k.division_id').selectAll('k').select(['d.name as division_name', 'd.path as division_path']);
}

export async function findChecklist(db: Executor, id: number): Promise<ChecklistWithDivision | undefined> {
  return selectChecklists(db).where('k.id', '=', id).executeTakeFirst();
}

export async function searchChecklists(db: Executor, search: Omit<ChecklistListQuery, 'divisionId'> & { scopePath: string | null; subtreePath?: string | undefined }) {
  let base = db.selectFrom('assessment_checklists as k').innerJoin('divisions as d', 'd.id', 'k.division_id').where(divisionInScope('k.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('k.division_id', search.subtreePath));
  if (search.year) base = base.where('k.year', '=', search.year);
  if (search.venueType) base = base.where('k.venue_type', '=', search.venueType);
  if (search.archived === 'false') base = base.where('k.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('k.archived_at', 'is not', null);
  const [rows, count] = await Promise.all([
    base
      .selectAll('k')
      .select(['d.name as division_name', 'd.path as division_path'])
      .orderBy('k.year', 'desc')
      .orderBy('k.id', 'desc')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Assessments and finalised assessments per checklist. */
export async function assessmentCounts(db: Executor, ids: number[]): Promise<Map<number, { total: number; finalised: number }>> {
  const counts = new Map(ids.map((id) => [id, { total: 0, finalised: 0 }]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('venue_assessments')
    .select(['checklist_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('checklist_id', 'in', ids)
    .groupBy(['checklist_id', 'status'])
    .execute();
  for (const row of rows) {
    const count = counts.get(row.checklist_id)!;
    count.total += Number(row.n);
    if (row.status === 'final') count.finalised += Number(row.n);
  }
  return counts;
}

export interface ChecklistValues {
  divisionId: number;
  title: string;
  venueType: string;
  year: number;
  criteria: Checklist['criteria'];
  starThresholds: Checklist['starThresholds'];
}

export async function insertChecklist(db: Executor, values: ChecklistValues, createdBy: number | null, at: string): Promise<number> {
  const row = await db
    .insertInto('assessment_checklists')
    .values({
      division_id: values.divisionId,
      title: values.title,
      venue_type: values.venueType,
      year: values.year,
      criteria: JSON.stringify(values.criteria),
      star_thresholds: JSON.stringify(values.starThresholds),
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateChecklist(
  db: Executor,
  id: number,
  version: number,
  patch: { title?: string; criteria?: Checklist['criteria']; starThresholds?: Checklist['starThresholds']; archivedAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('assessment_checklists')
    .set((eb) => ({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.criteria !== undefined ? { criteria: JSON.stringify(patch.criteria) } : {}),
      ...(patch.starThresholds !== undefined ? { star_thresholds: JSON.stringify(patch.starThresholds) } : {}),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
