import type { SearchKind } from '@tongxin/core';
import { cjkBigrams, normaliseForSearch, pinyinKeys, toSimplified } from '@tongxin/core/text/index';

/** What a module hands to the index for one record. Text in whatever script it was written in. */
export interface SearchDocumentInput {
  kind: SearchKind;
  recordId: number;
  divisionId: number;
  title: string;
  /** Shown under the title, never searched (a person's organisation and position). */
  subtitle?: string | null;
  /** Searched and shown as a snippet. People have none: they are found by name only. */
  body?: string | null;
  /** `YYYY-MM-DD`, for display and to prefer recent records among equals. */
  date?: string | null;
  /** Read the first character of the title as a surname for pinyin (单 → shan). */
  person?: boolean;
}

/** Long bodies (articles) are indexed up to here; a report's first 20,000 characters say what it is about. */
export const maxBodyChars = 20_000;

const separators = /[^\p{L}\p{N}]+/u;

/**
 * Index tokens of a normalised text: CJK bigrams and unigrams, other words whole. Words that
 * SQLite's unicode61 tokenizer would split (`3.5`, `a-b`) are split here already, so every token
 * is one index term on both engines.
 *
 * @example textTokens('统战工作 3.5') // ['统', '统战', '战', '战工', '工', '工作', '作', '3', '5']
 */
export function textTokens(normalised: string, options: { unigrams?: boolean } = {}): string[] {
  return cjkBigrams(normalised, options).flatMap((token) => token.split(separators)).filter((token) => token.length > 0);
}

/**
 * One letter per kind, in front of every index term of a record of that kind (`a统战` in an
 * activity's body). A search asks one kind at a time; with the kind in the term, the index hands
 * back that kind's records only, so a word that no record of the kind contains costs an empty
 * posting list. (With a separate kind tag, FTS5 walked the word's list and the kind's list to the
 * end to prove they do not meet: 5–11 ms per kind at 1,000,000 records.)
 */
export const kindCodes: Record<SearchKind, string> = { organisation: 'o', person: 'p', venue: 'v', project: 'j', activity: 'a', need: 'n', case: 'c', article: 'r' };

/**
 * Title tokens carry a `t` after the kind letter (`at统战`), so "in the title" is its own index
 * term rather than a column check over every record that has the word anywhere: a title-only
 * query for a word common in bodies but absent from titles then costs nothing.
 *
 * @example titleTerm('统战', 'activity') // 'at统战'
 */
export function titleTerm(token: string, kind: SearchKind): string {
  return `${kindCodes[kind]}t${token}`;
}

/** @example bodyTerm('统战', 'activity') // 'a统战' */
export function bodyTerm(token: string, kind: SearchKind): string {
  return `${kindCodes[kind]}${token}`;
}

/** A pinyin key as indexed (`otongxin`); {@link pinyinKeyOf} reads it back. */
export function pinyinTerm(key: string, kind: SearchKind): string {
  return `${kindCodes[kind]}${key}`;
}

/** @example pinyinKeyOf('otongxin') // 'tongxin' */
export function pinyinKeyOf(term: string): string {
  return term.slice(1);
}

/** Every distinct token once, space-separated: term frequency plays no part in our ranking. */
function joinTokens(tokens: string[]): string {
  return [...new Set(tokens)].join(' ');
}

/** Whitespace runs to one space, so offsets in display text and normalised text line up. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}

// One pinyin-pro call costs about a millisecond whatever its length, which would make indexing a
// million records take hours; readings are therefore taken per character and kept. A polyphonic
// character reads its most common reading (surnames their surname reading: 曾 → zeng).
const readings = new Map<string, string>();
const surnameReadings = new Map<string, string>();

/**
 * Toneless pinyin of one Han character, ü as `v` (`lv`); cached for the life of the process.
 *
 * @example charReading('統') // 'tong'
 */
export function charReading(char: string, surname = false): string {
  const cache = surname ? surnameReadings : readings;
  let reading = cache.get(char);
  if (reading === undefined) {
    reading = pinyinKeys(char, { person: surname }).full;
    cache.set(char, reading);
  }
  return reading;
}

const han = /\p{Script=Han}/u;

/** A title as pinyin units: one per Han character, one per run of other letters and digits. */
function pinyinUnits(title: string, person: boolean): Array<{ zh: boolean; word: string }> {
  const units: Array<{ zh: boolean; word: string }> = [];
  let other = '';
  const flush = () => {
    const word = other.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '');
    if (word) units.push({ zh: false, word });
    other = '';
  };
  for (const char of title) {
    if (!han.test(char)) {
      other += char;
      continue;
    }
    flush();
    const word = charReading(char, person && units.length === 0);
    if (word) units.push({ zh: true, word });
  }
  flush();
  return units;
}

function keysOf(units: Array<{ zh: boolean; word: string }>): string[] {
  const full = units.map((unit) => unit.word).join('');
  const initials = units.map((unit) => (unit.zh ? unit.word[0] : unit.word)).join('');
  const withU = units.map((unit) => (unit.zh ? unit.word.replace(/v/g, 'u') : unit.word)).join('');
  return [full, initials, withU].filter((key) => key.length > 0);
}

/**
 * Pinyin keys of a title: full pinyin and initials (`tongxin`, `tx`). For a person also those of
 * the given name (`xiaoming` finds 王小明); for the name of an organisation or venue also those of
 * each later part, so `tongxin` or `tx` finds 赵巷同心志愿服务队.
 *
 * @example titlePinyin('王小明', 'person') // ['wangxiaoming', 'wxm', 'xiaoming', 'xm']
 */
export function titlePinyin(title: string, mode: 'person' | 'name' | 'title' = 'title'): string[] {
  if (!han.test(title)) return [];
  const units = pinyinUnits(title, mode === 'person');
  const keys = keysOf(units);
  if (mode === 'person' && units.length >= 2 && units.length <= 4 && units.every((unit) => unit.zh)) keys.push(...keysOf(units.slice(1)));
  if (mode === 'name' && units.length <= 30) {
    for (let i = 1; i < units.length - 1; i++) if (units[i]!.zh) keys.push(...keysOf(units.slice(i)));
  }
  return [...new Set(keys)];
}

/**
 * How well a pinyin query names a title, 0 when it does not (issue 17: pinyin matched words that
 * merely shared initials — `tx` found 田雪芳 and 流通协会, `huaxin` found 花戏农). A query counts
 * only as
 * - the full pinyin of the title or of a part the index keys (a name's later part, a person's
 *   given name), or a prefix of it that ends on a syllable boundary (`tongxin` of 同心会, not
 *   `huaxin` of 花戏农 = hua·xi·nong), or
 * - the initials of that whole title or part (`txh` = 同心会; `tx` is not).
 * The title itself scores above a later part, whole above a prefix.
 *
 * @example pinyinMatchScore('同心会', 'title', 'tongxin') // 70
 */
export function pinyinMatchScore(title: string, mode: 'person' | 'name' | 'title', query: string): number {
  if (!han.test(title)) return 0;
  const units = pinyinUnits(title, mode === 'person');
  const starts = [0];
  if (mode === 'person' && units.length >= 2 && units.length <= 4 && units.every((unit) => unit.zh)) starts.push(1);
  if (mode === 'name' && units.length <= 30) for (let i = 1; i < units.length - 1; i++) if (units[i]!.zh) starts.push(i);
  const q = query.replace(/v/g, 'u');
  let best = 0;
  for (const start of starts) {
    const part = units.slice(start);
    // A person's given name is as good a name as the full one; a name's later part is second best.
    const whole = start === 0 || mode === 'person';
    const full = part.map((unit) => unit.word.replace(/v/g, 'u')).join('');
    const initials = part.map((unit) => (unit.zh ? unit.word[0] : unit.word.replace(/v/g, 'u'))).join('');
    let score = 0;
    if (q === full) score = whole ? 85 : 65;
    else if (q === initials) score = whole ? 80 : 60;
    else if (full.startsWith(q)) {
      let boundary = 0;
      for (const unit of part) {
        boundary += unit.word.length;
        if (boundary >= q.length) break;
      }
      if (boundary === q.length) score = whole ? 70 : 55;
    }
    best = Math.max(best, score);
  }
  return best;
}

/** Tags that make scope and kind index look-ups: `d<id>` for the division and each ancestor, `k<kind>`. */
export function scopeTags(kind: SearchKind, divisionPath: string): string {
  const ids = divisionPath.split('/').filter(Boolean);
  return [`k${kind}`, ...ids.map((id) => `d${id}`)].join(' ');
}

/** Mobile numbers typed into free text are masked before indexing: nobody is found by phone. */
export function maskPhonesInText(text: string): string {
  return text.replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}

/**
 * Reads of the characters in these texts that are not cached yet, in one pinyin-pro call per 500
 * characters (digits between them keep each reading apart and free of context).
 *
 * @example warmReadings(['同心会', '统战']) // later charReading calls hit the cache
 */
export function warmReadings(texts: string[]): void {
  const missing = new Set<string>();
  for (const text of texts) for (const char of text) if (han.test(char) && !readings.has(char)) missing.add(char);
  const chars = [...missing];
  for (let i = 0; i < chars.length; i += 500) {
    const chunk = chars.slice(i, i + 500);
    const parts = pinyinKeys(chunk.join('0')).full.split('0');
    if (parts.length !== chunk.length) continue; // left to charReading one by one
    chunk.forEach((char, k) => readings.set(char, parts[k]!));
  }
}

/**
 * Many texts to search form at once: the same result as `normaliseForSearch` on each (whitespace
 * is folded before script conversion rather than after), for one script conversion per batch.
 *
 * @example normaliseMany(['統戰 ＡＢＣ', '同心']) // ['统战 abc', '同心']
 */
export function normaliseMany(texts: string[]): string[] {
  if (texts.length === 0) return [];
  const folded = texts.map((text) => collapseSpaces(text.normalize('NFKC')));
  const converted = toSimplified(folded.join('\n')).split('\n');
  if (converted.length !== texts.length) return texts.map((text) => normaliseForSearch(text));
  return converted.map((text) => text.toLowerCase().replace(/[\s\u200b\ufeff]+/g, ' ').trim());
}

/**
 * Rows of `search_documents` (without id) for many records; `pathOf` gives each division's path.
 *
 * @example toSearchRows([organisationDocument(row)], () => '/1/2/', at)
 */
export function toSearchRows(docs: SearchDocumentInput[], pathOf: (divisionId: number) => string | undefined, at: string) {
  const titles = docs.map((doc) => collapseSpaces(doc.title));
  const bodies = docs.map((doc) => maskPhonesInText(collapseSpaces(doc.body ?? '')).slice(0, maxBodyChars));
  const normal = normaliseMany([...titles, ...bodies]);
  warmReadings(titles);
  return docs.flatMap((doc, i) => {
    const path = pathOf(doc.divisionId);
    if (path === undefined) return [];
    const title = titles[i]!;
    const normTitle = normal[i]!;
    const normBody = normal[docs.length + i]!;
    const mode = doc.person ? 'person' : doc.kind === 'organisation' || doc.kind === 'venue' ? 'name' : 'title';
    return [
      {
        kind: doc.kind,
        record_id: doc.recordId,
        division_id: doc.divisionId,
        title,
        subtitle: doc.subtitle ? collapseSpaces(doc.subtitle) : null,
        body: bodies[i]!,
        date: doc.date ?? null,
        norm_title: normTitle,
        norm_body: normBody,
        title_tokens: joinTokens(textTokens(normTitle).map((token) => titleTerm(token, doc.kind))),
        body_tokens: joinTokens(textTokens(normBody).map((token) => bodyTerm(token, doc.kind))),
        pinyin_keys: titlePinyin(title, mode)
          .map((key) => pinyinTerm(key, doc.kind))
          .join(' '),
        scope_tags: scopeTags(doc.kind, path),
        updated_at: at,
      },
    ];
  });
}

/** The row of `search_documents` for one record (without id). */
export function toSearchRow(doc: SearchDocumentInput, divisionPath: string, at: string) {
  return toSearchRows([doc], () => divisionPath, at)[0]!;
}

export type SearchRow = ReturnType<typeof toSearchRow>;

/** A query read into what the index is asked. */
export interface ParsedQuery {
  /** Normalised words (split at spaces); a hit must contain every one of them. */
  words: string[];
  /** Per word, the index terms that must all be present: bigrams (or the single character). */
  terms: string[][];
  /** Letters only (spaces removed): also tried as pinyin or initials of titles. */
  pinyin: string | null;
}

/**
 * Reads a query: normalised like the index (so `統戰` looks for `统战`), words split at spaces,
 * each word to bigrams without unigrams (a one-character word keeps its character). Pure letters
 * are also a pinyin prefix: `tongx`, `tx`, `tong xin`.
 *
 * @example parseQuery('統戰 工作') // { words: ['统战', '工作'], terms: [['统战'], ['工作']], pinyin: null }
 */
export function parseQuery(q: string): ParsedQuery {
  const normal = normaliseForSearch(q);
  const words = normal.split(' ').filter((word) => textTokens(word).length > 0);
  const terms = words.map((word) => textTokens(word, { unigrams: false }));
  const letters = normal.replace(/ /g, '');
  const pinyin = /^[a-z]{1,40}$/.test(letters) ? letters : null;
  return { words, terms, pinyin };
}
