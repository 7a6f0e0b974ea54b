import { normaliseForSearch } from '../text/search-keys.ts';
import { findFullDates } from './dates.ts';
import { isMetaLine } from './metadata.ts';

/**
 * Finding the headline of a scraped page by scoring its first lines, not by rules for particular
 * sites. A page's text starts with header furniture (site name, channel breadcrumb, section label,
 * "body starts here" marker, keyword line), then the headline — often with a subheading — then the
 * date/source line, then the story. The headline is the first line of the run of headline-like lines
 * that stands right before the first date/source line; without such a line, the first headline-like
 * line before the story.
 */

/** A line as the headline finder sees it: text, a metadata line, or dropped chrome. */
export interface HeaderLine {
  text: string;
  /** A date, source or byline line (kept or not). */
  meta: boolean;
  /** Already known to be chrome (and not metadata): skipped. */
  chrome: boolean;
}

export interface Headline {
  /** Index of the headline in the lines given. */
  index: number;
  /** The headline as it should read: a date glued to its end taken off. */
  title: string;
}

// Names of sites and offices that head a page: 青禾县人民政府, 中共某区委统一战线工作部, 某某新闻网.
const siteName =
  /^(中共)?[\p{Script=Han}]{0,18}(人民政府|委员会|统一战线工作部|统战部|工作部|政府网|门户网站|新闻网|网站|融媒体中心|新闻中心|日报社|报社|电视台|广播电视台)$/u;
// Bylines: 记者林安／台北报导, 通讯员 李俊 朱冬梅, 文/张三.
const byline = /^(本报|本台|本网)?(特约)?(记者|通讯员|作者|撰文|文|图|摄影|摄)\s*[:：/／ ]|[/／](\p{Script=Han}{2,4})?报导$|报道$|^(记者|通讯员)(\s*\p{Script=Han}{2,4})+$/u;
// A full date glued to the end of a headline: 某某挂牌 2018年07月16日.
const trailingDate = /\s*((?:19|20)\d{2}\s*(?:年|-|\/|\.)\s*\d{1,2}\s*(?:月|-|\/|\.)\s*\d{1,2}\s*日?)$/u;
const sentenceMark = /[。；;！!？?]/u;

/** Parts of a keyword line (万企兴万村产品展示、万企兴万村意义) that repeat one phrase. */
function isKeywordLine(text: string): boolean {
  const parts = text.split(/[、，,|｜\s]+/u).filter((part) => part.length >= 3);
  if (parts.length < 2) return false;
  const stem = parts[0]!.slice(0, 3);
  return parts.every((part) => part.startsWith(stem));
}

/** A line that reads like body text: long, or a sentence of some length. */
function isBody(text: string): boolean {
  const length = [...text].length;
  return length > 80 || (length >= 30 && sentenceMark.test(text));
}

/** The line as a headline, or null when it cannot be one. */
function asHeadline(text: string): { title: string; dated: boolean } | null {
  const dated = trailingDate.exec(text);
  const title = (dated ? text.slice(0, dated.index) : text)
    .replace(/^[•·▪■◆●]\s*/u, '') // a headline printed as a bullet on e-paper pages
    .replace(/^[【[]|[】\]]$/gu, '')
    .trim();
  const normal = normaliseForSearch(title);
  const length = [...title].length;
  if (length < 5 || length > 60) return null;
  if (sentenceMark.test(title) || /[>›»]/u.test(title)) return null;
  if (/^[(（][^()（）]*[)）]$/u.test(title)) return null; // a note such as (资料图)
  if (siteName.test(normal) || byline.test(normal) || isKeywordLine(title)) return null;
  if (!dated && isMetaLine(title)) return null;
  if (findFullDates(title).length > 0) return null; // a date inside is a dateline, not a headline
  return { title, dated: Boolean(dated) };
}

/**
 * Finds the headline among the first lines of a page (see the module comment), or null when the
 * page starts with its story.
 *
 * @example
 * findHeadline([{ text: '青禾县人民政府', meta: false, chrome: false }, { text: '乡镇动态', … },
 *   { text: '云溪镇召开统战联络员工作推进会', … }, { text: '发布时间：2024-03-15', meta: true, … }])
 * // { index: 2, title: '云溪镇召开统战联络员工作推进会' }
 */
export function findHeadline(lines: HeaderLine[]): Headline | null {
  const candidates: Headline[] = [];
  let run: Headline[] = [];
  let seen = 0;
  for (let index = 0; index < lines.length && seen < 16; index++) {
    const line = lines[index]!;
    if (line.chrome && !line.meta) continue;
    seen++;
    const headline = line.chrome || isBody(line.text) ? null : asHeadline(line.text);
    // A date on the headline's own line ends the header like a date line does.
    if (headline?.dated) return run[0] ?? { index, title: headline.title };
    if (line.meta) {
      // The first metadata line after a run of headline-like lines: the run's first line heads the page.
      if (run.length > 0) return run[0]!;
      continue;
    }
    if (isBody(line.text)) break;
    if (!headline) {
      run = [];
      continue;
    }
    candidates.push({ index, title: headline.title });
    run.push({ index, title: headline.title });
  }
  return candidates[0] ?? null;
}
