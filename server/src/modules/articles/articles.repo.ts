import type { Article, ArticleFormat, ArticleListQuery, MediaLevelCode } from '@tongxin/core';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ArticlesTable } from '../../db/types-publicity.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import type { DuplicateCandidate } from './articles.analysis.ts';

export type ArticleRow = Selectable<ArticlesTable> & {
  division_name: string;
  division_path: string;
  medium_name: string | null;
  figure_count: number;
};

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
};

/** Row → API type. */
export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    title: row.title,
    publishedAt: row.published_at,
    publishedOn: row.published_on,
    source: row.source,
    mediumId: row.medium_id,
    mediumName: row.medium_name,
    level: row.level as MediaLevelCode | null,
    authors: parseList(row.authors),
    editors: parseList(row.editors),
    format: row.format as ArticleFormat,
    fileName: row.file_name,
    duplicateOfId: row.duplicate_of_id,
    duplicateSimilarity: row.duplicate_similarity === null ? null : Number(row.duplicate_similarity),
    figureCount: Number(row.figure_count),
    garbledParagraphs: new Set(parseGarbled(row.garbled).map((garble) => garble.paragraph)).size,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored garbled places; anything malformed reads as none. */
export function parseGarbled(json: string): Array<{ paragraph: number; text: string; repair: string | null }> {
  const value = JSON.parse(json) as unknown;
  if (!Array.isArray(value)) return [];
  return value.map((item: { paragraph?: unknown; text?: unknown; repair?: unknown }) => ({
    paragraph: Number(item.paragraph ?? 0),
    text: String(item.text ?? ''),
    repair: typeof item.repair === 'string' ? item.repair : null,
  }));
}

export function parseRemoved(json: string): { pinyin: number; boilerplateLines: string[] } {
  const value = JSON.parse(json) as { pinyin?: number; boilerplateLines?: string[] };
  return { pinyin: Number(value.pinyin ?? 0), boilerplateLines: (value.boilerplateLines ?? []).map(String) };
}

function selectArticles(db: Executor) {
  return db
    .selectFrom('articles as a')
    .innerJoin('divisions as d', 'd.id', 'a.division_id')
    .leftJoin('media as m', 'm.id', 'a.medium_id')
    .selectAll('a')
    .select((eb) => [
      'd.name as division_name',
      'd.path as division_path',
      'm.name as medium_name',
      eb.selectFrom('article_figures as f').whereRef('f.article_id', '=', 'a.id').where('f.status', '<>', 'rejected').select((e) => e.fn.countAll<number>().as('n')).as('figure_count'),
    ]);
}

export async function findArticle(db: Executor, id: number): Promise<ArticleRow | undefined> {
  const row = await selectArticles(db).where('a.id', '=', id).executeTakeFirst();
  return row ? { ...row, figure_count: Number(row.figure_count ?? 0) } : undefined;
}

export interface ArticleSearch extends Omit<ArticleListQuery, 'divisionId'> {
  scopePath: string | null;
  subtreePath?: string | undefined;
}

const sortColumns = { publishedAt: 'a.published_on', createdAt: 'a.created_at', title: 'a.title' } as const;

export async function searchArticles(db: Executor, search: ArticleSearch) {
  let base = db
    .selectFrom('articles as a')
    .innerJoin('divisions as d', 'd.id', 'a.division_id')
    .where(divisionInScope('a.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('a.division_id', search.subtreePath));
  if (search.level) {
    const levels = search.level.filter((level) => level !== 'unknown');
    const unknown = search.level.includes('unknown');
    base = base.where((eb) => eb.or([...(levels.length > 0 ? [eb('a.level', 'in', levels)] : []), ...(unknown ? [eb('a.level', 'is', null)] : [])]));
  }
  if (search.mediumId) base = base.where('a.medium_id', '=', search.mediumId);
  if (search.organisationId) {
    const organisationId = search.organisationId;
    base = base.where((eb) =>
      eb.exists(eb.selectFrom('article_mentions as am').select('am.article_id').whereRef('am.article_id', '=', 'a.id').where('am.kind', '=', 'organisation').where('am.target_id', '=', organisationId)),
    );
  }
  if (search.from) base = base.where('a.published_on', '>=', search.from);
  if (search.to) base = base.where('a.published_on', '<=', search.to);
  if (search.duplicates === 'exclude') base = base.where('a.duplicate_of_id', 'is', null);
  if (search.duplicates === 'only') base = base.where('a.duplicate_of_id', 'is not', null);
  if (search.archived === 'false') base = base.where('a.archived_at', 'is', null);
  if (search.archived === 'true') base = base.where('a.archived_at', 'is not', null);
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('a.title', q), containsText('a.source', q)]));
  }
  const column = sortColumns[search.sort];
  const [ids, count] = await Promise.all([
    base
      .select('a.id')
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(column, search.order)
      .orderBy('a.id', search.order)
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = ids.length === 0 ? [] : await selectArticles(db).where('a.id', 'in', ids.map((row) => row.id)).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    return row ? [toArticle({ ...row, figure_count: Number(row.figure_count ?? 0) })] : [];
  });
  return { items, total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export type NewArticle = Omit<ArticlesTable, 'id' | 'version' | 'created_at' | 'updated_at' | 'garbled'> & { garbled: string };

export async function insertArticle(db: Executor, values: NewArticle, at: string): Promise<number> {
  const row = await db.insertInto('articles').values({ ...values, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type ArticlePatch = Partial<
  Pick<ArticlesTable, 'division_id' | 'title' | 'published_at' | 'published_on' | 'source' | 'medium_id' | 'level' | 'authors' | 'editors' | 'duplicate_of_id' | 'duplicate_similarity' | 'archived_at'>
>;

/** Apply a patch when the stored version still matches; false on a mismatch. */
export async function updateArticle(db: Executor, id: number, version: number, patch: ArticlePatch, at: string): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Same division, not archived, and either the same fingerprint or published within three days (or titled alike). */
export async function duplicateCandidates(
  db: Executor,
  search: { divisionId: number; hash: string; publishedOn: string | null; title: string; excludeId?: number },
): Promise<DuplicateCandidate[]> {
  const near = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  let query = db
    .selectFrom('articles')
    .select(['id', 'duplicate_of_id', 'content_hash', 'clean_text'])
    .where('division_id', '=', search.divisionId)
    .where('archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('content_hash', '=', search.hash),
        eb('title', '=', search.title),
        ...(search.publishedOn ? [eb.and([eb('published_on', '>=', near(search.publishedOn, -3)), eb('published_on', '<=', near(search.publishedOn, 3))])] : []),
      ]),
    );
  if (search.excludeId !== undefined) query = query.where('id', '<>', search.excludeId);
  return query.orderBy('id').limit(200).execute();
}

/** The original of a report and its copies, as far as the reader's scope reaches. */
export async function duplicatesOf(db: Executor, id: number, rootId: number, scopePath: string | null) {
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'source', 'duplicate_similarity'])
    .where((eb) => eb.or([eb('id', '=', rootId), eb('duplicate_of_id', '=', rootId)]))
    .where('id', '<>', id)
    .where(divisionInScope('articles.division_id', scopePath))
    .orderBy('id')
    .execute();
}

/**
 * Articles per (division path, medium level, month `YYYY-MM` or null), counting each report once:
 * archived articles and copies are left out, except a copy whose original was archived.
 */
export async function countArticlesByPathLevelMonth(db: Executor, filter: { scopePath: string | null; subtreePath: string; from?: string | undefined; to?: string | undefined }) {
  let base = db
    .selectFrom('articles as a')
    .innerJoin('divisions as d', 'd.id', 'a.division_id')
    .leftJoin('articles as o', 'o.id', 'a.duplicate_of_id')
    .where(divisionInScope('a.division_id', filter.scopePath))
    .where('a.archived_at', 'is', null)
    .where((eb) => eb.or([eb('a.duplicate_of_id', 'is', null), eb('o.archived_at', 'is not', null)]));
  if (filter.subtreePath) base = base.where(divisionInScope('a.division_id', filter.subtreePath));
  if (filter.from) base = base.where('a.published_on', '>=', filter.from);
  if (filter.to) base = base.where('a.published_on', '<=', filter.to);
  const month = sql<string | null>`substr(a.published_on, 1, 7)`;
  return base
    .select(['d.path as path', 'a.level as level', month.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['d.path', 'a.level', month])
    .execute();
}
