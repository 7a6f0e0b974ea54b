import { phaseKinds, type Competition, type CompetitionListQuery, type PhaseKind, type RaterVisibility } from '@tongxin/core';
import { scoringSettingsSchema, type ScoringSettings } from '@tongxin/core/scoring/index';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CompetitionRow, PhaseRow } from '../../db/types-judging.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { currentPhase, isPhaseOpen } from './phases.ts';

export type CompetitionWithDivision = CompetitionRow & { division_name: string; division_path: string };

export interface CompetitionCounts {
  entries: number;
  raters: number;
  reviews: number;
  votes: number;
}

/** Stored settings, parsed again so defaults added later fill in for old rows. */
export function settingsOf(row: Pick<CompetitionRow, 'settings'>): ScoringSettings {
  return scoringSettingsSchema.parse(JSON.parse(row.settings));
}

/** Row → API type, with the phases' open state computed for `now`. */
export function toCompetition(row: CompetitionWithDivision, phases: PhaseRow[], counts: CompetitionCounts, published: boolean, now: string): Competition {
  const ordered = phaseKinds.map((kind) => phases.find((p) => p.kind === kind)).filter((p): p is PhaseRow => p !== undefined);
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    description: row.description,
    year: row.year,
    settings: settingsOf(row),
    voteGroupId: row.vote_group_id,
    voteLiveCounts: row.vote_live_counts === 1,
    phases: ordered.map((p) => ({
      kind: p.kind as PhaseKind,
      opensAt: p.opens_at,
      closesAt: p.closes_at,
      openedAt: p.opened_at,
      closedAt: p.closed_at,
      open: isPhaseOpen(p, now),
      raterVisibility: p.rater_visibility as RaterVisibility,
      showOtherScores: p.show_other_scores === 1,
      hideAuthors: p.hide_authors === 1,
      version: p.version,
    })),
    currentPhase: currentPhase(ordered, now),
    published,
    counts,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectCompetitions(db: Executor) {
  return db
    .selectFrom('competitions as c')
    .innerJoin('divisions as d', 'd.id', 'c.division_id')
    .selectAll('c')
    .select(['d.name as division_name', 'd.path as division_path']);
}

export async function findCompetition(db: Executor, id: number): Promise<CompetitionWithDivision | undefined> {
  return selectCompetitions(db).where('c.id', '=', id).executeTakeFirst();
}

export interface CompetitionSearch extends Omit<CompetitionListQuery, 'divisionId'> {
  scopePath: string | null;
  subtreePath?: string | undefined;
}

export async function searchCompetitions(db: Executor, search: CompetitionSearch) {
  let base = db.selectFrom('competitions as c').innerJoin('divisions as d', 'd.id', 'c.division_id').where(divisionInScope('c.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('c.division_id', search.subtreePath));
  if (search.year) base = base.where('c.year', '=', search.year);
  if (search.archived === 'false') base = base.where('c.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('c.archived_at', 'is not', null);
  if (search.q) base = base.where(containsText('c.title', search.q));
  const [rows, count] = await Promise.all([
    base
      .selectAll('c')
      .select(['d.name as division_name', 'd.path as division_path'])
      .orderBy(sql`case when c.year is null then 1 else 0 end`)
      .orderBy('c.year', 'desc')
      .orderBy('c.id', 'desc')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listPhases(db: Executor, competitionIds: number[]): Promise<PhaseRow[]> {
  if (competitionIds.length === 0) return [];
  return db.selectFrom('competition_phases').selectAll().where('competition_id', 'in', competitionIds).orderBy('id').execute();
}

/** Entries, raters, counted reviews and votes per competition, in four grouped queries. */
export async function countsOf(db: Executor, ids: number[]): Promise<Map<number, CompetitionCounts>> {
  const counts = new Map<number, CompetitionCounts>(ids.map((id) => [id, { entries: 0, raters: 0, reviews: 0, votes: 0 }]));
  if (ids.length === 0) return counts;
  const [entries, raters, reviews, votes] = await Promise.all([
    db.selectFrom('competition_entries').select(['competition_id', (eb) => eb.fn.countAll<number>().as('n')]).where('competition_id', 'in', ids).where('withdrawn_at', 'is', null).groupBy('competition_id').execute(),
    db.selectFrom('competition_raters').select(['competition_id', (eb) => eb.fn.countAll<number>().as('n')]).where('competition_id', 'in', ids).groupBy('competition_id').execute(),
    db.selectFrom('competition_reviews').select(['competition_id', (eb) => eb.fn.countAll<number>().as('n')]).where('competition_id', 'in', ids).where('abstained', '=', 0).groupBy('competition_id').execute(),
    db.selectFrom('public_votes').select(['competition_id', (eb) => eb.fn.countAll<number>().as('n')]).where('competition_id', 'in', ids).groupBy('competition_id').execute(),
  ]);
  for (const row of entries) counts.get(row.competition_id)!.entries = Number(row.n);
  for (const row of raters) counts.get(row.competition_id)!.raters = Number(row.n);
  for (const row of reviews) counts.get(row.competition_id)!.reviews = Number(row.n);
  for (const row of votes) counts.get(row.competition_id)!.votes = Number(row.n);
  return counts;
}

/** Ids of the competitions whose decision is published. */
export async function publishedIds(db: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('competition_decisions').select('competition_id').where('competition_id', 'in', ids).where('status', '=', 'published').execute();
  return new Set(rows.map((r) => r.competition_id));
}

export interface CompetitionValues {
  divisionId: number;
  title: string;
  description: string | null;
  year: number | null;
  settings: ScoringSettings;
  voteGroupId: string | null;
  voteLiveCounts: boolean;
}

function toColumns(values: Partial<CompetitionValues>) {
  return {
    ...(values.divisionId !== undefined ? { division_id: values.divisionId } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(values.year !== undefined ? { year: values.year } : {}),
    ...(values.settings !== undefined ? { settings: JSON.stringify(values.settings) } : {}),
    ...(values.voteGroupId !== undefined ? { vote_group_id: values.voteGroupId } : {}),
    ...(values.voteLiveCounts !== undefined ? { vote_live_counts: values.voteLiveCounts ? 1 : 0 } : {}),
  };
}

/** Insert a competition and its five phases (no dates: opened by date or by hand later). */
export async function insertCompetition(db: Executor, values: CompetitionValues, createdBy: number | null, at: string): Promise<number> {
  const { id } = await db
    .insertInto('competitions')
    .values({ ...toColumns(values), division_id: values.divisionId, title: values.title, settings: JSON.stringify(values.settings), created_by: createdBy, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('competition_phases')
    .values(phaseKinds.map((kind) => ({ competition_id: id, kind, created_at: at, updated_at: at })))
    .execute();
  return id;
}

export async function updateCompetition(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<CompetitionValues> & { archivedAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('competitions')
    .set((eb) => ({
      ...toColumns(patch),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface PhasePatch {
  opensAt?: string | null;
  closesAt?: string | null;
  openedAt?: string | null;
  closedAt?: string | null;
  raterVisibility?: RaterVisibility;
  showOtherScores?: boolean;
  hideAuthors?: boolean;
}

/** Update a phase; with a `version`, only when it still matches (false otherwise). */
export async function updatePhase(db: Executor, id: number, patch: PhasePatch, at: string, version?: number): Promise<boolean> {
  let query = db
    .updateTable('competition_phases')
    .set((eb) => ({
      ...(patch.opensAt !== undefined ? { opens_at: patch.opensAt } : {}),
      ...(patch.closesAt !== undefined ? { closes_at: patch.closesAt } : {}),
      ...(patch.openedAt !== undefined ? { opened_at: patch.openedAt } : {}),
      ...(patch.closedAt !== undefined ? { closed_at: patch.closedAt } : {}),
      ...(patch.raterVisibility !== undefined ? { rater_visibility: patch.raterVisibility } : {}),
      ...(patch.showOtherScores !== undefined ? { show_other_scores: patch.showOtherScores ? 1 : 0 } : {}),
      ...(patch.hideAuthors !== undefined ? { hide_authors: patch.hideAuthors ? 1 : 0 } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
