import type { ArticleFigure, ArticleFigureStatus } from '@tongxin/core';
import type { Figure } from '@tongxin/core/articles/index';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ArticleFiguresTable } from '../../db/types-publicity.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/* Queries for the parts of an article (a repository of its own: articles.repo.ts holds the articles): the registry records it mentions and the figures it states. */

/** Replaces the mentions of an article with these divisions and organisations. */
export async function replaceMentions(db: Executor, articleId: number, mentions: { divisionIds: number[]; organisationIds: number[] }): Promise<void> {
  await db.deleteFrom('article_mentions').where('article_id', '=', articleId).execute();
  const rows = [
    ...[...new Set(mentions.divisionIds)].map((id) => ({ article_id: articleId, kind: 'division', target_id: id })),
    ...[...new Set(mentions.organisationIds)].map((id) => ({ article_id: articleId, kind: 'organisation', target_id: id })),
  ];
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('article_mentions').values(rows.slice(i, i + 500)).execute();
}

/** Mentions the reader may see (records of their subtree), by name. */
export async function mentionsOf(db: Executor, articleId: number, scopePath: string | null) {
  const [divisions, organisations] = await Promise.all([
    db
      .selectFrom('article_mentions as am')
      .innerJoin('divisions as d', 'd.id', 'am.target_id')
      .select(['d.id', 'd.name'])
      .where('am.article_id', '=', articleId)
      .where('am.kind', '=', 'division')
      .where(divisionInScope('d.id', scopePath))
      .orderBy('d.path')
      .execute(),
    db
      .selectFrom('article_mentions as am')
      .innerJoin('organisations as o', 'o.id', 'am.target_id')
      .innerJoin('divisions as d', 'd.id', 'o.division_id')
      .select(['o.id', 'o.name', 'd.name as divisionName'])
      .where('am.article_id', '=', articleId)
      .where('am.kind', '=', 'organisation')
      .where(divisionInScope('o.division_id', scopePath))
      .orderBy('o.name')
      .execute(),
  ]);
  return { divisions, organisations };
}

/** Ids among `ids` that exist in the subtree, per table: what a user may name as mentioned. */
export async function existingInScope(db: Executor, table: 'divisions' | 'organisations', ids: number[], scopePath: string | null): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const column = table === 'divisions' ? 'divisions.id' : 'organisations.division_id';
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).where(divisionInScope(column, scopePath)).execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertFigures(db: Executor, articleId: number, figures: Figure[], at: string): Promise<void> {
  const rows = figures.map((figure) => ({
    article_id: articleId,
    position: figure.index,
    raw: figure.raw,
    value: figure.value,
    unit: figure.unit,
    normalised: figure.normalised,
    base_unit: figure.baseUnit,
    label: figure.label,
    approx: figure.approx ? 1 : 0,
    status: 'extracted',
    figure_key: null,
    confirmed_by: null,
    confirmed_at: null,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('article_figures').values(rows.slice(i, i + 200)).execute();
}

export type FigureRow = Selectable<ArticleFiguresTable>;

export function toFigure(row: FigureRow): ArticleFigure {
  return {
    id: row.id,
    position: row.position,
    raw: row.raw,
    value: Number(row.value),
    unit: row.unit,
    normalised: Number(row.normalised),
    baseUnit: row.base_unit,
    label: row.label,
    approx: row.approx === 1,
    status: row.status as ArticleFigureStatus,
    figureKey: row.figure_key,
    confirmedAt: row.confirmed_at,
    version: row.version,
  };
}

export async function figuresOf(db: Executor, articleId: number): Promise<FigureRow[]> {
  return db.selectFrom('article_figures').selectAll().where('article_id', '=', articleId).orderBy('position').orderBy('id').execute();
}

export async function findFigure(db: Executor, articleId: number, figureId: number): Promise<FigureRow | undefined> {
  return db.selectFrom('article_figures').selectAll().where('id', '=', figureId).where('article_id', '=', articleId).executeTakeFirst();
}

export async function updateFigure(
  db: Executor,
  id: number,
  version: number,
  patch: Partial<Pick<FigureRow, 'status' | 'label' | 'figure_key' | 'confirmed_by' | 'confirmed_at'>>,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('article_figures')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Names an article may mention: the subtree's divisions and its current organisations. */
export async function mentionCandidates(db: Executor, scopePath: string | null) {
  const [divisions, organisations] = await Promise.all([
    db.selectFrom('divisions').select(['id', 'name', 'level']).where(divisionInScope('divisions.id', scopePath)).execute(),
    db.selectFrom('organisations').select(['id', 'name']).where(divisionInScope('organisations.division_id', scopePath)).where('archived_at', 'is', null).execute(),
  ]);
  return { divisions, organisations };
}
