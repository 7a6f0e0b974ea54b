import { cleanArticle, type CleanedArticle } from './clean.ts';
import { extractFigures, type Figure } from './figures.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { extractMetadata, type ArticleMetadata, type MetadataOptions } from './metadata.ts';

/** Everything the publicity archive keeps of one article. */
export interface ParsedArticle extends ArticleMetadata {
  /** The input exactly as given. */
  original: string;
  /** Clean text: paragraphs separated by blank lines, pinyin annotations and site chrome removed. */
  text: string;
  paragraphs: string[];
  figures: Figure[];
  removed: CleanedArticle['removed'];
  /** Garbled places, by paragraph: repaired when the known annotation pattern could be undone. */
  garbled: CleanedArticle['garbled'];
}

export interface ParseOptions extends MetadataOptions {
  /** `auto` (the default) treats input that looks like HTML as HTML. */
  format?: 'text' | 'html' | 'auto';
}

/**
 * Parses a scraped article: HTML to text, cleaning (pinyin annotations, site chrome), metadata
 * (title, date, source, level, authors, editors) and figures.
 *
 * @example
 * const article = parseArticle(raw, { format: 'text', now: new Date('2024-06-01') });
 * article.title // '奮力譜寫江淮大地統戰工作新篇章'
 * article.level // 'central'
 */
export function parseArticle(raw: string, options: ParseOptions = {}): ParsedArticle {
  const format = options.format ?? 'auto';
  const isHtml = format === 'html' || (format === 'auto' && looksLikeHtml(raw));
  const cleaned = cleanArticle(isHtml ? htmlToText(raw) : raw);
  const metadata = extractMetadata(cleaned.text, { ...options, title: cleaned.title, headerLines: cleaned.headerLines });
  return {
    original: raw,
    text: cleaned.text,
    paragraphs: cleaned.paragraphs,
    ...metadata,
    figures: extractFigures(cleaned.text),
    removed: cleaned.removed,
    garbled: cleaned.garbled,
  };
}
