import { normaliseForSearch } from '../text/search-keys.ts';
import { findFullDates, inferYear, isPossibleMonthDay, toIsoDate, type FoundDate } from './dates.ts';
import { defaultMediaList, type MediaEntry, type MediaLevel } from './media.ts';

/** What an article says about itself. Names and titles stay in the article's own script. */
export interface ArticleMetadata {
  title: string | null;
  /** ISO 8601: `2022-07-27T11:04:00+08:00` when a time is given, else `2022-07-27`. */
  publishedAt: string | null;
  /** The source medium as the article names it: `《中國新聞》報`, `金山报`, `中新网`. */
  source: string | null;
  /** The managed-list entry the source matched, by its canonical name. */
  medium: string | null;
  level: MediaLevel | null;
  authors: string[];
  editors: string[];
}

export interface MetadataOptions {
  /** Reference for dates written without a year; defaults to the current time. */
  now?: Date;
  /** The managed list of media and their levels; defaults to {@link defaultMediaList}. */
  media?: MediaEntry[];
  /** UTC offset for times of day; Chinese sites publish Beijing time. */
  utcOffset?: string;
  /** The headline when the caller found it already (see `cleanArticle`); null for none. */
  title?: string | null;
  /** Metadata lines that cleaning took out of the text (above the headline, date-time furniture). */
  headerLines?: string[];
}

// The source after its label, up to a space, a separator or the next label glued to it (来源:同心四川收集编辑:…).
const sourceLabel =
  /(?:来源|來源|稿源|出处|出處|信息来源|信息來源|文章来源|文章來源)\s*[:：]\s*([^\s)）】\]|丨,，。;；]+?)(?=收集|编辑|編輯|作者|发布|發布|责编|責編|[\s)）】\]|丨,，。;；]|$)/u;
const datelinePattern = /^(?:【|\[)?([^\d\s,，。:：]{0,14}?)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:电|電|讯|訊)/u;
const publishLabel = /来源|來源|发布|發布|时间|時間|日期|更新/u;

const authorKeyword =
  /(?<=^|[\s(（【[/|丨,，;；:：]|[社网網报報台])(?:本报|本報|本网|本網|本台)?(?:特约|特約|见习|見習|实习|實習|首席)?(?:记者|記者|通讯员|通訊員|作者|撰稿|撰文|文(?=\s*[/／:：]))\s*[:：/／]?\s*/gu;
const editorKeyword =
  /(?<=^|[\s(（【[/|丨,，;；:：])(?:(?:责任|責任|值班|网络|網絡|实习|實習)?(?:编辑|編輯)(?=\s|[:：])|责编|責編)\s*[:：]?\s*/gu;
const nameChunk = /^[\p{Script=Han}·•\s、，,和及]{2,60}/u;
const personName = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,8}(?:[·•]\p{Script=Han}{1,8})+)$/u;
// Words that follow 记者/编辑 in running text or in other labels, and are no one's name.
const notNames =
  /^(了解|获悉|獲悉|看到|发现|發現|注意|采访|採訪|走访|走訪|来到|來到|从|從|在|来源|來源|编辑|編輯|记者|記者|通讯员|通訊員|作者|摄影|攝影|时间|時間|日期|发布|發布|审核|審核|校对|校對|责任|責任|供图|供圖)/u;

/** Splits the text after a label into the names it lists, stopping at the first non-name. */
function namesAfter(text: string): string[] {
  const chunk = nameChunk.exec(text)?.[0] ?? '';
  const names: string[] = [];
  for (const token of chunk.split(/[\s、，,和及]+/u)) {
    if (token.length === 0) continue;
    const name = token.replace(/(报道|報道|摄|攝|供图|供圖)$/u, '');
    if (notNames.test(name) || !personName.test(name)) break;
    names.push(name);
  }
  return names;
}

function collectNames(paragraphs: string[], keyword: RegExp): string[] {
  const names = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(keyword)) {
      for (const name of namesAfter(paragraph.slice(match.index + match[0].length))) names.add(name);
    }
  }
  return [...names];
}

/**
 * Lines that state a date, source or byline rather than tell the story.
 *
 * @example isMetaLine('2022年07月27日 11:04 來源:《中國新聞》報') // true
 */
export function isMetaLine(paragraph: string): boolean {
  return datelinePattern.test(paragraph) || sourceLabel.test(paragraph) || (findFullDates(paragraph).length > 0 && [...paragraph].length <= 60);
}

function findTitle(paragraphs: string[]): string | null {
  for (const paragraph of paragraphs.slice(0, 3)) {
    if (isMetaLine(paragraph)) continue;
    const title = paragraph.replace(/^[【[]|[】\]]$/gu, '').trim();
    const length = [...title].length;
    // A headline is short and not a sentence; a first line that is a paragraph means no title.
    if (length >= 4 && length <= 80 && !/[。！？!?]$/u.test(title)) return title;
    return null;
  }
  return null;
}

function findPublished(paragraphs: string[], options: MetadataOptions): string | null {
  const offset = options.utcOffset ?? '+08:00';
  const allDates: FoundDate[] = paragraphs.flatMap((paragraph) => findFullDates(paragraph));
  // A date on a short line that is not a sentence, or on a line that says 来源/发布/时间, is the
  // page's own date; dates inside the story are events.
  for (const paragraph of paragraphs) {
    const dates = findFullDates(paragraph);
    const first = dates[0];
    const shortNotSentence = [...paragraph].length <= 40 && !/[。！？!?；;]/u.test(paragraph);
    const labelled = publishLabel.test(paragraph) && [...paragraph].length <= 120;
    if (first && (shortNotSentence || labelled)) return toIsoDate(first, offset);
  }
  // A date that opens one of the first lines, not as the start of a sentence (2022-04-21王林, date 2025-12-25 ▲…).
  for (const paragraph of paragraphs.slice(0, 3)) {
    const first = findFullDates(paragraph)[0];
    const before = first ? paragraph.slice(0, first.index).trim() : '';
    const after = first ? paragraph.slice(first.index + first.raw.length) : '';
    if (first && /^(date|日期|时间|時間)?[\s:：•·]*$/iu.test(before) && !/^\s*[，,、。]/u.test(after) && [...paragraph].length <= 80) {
      return toIsoDate(first, offset);
    }
  }
  // Otherwise a news-agency dateline: 上海5月28日电, 中新网四川 5月28日讯.
  for (const paragraph of paragraphs.slice(0, 6)) {
    const match = datelinePattern.exec(paragraph);
    if (!match) continue;
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (!isPossibleMonthDay(month, day)) continue;
    const year = inferYear(month, day, allDates, options.now ?? new Date());
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) continue; // 2月29日 in a common year
    return toIsoDate({ year, month, day, hour: null, minute: null }, offset);
  }
  return null;
}

/** The first date on a header line (one already known not to be story text), however long the line. */
function headerDate(options: MetadataOptions): string | null {
  const found = (options.headerLines ?? []).map((line) => findFullDates(line)[0]).find((date) => date !== undefined);
  return found ? toIsoDate(found, options.utcOffset ?? '+08:00') : null;
}

/** The medium a dateline names before its place: 新华社北京…, 中新网四川…; a bare place names none. */
function datelineSource(prefix: string, media: MediaEntry[]): string | null {
  const normal = normaliseForSearch(prefix);
  const known = media
    .flatMap((entry) => [entry.name, ...(entry.aliases ?? [])])
    .filter((name) => normal.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  if (known) return [...prefix].slice(0, [...known].length).join('');
  const generic = /^(.{1,10}?(?:社|网|網|报|報|台|电视台|電視台))/u.exec(prefix)?.[1];
  return generic && !/^本(报|報|网|網|台)$/u.test(generic) ? generic : null;
}

// A medium's name standing alone or beside a date in the header: 临江日报 2022-11-24, • 中国农网.
const mediumLike = /^[\p{Script=Han}A-Za-z]{2,14}(?:日报|日報|晚报|晚報|时报|時報|报|報|网|網|社|台|新闻|新聞|融媒|客户端|客戶端)$/u;

/** The source a header names without a label, next to the page's date. */
function headerSource(lines: string[]): string | null {
  for (const [index, line] of lines.slice(0, 8).entries()) {
    const dated = findFullDates(line).length > 0;
    const previousDated = index > 0 && findFullDates(lines[index - 1] ?? '').length > 0;
    if (!dated && !previousDated) continue;
    const rest = line.replace(/(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/gu, ' ')
      .replace(/^[\s•·|｜]+|[\s•·|｜]+$/gu, '')
      .trim();
    if (mediumLike.test(rest)) return rest;
  }
  return null;
}

function findSource(paragraphs: string[], media: MediaEntry[]): string | null {
  for (const paragraph of paragraphs) {
    const labelled = sourceLabel.exec(paragraph)?.[1];
    if (labelled) return labelled;
  }
  for (const paragraph of paragraphs.slice(0, 6)) {
    const prefix = datelinePattern.exec(paragraph)?.[1];
    const source = prefix ? datelineSource(prefix, media) : null;
    if (source) return source;
  }
  return null;
}

/**
 * Finds the managed-list entry for a source as written, in either script: the entry with the
 * longest name or alias contained in the source.
 *
 * @example matchMedium('《中國新聞》報')?.level // 'central'
 * @example matchMedium('金山报')?.level // 'local'
 */
export function matchMedium(source: string, media: MediaEntry[] = defaultMediaList): MediaEntry | null {
  const normal = normaliseForSearch(source).replace(/[《》〈〉“”"'「」『』\s]/gu, '');
  let best: { entry: MediaEntry; length: number } | null = null;
  for (const entry of media) {
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const key = normaliseForSearch(name).replace(/\s/g, '');
      if (key.length > 0 && normal.includes(key) && (!best || key.length > best.length)) best = { entry, length: key.length };
    }
  }
  return best?.entry ?? null;
}

/**
 * Reads title, publication date, source medium and its level, authors and editors from a cleaned
 * article (see `cleanArticle`), in simplified or traditional script.
 *
 * @example
 * extractMetadata('江淮統戰新篇章\n\n2022年07月27日 11:04 來源:《中國新聞》報\n\n正文。\n\n【編輯:唐煒妮】')
 * // { title: '江淮統戰新篇章', publishedAt: '2022-07-27T11:04:00+08:00', source: '《中國新聞》報',
 * //   medium: '中国新闻社', level: 'central', authors: [], editors: ['唐煒妮'] }
 */
export function extractMetadata(cleanText: string, options: MetadataOptions = {}): ArticleMetadata {
  const media = options.media ?? defaultMediaList;
  const paragraphs = cleanText.split(/\n+/).map((line) => line.trim()).filter((line) => line.length > 0);
  // Lines taken out of the text still date the page and name its source, after the text's own.
  const withHeader = [...(options.headerLines ?? []), ...paragraphs];
  const source = findSource(paragraphs, media) ?? findSource(withHeader, media) ?? headerSource(withHeader);
  const entry = source ? matchMedium(source, media) : null;
  return {
    title: options.title !== undefined ? options.title : findTitle(paragraphs),
    publishedAt: findPublished(paragraphs, options) ?? findPublished(withHeader, options) ?? headerDate(options),
    source,
    medium: entry?.name ?? null,
    level: entry?.level ?? null,
    authors: collectNames(paragraphs, authorKeyword),
    editors: collectNames(paragraphs, editorKeyword),
  };
}
