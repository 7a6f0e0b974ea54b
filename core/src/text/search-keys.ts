import { pinyin } from 'pinyin-pro';
import { toSimplified } from './simplify.ts';

/** Scripts whose words are not separated by spaces: indexed as character bigrams. */
const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const cjkChar = new RegExp(`[${cjk}]`, 'u');
// CJK runs; decimal numbers; other letters and digits (Han counts as a letter, hence the lookahead).
const tokenPattern = new RegExp(`[${cjk}]+|\\d+(?:\\.\\d+)+|(?:(?![${cjk}])[\\p{L}\\p{N}])+`, 'gu');

/**
 * Brings a text to the one form the search index stores and queries: NFKC (full-width letters,
 * digits and punctuation become half-width), traditional → simplified, lower case, single spaces.
 *
 * @example normaliseForSearch('統戰 ＡＢＣ１２３') // '统战 abc123'
 */
export function normaliseForSearch(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\u200b\ufeff]+/g, ' ')
    .trim();
}

/**
 * Splits text into index tokens the way Lucene's CJK analyzer does: every CJK run gives its
 * overlapping character bigrams (and, unless `unigrams: false`, its single characters, so a
 * one-character query still matches); Latin words and numbers stay whole. SQLite's trigram
 * tokenizer cannot match the two-character words Chinese is full of, hence bigrams.
 * Call it on {@link normaliseForSearch} output (or use {@link searchTokens}).
 *
 * @example cjkBigrams('统战工作 app') // ['统', '统战', '战', '战工', '工', '工作', '作', 'app']
 * @example cjkBigrams('统战工作', { unigrams: false }) // ['统战', '战工', '工作']
 */
export function cjkBigrams(text: string, options: { unigrams?: boolean } = {}): string[] {
  const unigrams = options.unigrams ?? true;
  const tokens: string[] = [];
  for (const [run] of text.matchAll(tokenPattern)) {
    if (!cjkChar.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      tokens.push(run); // a lone character is its own token whatever `unigrams` says
      continue;
    }
    chars.forEach((char, i) => {
      if (unigrams) tokens.push(char);
      const next = chars[i + 1];
      if (next !== undefined) tokens.push(char + next);
    });
  }
  return tokens;
}

/**
 * Normalises then tokenises: what to store in, or look up from, a bigram index.
 *
 * @example searchTokens('統戰') // ['统', '统战', '战']
 */
export function searchTokens(text: string, options: { unigrams?: boolean } = {}): string[] {
  return cjkBigrams(normaliseForSearch(text), options);
}

/** Pinyin search keys of a name; see {@link pinyinKeys}. */
export interface PinyinKeys {
  /** Full pinyin without tones or spaces, ü written `v` as pinyin keyboards do: `lvse`. */
  full: string;
  /** First letter of each syllable: `ls`. Non-Chinese words are kept whole: CCTV新闻 → `cctvxw`. */
  initials: string;
  /** Every distinct key worth indexing: full, initials, and full with ü written `u`. */
  keys: string[];
}

/**
 * Pinyin keys so that typing `tongxin` or `tx` finds 同心. Works on either script. With
 * `person: true` the first character is read as a surname (单 → shan, 曾 → zeng).
 *
 * @example pinyinKeys('同心') // { full: 'tongxin', initials: 'tx', keys: ['tongxin', 'tx'] }
 */
export function pinyinKeys(name: string, options: { person?: boolean } = {}): PinyinKeys {
  const simplified = toSimplified(name.normalize('NFKC'));
  const items = pinyin(simplified, {
    type: 'all',
    toneType: 'none',
    v: true,
    nonZh: 'consecutive',
    surname: options.person ? 'head' : 'off',
  });
  // Chinese characters give a syllable each; other runs (CCTV, 345, ·) are kept as letters/digits.
  const words = items
    .map((item) => ({ zh: item.isZh, word: (item.isZh ? item.pinyin : item.origin).toLowerCase().replace(/[^a-z0-9]+/g, '') }))
    .filter(({ word }) => word.length > 0);
  const full = words.map(({ word }) => word).join('');
  const initials = words.map(({ zh, word }) => (zh ? word[0] : word)).join('');
  const withU = words.map(({ zh, word }) => (zh ? word.replace(/v/g, 'u') : word)).join('');
  const keys = [...new Set([full, initials, withU])].filter((key) => key.length > 0);
  return { full, initials, keys };
}
