import type { SearchKind } from '@tongxin/core';
import { cjkBigrams, isPinyinSyllable, normaliseForSearch, pinyinKeys } from '@tongxin/core/text/index';

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

/** Every distinct token once, space-separated: term frequency plays no part in our ranking. */
function joinTokens(tokens: string[]): string {
  return [...new Set(tokens)].join(' ');
}

/** Whitespace runs to one space, so offsets in display text and normalised text line up. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}

/**
 * Splits full pinyin into one syllable per character, guided by the initials: `tongxin` + `tx` →
 * [`tong`, `xin`]. Null when no split fits (then only whole-title keys are indexed).
 *
 * @example splitSyllables('xian', 'xa') // ['xi', 'an']
 */
export function splitSyllables(full: string, initials: string): string[] | null {
  const failed = new Set<string>();
  const walk = (position: number, index: number): string[] | null => {
    if (index === initials.length) return position === full.length ? [] : null;
    const key = `${position}:${index}`;
    if (failed.has(key) || full[position] !== initials[index]) return null;
    for (let length = Math.min(6, full.length - position); length >= 1; length--) {
      const syllable = full.slice(position, position + length);
      if (!isPinyinSyllable(syllable)) continue;
      const rest = walk(position + length, index + 1);
      if (rest) return [syllable, ...rest];
    }
    failed.add(key);
    return null;
  };
  return walk(0, 0);
}

/**
 * Pinyin keys of a title: full pinyin and initials (`tongxin`, `tx`). For a person also those of
 * the given name (`xiaoming` finds 王小明); for the name of an organisation or venue also those of
 * each later part, so `tongxin` or `tx` finds 赵巷同心志愿服务队.
 *
 * @example titlePinyin('王小明', 'person') // ['wangxiaoming', 'wxm', 'xiaoming', 'xm']
 */
export function titlePinyin(title: string, mode: 'person' | 'name' | 'title' = 'title'): string[] {
  const compact = title.replace(/\s+/g, '');
  if (compact.length === 0 || !/\p{Script=Han}/u.test(compact)) return [];
  const whole = pinyinKeys(compact, { person: mode === 'person' });
  const keys = [...whole.keys];
  const chars = [...compact];
  if (mode === 'person' && chars.length >= 2 && chars.length <= 4) keys.push(...pinyinKeys(chars.slice(1).join('')).keys);
  if (mode === 'name' && chars.length <= 30 && chars.every((char) => /\p{Script=Han}/u.test(char))) {
    const syllables = splitSyllables(whole.full, whole.initials);
    for (let i = 1; syllables && i < syllables.length - 1; i++) keys.push(syllables.slice(i).join(''), whole.initials.slice(i));
  }
  return [...new Set(keys)];
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

/** The row of `search_documents` for one record (without id). */
export function toSearchRow(doc: SearchDocumentInput, divisionPath: string, at: string) {
  const title = collapseSpaces(doc.title);
  const body = maskPhonesInText(collapseSpaces(doc.body ?? '')).slice(0, maxBodyChars);
  const normTitle = normaliseForSearch(title);
  const normBody = normaliseForSearch(body);
  return {
    kind: doc.kind,
    record_id: doc.recordId,
    division_id: doc.divisionId,
    title,
    subtitle: doc.subtitle ? collapseSpaces(doc.subtitle) : null,
    body,
    date: doc.date ?? null,
    norm_title: normTitle,
    norm_body: normBody,
    title_tokens: joinTokens(textTokens(normTitle)),
    body_tokens: joinTokens(textTokens(normBody)),
    pinyin_keys: titlePinyin(title, doc.person ? 'person' : doc.kind === 'organisation' || doc.kind === 'venue' ? 'name' : 'title').join(' '),
    scope_tags: scopeTags(doc.kind, divisionPath),
    updated_at: at,
  };
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
