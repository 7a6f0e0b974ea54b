import { looksLikeHtml, parseArticle, type ArticleGarble, type Figure, type MediaEntry } from '@tongxin/core/articles/index';
import { cutToCodePoints } from '@tongxin/core/input-text';
import type { Executor } from '../../db/database.ts';
import { fieldError } from '../../kernel/errors.ts';
import { indexDocument } from '../search/search.index.ts';
import { articleDocument } from '../search/search.documents.ts';
import { bestDuplicate, buildMentionIndex, contentHash, findMentions, type MentionIndex } from './articles.analysis.ts';
import { insertFigures, replaceMentions } from './article-parts.repo.ts';
import { duplicateCandidates, insertArticle } from './articles.repo.ts';
import { mediaEntries } from './media.repo.ts';

/** What every article of one request (or one seed) is read against: the media list and the names in scope. */
export interface IngestSetup {
  media: MediaEntry[];
  mediumIds: Map<string, number>;
  mentions: MentionIndex;
}

/**
 * Loads the managed media list and the names of the subtree once, for all the articles of a request.
 *
 * @example const setup = await prepareIngest(trx, actor.scopePath);
 */
export async function prepareIngest(db: Executor, scopePath: string | null): Promise<IngestSetup> {
  const [{ entries, idByName }, mentions] = await Promise.all([mediaEntries(db), buildMentionIndex(db, scopePath)]);
  return { media: entries, mediumIds: idByName, mentions };
}

export interface IngestItem {
  divisionId: number;
  text: string;
  /** `docx` text is plain text; `auto` decides between text and HTML by looking. */
  format: 'auto' | 'text' | 'html' | 'docx';
  fileName?: string | null | undefined;
  /** Where a failure is reported, e.g. `body.text` or `body.files[2]`. */
  field: string;
}

/** A title when the text has none that looks like one: its first line, else the file name. */
function fallbackTitle(text: string, fileName: string | null | undefined): string {
  const first = text.split('\n').find((line) => line.trim().length > 0)?.trim();
  return cutToCodePoints(first ?? fileName ?? '—', 200);
}

/** An article as read, ready to store: what `parseArticle` gives, or what a seed already knows. */
export interface ArticleToStore {
  divisionId: number;
  title: string;
  publishedAt: string | null;
  source: string | null;
  /** Canonical name of the managed-list medium the source matched. */
  medium: string | null;
  level: string | null;
  authors: string[];
  editors: string[];
  format: 'text' | 'html' | 'docx';
  fileName: string | null;
  originalText: string;
  cleanText: string;
  removed: { pinyin: number; boilerplateLines: string[] };
  /** Garbled places by paragraph of the clean text; none for text that was never garbled. */
  garbled?: ArticleGarble[];
  figures: Figure[];
}

/**
 * Stores one read article with its mentions and figures, flags it when it copies an article
 * already archived for the division, and puts it in the search index. Returns its id.
 *
 * @example const id = await storeArticle(trx, setup, article, { at, userId: null });
 */
export async function storeArticle(db: Executor, setup: IngestSetup, article: ArticleToStore, meta: { at: string; userId: number | null }): Promise<number> {
  const publishedOn = article.publishedAt?.slice(0, 10) ?? null;
  const hash = contentHash(article.cleanText);
  const candidates = await duplicateCandidates(db, { divisionId: article.divisionId, hash, publishedOn, title: article.title });
  const duplicate = bestDuplicate(article.cleanText, hash, candidates);
  const id = await insertArticle(
    db,
    {
      division_id: article.divisionId,
      title: article.title,
      published_at: article.publishedAt,
      published_on: publishedOn,
      source: article.source ? cutToCodePoints(article.source, 100) : null,
      medium_id: article.medium ? (setup.mediumIds.get(article.medium) ?? null) : null,
      level: article.level,
      authors: JSON.stringify(article.authors),
      editors: JSON.stringify(article.editors),
      format: article.format,
      file_name: article.fileName,
      original_text: article.originalText,
      clean_text: article.cleanText,
      removed: JSON.stringify(article.removed),
      garbled: JSON.stringify(article.garbled ?? []),
      content_hash: hash,
      duplicate_of_id: duplicate?.id ?? null,
      duplicate_similarity: duplicate?.similarity ?? null,
      created_by: meta.userId,
      archived_at: null,
    },
    meta.at,
  );
  await replaceMentions(db, id, findMentions(setup.mentions, `${article.title}\n${article.cleanText}`));
  await insertFigures(db, id, article.figures, meta.at);
  await indexDocument(db, articleDocument({ id, division_id: article.divisionId, title: article.title, clean_text: article.cleanText, source: article.source, published_on: publishedOn }), meta.at);
  return id;
}

/**
 * Parses, cleans and stores one article (see {@link storeArticle}). Authorisation and the audit
 * entry are the caller's.
 *
 * @example const id = await ingestArticle(trx, setup, { divisionId, text, format: 'auto', field: 'body.text' }, { now, at, userId });
 */
export async function ingestArticle(
  db: Executor,
  setup: IngestSetup,
  item: IngestItem,
  meta: { now: Date; at: string; userId: number | null },
): Promise<number> {
  const html = item.format === 'html' || (item.format === 'auto' && looksLikeHtml(item.text));
  const parsed = parseArticle(item.text, { format: html ? 'html' : 'text', media: setup.media, now: meta.now });
  if (parsed.text.trim().length === 0) throw fieldError(item.field, 'validation.article_file_empty');
  return storeArticle(
    db,
    setup,
    {
      divisionId: item.divisionId,
      title: cutToCodePoints(parsed.title ?? fallbackTitle(parsed.text, item.fileName), 200),
      publishedAt: parsed.publishedAt,
      source: parsed.source,
      medium: parsed.medium,
      level: parsed.level,
      authors: parsed.authors,
      editors: parsed.editors,
      format: item.format === 'docx' ? 'docx' : html ? 'html' : 'text',
      fileName: item.fileName ?? null,
      originalText: item.text,
      cleanText: parsed.text,
      removed: parsed.removed,
      garbled: parsed.garbled,
      figures: parsed.figures,
    },
    meta,
  );
}
