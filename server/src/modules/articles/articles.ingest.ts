import { looksLikeHtml, parseArticle, type MediaEntry } from '@tongxin/core/articles/index';
import type { Executor } from '../../db/database.ts';
import { fieldError } from '../../http/app-error.ts';
import { indexDocument } from '../search/search.index.ts';
import { articleDocument } from '../search/search.documents.ts';
import { bestDuplicate, buildMentionIndex, contentHash, findMentions, type MentionIndex } from './articles.analysis.ts';
import { insertFigures, replaceMentions } from './articles.parts.ts';
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
  return (first ?? fileName ?? '—').slice(0, 200);
}

/**
 * Parses, cleans and stores one article with its mentions and figures, flags it when it copies an
 * article already archived for the division, and puts it in the search index. Returns its id.
 * Authorisation and the audit entry are the caller's.
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
  const title = (parsed.title ?? fallbackTitle(parsed.text, item.fileName)).slice(0, 200);
  const publishedOn = parsed.publishedAt?.slice(0, 10) ?? null;
  const hash = contentHash(parsed.text);
  const duplicate = bestDuplicate(parsed.text, hash, await duplicateCandidates(db, { divisionId: item.divisionId, hash, publishedOn, title }));
  const id = await insertArticle(
    db,
    {
      division_id: item.divisionId,
      title,
      published_at: parsed.publishedAt,
      published_on: publishedOn,
      source: parsed.source?.slice(0, 100) ?? null,
      medium_id: parsed.medium ? (setup.mediumIds.get(parsed.medium) ?? null) : null,
      level: parsed.level,
      authors: JSON.stringify(parsed.authors),
      editors: JSON.stringify(parsed.editors),
      format: item.format === 'docx' ? 'docx' : html ? 'html' : 'text',
      file_name: item.fileName ?? null,
      original_text: item.text,
      clean_text: parsed.text,
      removed: JSON.stringify(parsed.removed),
      content_hash: hash,
      duplicate_of_id: duplicate?.id ?? null,
      duplicate_similarity: duplicate?.similarity ?? null,
      created_by: meta.userId,
      archived_at: null,
    },
    meta.at,
  );
  await replaceMentions(db, id, findMentions(setup.mentions, `${title}\n${parsed.text}`));
  await insertFigures(db, id, parsed.figures, meta.at);
  await indexDocument(db, articleDocument({ id, division_id: item.divisionId, title, clean_text: parsed.text, source: parsed.source, published_on: publishedOn }), meta.at);
  return id;
}
