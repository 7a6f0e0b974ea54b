import type { Project, ProjectStatus, StatusChange } from '@tongxin/core';
import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import type { ProjectRow } from '../../db/types-work.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type ProjectWithNames = ProjectRow & {
  division_name: string;
  division_path: string;
  organisation_name: string | null;
  person_name: string | null;
  brand_name: string | null;
  milestone_count: number | string | null;
  completed_count: number | string | null;
  overdue_count: number | string | null;
};

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function toProject(row: ProjectWithNames): Project {
  const overdueCount = Number(row.overdue_count ?? 0);
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    goal: row.goal,
    status: row.status as ProjectStatus,
    responsibleOrganisation: ref(row.responsible_organisation_id, row.organisation_name),
    responsiblePerson: ref(row.responsible_person_id, row.person_name),
    brand: ref(row.brand_id, row.brand_name),
    startDate: row.start_date,
    endDate: row.end_date,
    milestoneCount: Number(row.milestone_count ?? 0),
    completedCount: Number(row.completed_count ?? 0),
    overdueCount,
    overdue: overdueCount > 0,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type ProjectsEb = ExpressionBuilder<DB & { projects: DB['projects'] }, 'projects'>;

/** Live milestones of the project in the outer query. */
function milestonesOf(eb: ProjectsEb) {
  return eb.selectFrom('project_milestones as m').whereRef('m.project_id', '=', 'projects.id').where('m.archived_at', 'is', null);
}

/** Not completed and due before `today` (dates are `YYYY-MM-DD`, so text order is date order). */
function overdueMilestonesOf(eb: ProjectsEb, today: string) {
  return milestonesOf(eb).where('m.completed_at', 'is', null).where('m.due_date', '<', today);
}

/** Completed with neither evidence text nor a live attachment. */
function unevidencedMilestonesOf(eb: ProjectsEb) {
  return milestonesOf(eb)
    .where('m.completed_at', 'is not', null)
    .where((inner) => inner.or([inner('m.evidence', 'is', null), inner('m.evidence', '=', '')]))
    .where((inner) =>
      inner.not(
        inner.exists(
          inner
            .selectFrom('attachments as a')
            .select('a.id')
            .where('a.owner_type', '=', 'milestone')
            .whereRef('a.owner_id', '=', 'm.id')
            .where('a.deleted_at', 'is', null),
        ),
      ),
    );
}

function selectProjects(db: Executor, today: string) {
  return db
    .selectFrom('projects')
    .innerJoin('divisions', 'divisions.id', 'projects.division_id')
    .leftJoin('organisations as ro', 'ro.id', 'projects.responsible_organisation_id')
    .leftJoin('people as rp', 'rp.id', 'projects.responsible_person_id')
    .leftJoin('brands as b', 'b.id', 'projects.brand_id')
    .selectAll('projects')
    .select(['divisions.name as division_name', 'divisions.path as division_path', 'ro.name as organisation_name', 'rp.name as person_name', 'b.name as brand_name'])
    .select((eb) => [
      milestonesOf(eb).select((e) => e.fn.countAll<number>().as('n')).as('milestone_count'),
      milestonesOf(eb).where('m.completed_at', 'is not', null).select((e) => e.fn.countAll<number>().as('n')).as('completed_count'),
      overdueMilestonesOf(eb, today).select((e) => e.fn.countAll<number>().as('n')).as('overdue_count'),
    ]);
}

export async function findProject(db: Executor, id: number, today: string): Promise<ProjectWithNames | undefined> {
  return selectProjects(db, today).where('projects.id', '=', id).executeTakeFirst();
}

export interface ProjectSearch {
  scopePath: string | null;
  today: string;
  subtreePath?: string | undefined;
  q?: string | undefined;
  status?: ProjectStatus | undefined;
  organisationId?: number | undefined;
  brandId?: number | undefined;
  overdue?: boolean | undefined;
  archived: 'false' | 'true' | 'all';
  page: number;
  pageSize: number;
}

/** The list's filters (scope first), shared by the paged list and the Excel export. */
function filteredProjects(db: Executor, search: Omit<ProjectSearch, 'page' | 'pageSize'>) {
  let base = db.selectFrom('projects').where(divisionInScope('projects.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('projects.division_id', search.subtreePath));
  if (search.q) base = base.where(containsText('projects.title', search.q));
  if (search.status) base = base.where('projects.status', '=', search.status);
  if (search.organisationId) base = base.where('projects.responsible_organisation_id', '=', search.organisationId);
  if (search.brandId) base = base.where('projects.brand_id', '=', search.brandId);
  if (search.archived !== 'all') base = base.where('projects.archived_at', search.archived === 'true' ? 'is not' : 'is', null);
  if (search.overdue !== undefined) {
    const wanted = search.overdue;
    base = base.where((eb) => {
      const exists = eb.exists(overdueMilestonesOf(eb, search.today).select('m.id'));
      return wanted ? exists : eb.not(exists);
    });
  }
  return base;
}

/**
 * One page of the filtered list by ascending id with each project's live milestones, for the
 * Excel export (keyset paging: each page costs the same whatever the rows before it).
 */
export async function projectsAfter(db: Executor, search: Omit<ProjectSearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  const ids = filteredProjects(db, search).select('projects.id').where('projects.id', '>', afterId).orderBy('projects.id').limit(limit);
  const rows = await selectProjects(db, search.today).where('projects.id', 'in', ids).orderBy('projects.id').execute();
  const milestones =
    rows.length === 0
      ? []
      : await db
          .selectFrom('project_milestones')
          .select(['project_id', 'title', 'due_date', 'completed_at', 'evidence'])
          .where('project_id', 'in', rows.map((row) => row.id))
          .where('archived_at', 'is', null)
          .orderBy('due_date')
          .orderBy('id')
          .execute();
  return rows.map((row) => ({ ...row, milestones: milestones.filter((m) => m.project_id === row.id) }));
}

export async function searchProjects(db: Executor, search: ProjectSearch) {
  const base = filteredProjects(db, search);
  const ids = base.select('projects.id');
  const [rows, count] = await Promise.all([
    selectProjects(db, search.today)
      .where('projects.id', 'in', ids)
      .orderBy('projects.id', 'desc')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toProject), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** Projects whose loop is open: live, not yet reviewed, with overdue or unevidenced milestones. */
export interface LoopFilter {
  scopePath: string | null;
  subtreePath?: string | undefined;
  today: string;
  q?: string | undefined;
  status?: ProjectStatus | undefined;
  organisationId?: number | undefined;
  problem?: boolean | undefined;
}

/** The projects of the closed-loop table (live ones of the scope), filtered. */
function loopQuery(db: Executor, f: LoopFilter) {
  let query = db
    .selectFrom('projects')
    .innerJoin('divisions', 'divisions.id', 'projects.division_id')
    .leftJoin('organisations as ro', 'ro.id', 'projects.responsible_organisation_id')
    .where(divisionInScope('projects.division_id', f.scopePath))
    .where('projects.archived_at', 'is', null);
  if (f.subtreePath) query = query.where(divisionInScope('projects.division_id', f.subtreePath));
  if (f.q) query = query.where(containsText('projects.title', f.q));
  if (f.status) query = query.where('projects.status', '=', f.status);
  if (f.organisationId) query = query.where('projects.responsible_organisation_id', '=', f.organisationId);
  if (f.problem !== undefined) {
    query = query.where((eb) => {
      const troubled = eb.or([eb.exists(overdueMilestonesOf(eb, f.today).select('m.id')), eb.exists(unevidencedMilestonesOf(eb).select('m.id'))]);
      return f.problem ? troubled : eb.not(troubled);
    });
  }
  return query;
}

/** One page of the closed-loop table: problem projects first (most overdue first), then by id. */
export async function closedLoopPage(db: Executor, f: LoopFilter, page: { page: number; pageSize: number }) {
  const [rows, counts] = await Promise.all([
    loopQuery(db, f)
      .select(['projects.id', 'projects.title', 'projects.status', 'projects.responsible_organisation_id', 'ro.name as organisation_name', 'divisions.name as division_name'])
      .select((eb) => [
        milestonesOf(eb).select((e) => e.fn.countAll<number>().as('n')).as('milestone_count'),
        milestonesOf(eb).where('m.completed_at', 'is not', null).select((e) => e.fn.countAll<number>().as('n')).as('completed_count'),
        overdueMilestonesOf(eb, f.today).select((e) => e.fn.countAll<number>().as('n')).as('overdue_count'),
        unevidencedMilestonesOf(eb).select((e) => e.fn.countAll<number>().as('n')).as('unevidenced_count'),
        eb
          .case()
          .when(eb.or([eb.exists(overdueMilestonesOf(eb, f.today).select('m.id')), eb.exists(unevidencedMilestonesOf(eb).select('m.id'))]))
          .then(1)
          .else(0)
          .end()
          .as('problem'),
      ])
      .orderBy('problem', 'desc')
      .orderBy('overdue_count', 'desc')
      .orderBy('unevidenced_count', 'desc')
      .orderBy('projects.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    loopQuery(db, f)
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .sum<number>(eb.case().when(eb.or([eb.exists(overdueMilestonesOf(eb, f.today).select('m.id')), eb.exists(unevidencedMilestonesOf(eb).select('m.id'))])).then(1).else(0).end())
          .as('problems'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counts.total), problems: Number(counts.problems ?? 0) };
}

export async function insertProject(
  db: Executor,
  values: {
    divisionId: number;
    title: string;
    goal: string | null;
    responsibleOrganisationId: number | null;
    responsiblePersonId: number | null;
    brandId: number | null;
    startDate: string | null;
    endDate: string | null;
    createdBy: number | null;
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('projects')
    .values({
      division_id: values.divisionId,
      title: values.title,
      goal: values.goal,
      responsible_organisation_id: values.responsibleOrganisationId,
      responsible_person_id: values.responsiblePersonId,
      brand_id: values.brandId,
      start_date: values.startDate,
      end_date: values.endDate,
      status: 'planned',
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ProjectPatch {
  title?: string;
  goal?: string | null;
  responsible_organisation_id?: number | null;
  responsible_person_id?: number | null;
  brand_id?: number | null;
  start_date?: string | null;
  end_date?: string | null;
  status?: string;
  archived_at?: string | null;
}

/** Apply a patch when the stored version still matches; false on a version mismatch. */
export async function updateProject(db: Executor, id: number, version: number, patch: ProjectPatch, at: string): Promise<boolean> {
  const result = await db
    .updateTable('projects')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertStatusChange(
  db: Executor,
  values: { projectId: number; from: ProjectStatus | null; to: ProjectStatus; actorId: number | null; actorName: string | null; at: string; note: string | null },
): Promise<void> {
  await db
    .insertInto('project_status_history')
    .values({ project_id: values.projectId, from_status: values.from, to_status: values.to, actor_id: values.actorId, actor_name: values.actorName, at: values.at, note: values.note })
    .execute();
}

export async function listStatusChanges(db: Executor, projectId: number): Promise<StatusChange[]> {
  const rows = await db.selectFrom('project_status_history').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    fromStatus: row.from_status as ProjectStatus | null,
    toStatus: row.to_status as ProjectStatus,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
    note: row.note,
  }));
}
