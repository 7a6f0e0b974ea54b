import type { ArticleCreate, ArticleFigureUpdate, ArticleListQuery, ArticleUpdate, MediaLevelCode } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { AppError, fieldError, notFound, versionConflict } from '../../kernel/errors.ts';
import { nowIso, type ActorContext } from '../../http/context.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findDivision } from '../divisions/index.ts';
import { articleDocument } from '../search/search.documents.ts';
import { indexDocument, removeDocument } from '../search/search.index.ts';
import { ingestArticle, prepareIngest, type IngestItem } from './articles.ingest.ts';
import { allowedActions, assertCan, type ArticleAction } from './articles.policy.ts';
import { existingInScope, figuresOf, findFigure, mentionsOf, replaceMentions, toFigure, updateFigure } from './article-parts.repo.ts';
import { duplicatesOf, findArticle, parseGarbled, parseRemoved, searchArticles, toArticle, updateArticle, type ArticlePatch, type ArticleRow } from './articles.repo.ts';
import { findMedium } from './media.repo.ts';

const targetOf = (row: { division_path: string }) => ({ divisionPath: row.division_path });

/** An article the actor may act on, or 404 / 403. */
export async function loadArticle(ctx: ActorContext, db: Executor, id: number, action: ArticleAction): Promise<ArticleRow> {
  const row = await findArticle(db, id);
  if (!row) throw notFound('article');
  assertCan(ctx.actor, action, targetOf(row));
  return row;
}

/** A division named in a body or filter: the kernel's scope rules, then the right to `action` there. */
async function divisionFor(ctx: ActorContext, db: Executor, divisionId: number, field: string, action: ArticleAction) {
  const division = await divisionInReach(db, ctx.actor, divisionId, field);
  assertCan(ctx.actor, action, { divisionPath: division.path });
  return division;
}

/** The division an ingest counts for: the one asked for, else the user's own. */
export async function ingestDivision(ctx: ActorContext, db: Executor, divisionId: number | undefined, field: string) {
  const id = divisionId ?? ctx.actor.divisionId;
  if (id === null) throw fieldError(field, 'validation.article_division_required');
  return divisionFor(ctx, db, id, field, 'create');
}

/**
 * Ingests articles in one transaction: all are stored, or none (a bad file names itself in the
 * 400). Each is cleaned, read for metadata, mentions and figures, checked for copies, indexed and
 * audited.
 *
 * @example await ingest(ctx, [{ divisionId: 5, text, format: 'auto', field: 'body.text' }])
 */
export async function ingest(ctx: ActorContext, items: Array<Omit<IngestItem, 'divisionId'> & { divisionId?: number | undefined }>, divisionField = 'body.divisionId') {
  return ctx.db.transaction().execute(async (trx) => {
    const setup = await prepareIngest(trx, ctx.actor.scopePath);
    const ids: number[] = [];
    for (const item of items) {
      const division = await ingestDivision(ctx, trx, item.divisionId, divisionField);
      const id = await ingestArticle(trx, setup, { ...item, divisionId: division.id }, { now: ctx.clock.now(), at: nowIso(ctx), userId: ctx.actor.userId > 0 ? ctx.actor.userId : null });
      await recordAudit(trx, ctx, { action: 'article.create', entity: 'article', entityId: id, divisionId: division.id, detail: { format: item.format, fileName: item.fileName ?? null } });
      ids.push(id);
    }
    return Promise.all(ids.map(async (id) => toArticle((await findArticle(trx, id))!)));
  });
}

/** @example await create(ctx, { text: '…', format: 'auto' }) */
export async function create(ctx: ActorContext, input: ArticleCreate) {
  const [article] = await ingest(ctx, [{ divisionId: input.divisionId, text: input.text, format: input.format, fileName: input.fileName ?? null, field: 'body.text' }]);
  return detail(ctx, article!.id);
}

export async function list(ctx: ActorContext, query: ArticleListQuery) {
  const { divisionId, ...rest } = query;
  const subtree = divisionId === undefined ? undefined : await divisionFor(ctx, ctx.db, divisionId, 'query.divisionId', 'read');
  return searchArticles(ctx.db, { ...rest, scopePath: ctx.actor.scopePath, subtreePath: subtree?.path });
}

export async function detail(ctx: ActorContext, id: number) {
  const row = await loadArticle(ctx, ctx.db, id, 'read');
  const [mentions, figures, duplicates] = await Promise.all([
    mentionsOf(ctx.db, id, ctx.actor.scopePath),
    figuresOf(ctx.db, id),
    duplicatesOf(ctx.db, id, row.duplicate_of_id ?? id, ctx.actor.scopePath),
  ]);
  return {
    ...toArticle(row),
    originalText: row.original_text,
    cleanText: row.clean_text,
    removed: parseRemoved(row.removed),
    garbled: parseGarbled(row.garbled),
    mentions,
    figures: figures.map(toFigure),
    duplicates: duplicates.map((item) => ({ id: item.id, title: item.title, source: item.source, similarity: item.duplicate_similarity === null ? null : Number(item.duplicate_similarity) })),
    allowed: allowedActions(ctx.actor, targetOf(row)),
  };
}

async function checkMentions(ctx: ActorContext, db: Executor, input: ArticleUpdate, articleId: number) {
  if (input.mentionedDivisionIds === undefined && input.mentionedOrganisationIds === undefined) return;
  const current = await mentionsOf(db, articleId, null);
  const divisionIds = input.mentionedDivisionIds ?? current.divisions.map((item) => item.id);
  const organisationIds = input.mentionedOrganisationIds ?? current.organisations.map((item) => item.id);
  for (const [table, ids, field] of [
    ['divisions', divisionIds, 'body.mentionedDivisionIds'],
    ['organisations', organisationIds, 'body.mentionedOrganisationIds'],
  ] as const) {
    const found = await existingInScope(db, table, ids, ctx.actor.scopePath);
    if (ids.some((item) => !found.has(item))) throw fieldError(field, 'validation.reference');
  }
  await replaceMentions(db, articleId, { divisionIds, organisationIds });
}

/** Edits metadata (and the mention lists); 409 on a stale version. Re-indexes the article. */
export async function update(ctx: ActorContext, id: number, input: ArticleUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadArticle(ctx, trx, id, 'update');
    if (before.archived_at !== null) throw new AppError('invalid_transition');
    if (input.divisionId !== undefined && input.divisionId !== before.division_id) await divisionFor(ctx, trx, input.divisionId, 'body.divisionId', 'create');
    const patch: ArticlePatch = {};
    if (input.divisionId !== undefined) patch.division_id = input.divisionId;
    if (input.title !== undefined) patch.title = input.title;
    if (input.publishedAt !== undefined) {
      patch.published_at = input.publishedAt;
      patch.published_on = input.publishedAt?.slice(0, 10) ?? null;
    }
    if (input.source !== undefined) patch.source = input.source;
    if (input.mediumId !== undefined) {
      const medium = input.mediumId === null ? null : await findMedium(trx, input.mediumId);
      if (input.mediumId !== null && !medium) throw fieldError('body.mediumId', 'validation.invalid_value');
      patch.medium_id = input.mediumId;
      if (medium && input.level === undefined) patch.level = medium.level as MediaLevelCode;
    }
    if (input.level !== undefined) patch.level = input.level;
    if (input.authors !== undefined) patch.authors = JSON.stringify(input.authors);
    if (input.editors !== undefined) patch.editors = JSON.stringify(input.editors);
    if (input.duplicateOfId === null) Object.assign(patch, { duplicate_of_id: null, duplicate_similarity: null });
    const at = nowIso(ctx);
    if (!(await updateArticle(trx, id, input.version, patch, at))) throw versionConflict('article');
    await checkMentions(ctx, trx, input, id);
    const after = (await findArticle(trx, id))!;
    await indexDocument(trx, articleDocument(after), at);
    const { version: _version, ...changed } = input;
    await recordAudit(trx, ctx, { action: 'article.update', entity: 'article', entityId: id, divisionId: after.division_id, detail: { changed: Object.keys(changed).sort() } });
    return toArticle(after);
  });
}

/** Archive (or bring back) an article: archived articles leave the counts and the search index. */
export async function setArchived(ctx: ActorContext, id: number, archived: boolean, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadArticle(ctx, trx, id, 'archive');
    if ((before.archived_at !== null) === archived) throw new AppError('invalid_transition');
    const at = nowIso(ctx);
    if (!(await updateArticle(trx, id, version, { archived_at: archived ? at : null }, at))) throw versionConflict('article');
    const after = (await findArticle(trx, id))!;
    if (archived) await removeDocument(trx, 'article', id);
    else await indexDocument(trx, articleDocument(after), at);
    await recordAudit(trx, ctx, { action: archived ? 'article.archive' : 'article.unarchive', entity: 'article', entityId: id, divisionId: before.division_id, detail: { title: before.title } });
    return toArticle(after);
  });
}

/** Confirms or rejects a figure of the text, relabels it, links it to a dashboard figure key. */
export async function editFigure(ctx: ActorContext, articleId: number, figureId: number, input: ArticleFigureUpdate) {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await loadArticle(ctx, trx, articleId, 'update');
    const figure = await findFigure(trx, articleId, figureId);
    if (!figure) throw notFound('article_figure');
    const at = nowIso(ctx);
    const confirming = input.status !== undefined && input.status !== figure.status;
    const patch = {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.figureKey !== undefined ? { figure_key: input.figureKey } : {}),
      ...(confirming ? { confirmed_by: input.status === 'confirmed' ? ctx.actor.userId || null : null, confirmed_at: input.status === 'confirmed' ? at : null } : {}),
    };
    if (!(await updateFigure(trx, figureId, input.version, patch, at))) throw versionConflict('article_figure');
    const { version: _version, ...changed } = input;
    await recordAudit(trx, ctx, { action: 'article.figure.update', entity: 'article', entityId: articleId, divisionId: article.division_id, detail: { figureId, changed: Object.keys(changed).sort(), status: input.status ?? figure.status } });
    return toFigure((await findFigure(trx, articleId, figureId))!);
  });
}
