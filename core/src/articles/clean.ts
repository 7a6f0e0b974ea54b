import { parsePinyinGroup } from '../text/pinyin-syllables.ts';
import { isBoilerplateLine, isHeadlineLike, isRelatedMarker } from './boilerplate.ts';

/** An article reduced to its own words. */
export interface CleanedArticle {
  /** The paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
  removed: {
    /** How many pinyin annotations such as `(tǒng)` were taken out. */
    pinyin: number;
    /** Every line dropped as site chrome, teaser or repeat, as it read after pinyin removal. */
    boilerplateLines: string[];
  };
}

const han = /^\p{Script=Han}$/u;
const parenthesis = /[(（]([^()（）\n]{1,60})[)）]/g;
// Syllables written with digits that look too much like codes ("n1", "m2") to be taken as pinyin.
const ambiguousWithDigits = new Set(['m', 'n', 'ng', 'hm', 'hng', 'ê']);

/** Number of Han characters directly before `offset` (at most `limit`). */
function hanRunBefore(text: string, offset: number, limit: number): number {
  let count = 0;
  let index = offset;
  while (index > 0 && count < limit) {
    const low = text.charCodeAt(index - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && index > 1 ? 2 : 1; // characters beyond the BMP
    if (!han.test(text.slice(index - width, index))) break;
    count++;
    index -= width;
  }
  return count;
}

function isPinyinAnnotation(content: string, hanBefore: number): boolean {
  const syllables = parsePinyinGroup(content);
  if (!syllables || syllables.length > hanBefore) return false;
  if (!syllables.some((syllable) => syllable.tone !== null)) return false; // (ok), (yes): no tone, no annotation
  if (/\d/.test(content)) {
    // Tone numbers: only lower-case, and not the one-letter syllables that read like codes.
    if (/[A-Z]/.test(content)) return false;
    if (syllables.some((syllable) => ambiguousWithDigits.has(syllable.syllable))) return false;
  }
  return true;
}

/**
 * Removes pinyin annotations: a parenthesised group of pinyin syllables with tone marks or tone
 * numbers that directly follows Han characters (`統(tǒng)` → `統`, `統戰(tǒng zhàn)` → `統戰`,
 * `绿（lv4）` → `绿`). Ordinary parentheses — `(记者 范宇斌)`, `(2022)`, `(完)` — are kept.
 *
 * @example removePinyinAnnotations('統(tǒng)戰(zhàn)工作(2022)') // { text: '統戰工作(2022)', count: 2 }
 */
export function removePinyinAnnotations(text: string): { text: string; count: number } {
  let count = 0;
  const result = text.replace(parenthesis, (match: string, content: string, offset: number) => {
    const hanBefore = hanRunBefore(text, offset, 8);
    if (hanBefore === 0 || !isPinyinAnnotation(content.trim(), hanBefore)) return match;
    count++;
    return '';
  });
  return { text: result, count };
}

/** Trims a line and folds runs of spaces (ASCII, full-width, no-break) into one. */
function tidyLine(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** A truncated preview of a later paragraph ("…在…"), as list pages and meta descriptions carry. */
function isTeaserOf(line: string, lines: string[]): boolean {
  const stem = line.replace(/(…+|\.{3,}|⋯+)$/u, '');
  if (stem === line || [...stem].length < 10) return false;
  return lines.some((other) => other !== line && other.startsWith(stem));
}

/**
 * Cleans a scraped article (plain text; see `htmlToText` for HTML): drops pinyin annotations, site
 * chrome (share buttons, font-size links, print/close, copyright, ICP numbers, contact footers,
 * back-to-top, breadcrumbs, comment boxes, reprint disclaimers, lists of related stories), teaser
 * lines that preview a later paragraph, and repeated lines; keeps one paragraph per line.
 *
 * @example
 * cleanArticle('分享到:\n統(tǒng)戰(zhàn)工作新篇章\n\n返回顶部').paragraphs // ['統戰工作新篇章']
 */
export function cleanArticle(raw: string): CleanedArticle {
  const { text: withoutPinyin, count } = removePinyinAnnotations(raw.normalize('NFC'));
  const lines = withoutPinyin.split(/\r\n|\r|\n/).map(tidyLine).filter((line) => line.length > 0);
  const removed: string[] = [];
  const kept: string[] = [];
  let inRelatedBlock = false;
  for (const line of lines) {
    if (isRelatedMarker(line)) inRelatedBlock = true;
    else if (inRelatedBlock && !isHeadlineLike(line)) inRelatedBlock = false;
    if (inRelatedBlock || isBoilerplateLine(line)) removed.push(line);
    else kept.push(line);
  }
  const paragraphs: string[] = [];
  for (const line of kept) {
    // Chrome often sits between two copies of the title or a photo caption: drop the repeat.
    if (paragraphs[paragraphs.length - 1] === line || isTeaserOf(line, kept)) removed.push(line);
    else paragraphs.push(line);
  }
  return { text: paragraphs.join('\n\n'), paragraphs, removed: { pinyin: count, boilerplateLines: removed } };
}
