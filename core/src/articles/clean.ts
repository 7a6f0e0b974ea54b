import { parsePinyinGroup } from '../text/pinyin-syllables.ts';
import { isBoilerplateLine, isDisclaimerHeading, isEndMarker, isFurnitureLine, isHeadlineLike, isRelatedMarker } from './boilerplate.ts';
import { findFullDates } from './dates.ts';
import { repairGarbles, type Garble } from './garble.ts';
import { findHeadline } from './headline.ts';
import { isMetaLine } from './metadata.ts';

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
  /** The headline found above the story (a date glued to it taken off), or null. */
  title: string | null;
  /** Metadata lines dropped from the text (above the headline, date-time furniture): still dated. */
  headerLines: string[];
  /** Garbled places in the kept paragraphs: repaired when the known pattern could be undone. */
  garbled: ArticleGarble[];
}

/** A garbled place and the index of its paragraph in the clean text. */
export type ArticleGarble = Garble & { paragraph: number };

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
    // A lone ASCII byte between a Han character and the annotation is the tail of an encoding
    // garble (當?shù)剞r(nóng): see garble.ts); the annotation still belongs to the character before.
    const garbleTail = offset > 1 && /[\x40-\x7e]/.test(text[offset - 1] ?? '') && han.test(text[offset - 2] ?? '') ? 1 : 0;
    const hanBefore = hanRunBefore(text, offset, 8) || (garbleTail && hanRunBefore(text, offset - 1, 1));
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

/** One line on its way through cleaning. */
interface Line {
  text: string;
  chrome: boolean;
  meta: boolean;
  garbles: Garble[];
}

/**
 * Cleans a scraped article (plain text; see `htmlToText` for HTML): drops pinyin annotations, undoes
 * the known encoding garble after them (and flags any other), drops site chrome (share buttons,
 * font-size links, print/close, copyright and disclaimer blocks with their numbered clauses, ICP
 * numbers, contact footers, back-to-top, breadcrumbs, comment boxes, tag lines, lists of related
 * stories), the header furniture above the headline (site name, channel, section label, markers),
 * everything after the story's last end marker ((完), 【编辑】, 来源 line), teaser lines that preview
 * a later paragraph, and repeated lines; keeps one paragraph per line.
 *
 * @example
 * cleanArticle('分享到:\n統(tǒng)戰(zhàn)工作新篇章\n\n返回顶部').paragraphs // ['統戰工作新篇章']
 */
export function cleanArticle(raw: string): CleanedArticle {
  const { text: withoutPinyin, count } = removePinyinAnnotations(raw.normalize('NFC'));
  const lines: Line[] = withoutPinyin
    .split(/\r\n|\r|\n/)
    .map(tidyLine)
    .filter((line) => line.length > 0)
    .map((line) => {
      const { text, garbles } = repairGarbles(line);
      return { text, chrome: false, meta: isMetaLine(text), garbles };
    });
  markChrome(lines);
  const headline = findHeadline(lines);
  const headerLines: string[] = [];
  const removed: string[] = [];
  const start = headline?.index ?? 0;
  // Above the headline: furniture, and metadata that the reader of metadata still gets.
  for (const line of lines.slice(0, start)) {
    if (line.meta) headerLines.push(line.text);
    if (!line.meta || line.chrome) removed.push(line.text);
  }
  const body = lines.slice(start);
  if (headline && body[0]) {
    if (body[0].text !== headline.title) headerLines.push(body[0].text); // the date glued to it
    body[0] = { ...body[0], text: headline.title, meta: false };
  }
  const end = lastEndMarker(body, headline ? 1 : 0);
  const kept: Line[] = [];
  body.forEach((line, index) => {
    if (line.chrome || index > end) {
      removed.push(line.text);
      if (line.meta) headerLines.push(line.text); // a date-time line with a trailing separator
    } else kept.push(line);
  });
  const paragraphs: string[] = [];
  const garbled: CleanedArticle['garbled'] = [];
  const keptTexts = kept.map((line) => line.text);
  for (const line of kept) {
    // Chrome often sits between two copies of the title or a photo caption: drop the repeat.
    if (paragraphs[paragraphs.length - 1] === line.text || isTeaserOf(line.text, keptTexts)) {
      removed.push(line.text);
      continue;
    }
    for (const garble of line.garbles) garbled.push({ paragraph: paragraphs.length, ...garble });
    paragraphs.push(line.text);
  }
  return {
    text: paragraphs.join('\n\n'),
    paragraphs,
    title: headline?.title ?? null,
    headerLines,
    garbled,
    removed: { pinyin: count, boilerplateLines: removed },
  };
}

/** Marks site chrome: single lines, lists of related stories, numbered clauses of a disclaimer. */
function markChrome(lines: Line[]): void {
  let inRelatedBlock = false;
  let inDisclaimer = false;
  for (const line of lines) {
    const { text } = line;
    if (isRelatedMarker(text)) inRelatedBlock = true;
    else if (inRelatedBlock && !isHeadlineLike(text)) inRelatedBlock = false;
    const boilerplate = isBoilerplateLine(text);
    if (boilerplate && isDisclaimerHeading(text)) inDisclaimer = true;
    else if (inDisclaimer && !boilerplate && !numberedClause.test(text)) inDisclaimer = false;
    if (inRelatedBlock || boilerplate || inDisclaimer || isFurnitureLine(text)) {
      line.chrome = true;
      line.meta = findFullDates(text).length > 0; // a header line's date may still date the page
    }
  }
}

// 1．本网站所载信息…, 2、文章版权归原作者所有: clauses of a disclaimer.
const numberedClause = /^[(（]?\d{1,2}\s*[.．、)）]/u;

/**
 * Index of the story's last end marker — (完), 【编辑：…】, 来源：…, (某某供稿) — after its first
 * paragraph of text; what follows it is the page's, not the story's. Without one, the last line.
 */
function lastEndMarker(body: Line[], from: number): number {
  const firstText = body.findIndex((line, index) => index >= from && !line.chrome && !line.meta);
  if (firstText < 0) return body.length - 1;
  let storyAfter = false;
  for (let index = body.length - 1; index > firstText; index--) {
    const line = body[index]!;
    const marker = line.chrome ? null : isEndMarker(line.text);
    // A weak marker (来源 line, a note in parentheses) with story text after it is not the end.
    if (marker === 'strong' || (marker === 'weak' && !storyAfter)) return index;
    if (!line.chrome && !line.meta && [...line.text].length >= 30 && /[。！？]/u.test(line.text)) storyAfter = true;
  }
  return body.length - 1;
}
