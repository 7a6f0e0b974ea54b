import { toSimplified } from '@tongxin/core/text/index';
import { charReading } from './search.tokens.ts';

export type Range = [number, number];

/**
 * The text in search form (NFKC, lower case, simplified) with, for each UTF-16 unit of the result,
 * the offsets in the original it came from, so a match in the normalised form can be marked in
 * the text as written (`統戰` matched by `统战`).
 */
function normalisedWithOrigins(text: string): { normal: string; from: number[]; to: number[] } {
  const pieces: Array<{ piece: string; start: number; end: number }> = [];
  let offset = 0;
  for (const char of text) {
    const piece = /\s/.test(char) ? ' ' : char.normalize('NFKC').toLowerCase();
    pieces.push({ piece, start: offset, end: offset + char.length });
    offset += char.length;
  }
  const joined = pieces.map(({ piece }) => piece).join('');
  const whole = toSimplified(joined);
  // Conversion is character for character almost always; when it is not, convert piece by piece.
  const converted = whole.length === joined.length ? null : pieces.map(({ piece }) => toSimplified(piece));
  const from: number[] = [];
  const to: number[] = [];
  let normal = '';
  let cursor = 0;
  pieces.forEach(({ piece, start, end }, index) => {
    const out = converted ? converted[index]! : whole.slice(cursor, cursor + piece.length);
    cursor += piece.length;
    normal += out;
    for (let i = 0; i < out.length; i++) {
      from.push(start);
      to.push(end);
    }
  });
  return { normal, from, to };
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/**
 * Where the (normalised) words occur in a text as written, as `[start, end)` UTF-16 offsets.
 *
 * @example matchRanges('奮力譜寫統戰工作', ['统战']) // [[4, 6]]
 */
export function matchRanges(text: string, words: string[]): Range[] {
  if (words.length === 0 || text.length === 0) return [];
  const { normal, from, to } = normalisedWithOrigins(text);
  const ranges: Range[] = [];
  for (const word of words) {
    if (word.length === 0) continue;
    for (let index = normal.indexOf(word); index !== -1; index = normal.indexOf(word, index + word.length)) {
      ranges.push([from[index]!, to[index + word.length - 1]!]);
    }
  }
  return merge(ranges);
}

/**
 * The characters of a title that a pinyin query stands for: `tongx` or `tx` in 同心会 → 同心.
 * Tries the whole title, and for people the given name too (`xiaoming` in 王小明).
 *
 * @example pinyinRanges('同心会', 'tx', false) // [[0, 2]]
 */
export function pinyinRanges(title: string, query: string, person: boolean): Range[] {
  const units: Array<{ start: number; end: number; full: string }> = [];
  let offset = 0;
  for (const char of title) {
    const start = offset;
    offset += char.length;
    if (/\s/.test(char)) continue;
    const full = /\p{Script=Han}/u.test(char) ? charReading(char, person && units.length === 0) : char.toLowerCase();
    if (full) units.push({ start, end: offset, full });
  }
  const attempt = (from: number, key: (unit: { full: string }) => string): Range[] | null => {
    let read = '';
    for (let i = from; i < units.length; i++) {
      read += key(units[i]!);
      if (read.startsWith(query)) return [[units[from]!.start, units[i]!.end]];
      if (!query.startsWith(read)) return null;
    }
    return null;
  };
  // From the start first; then the given name of a person, or a later part of a name.
  for (let start = 0; start < units.length; start++) {
    const found = attempt(start, (unit) => unit.full) ?? attempt(start, (unit) => unit.full.replace(/v/g, 'u')) ?? attempt(start, (unit) => unit.full[0] ?? '');
    if (found) return found;
  }
  return [];
}

/**
 * A piece of a long body around its first match, with `…` where it was cut, and the match ranges
 * within the piece.
 *
 * @example snippetAround('…long text…', normBody, ['统战'])
 */
export function snippetAround(body: string, normBody: string, words: string[], width = 120): { snippet: string; ranges: Range[] } | null {
  const first = Math.min(...words.map((word) => normBody.indexOf(word)).filter((index) => index >= 0));
  if (!Number.isFinite(first)) return null;
  let start = Math.max(0, first - Math.floor(width / 4));
  let end = Math.min(body.length, start + width);
  // Never cut a character beyond the BMP in half.
  if (start > 0 && /[\udc00-\udfff]/.test(body[start]!)) start -= 1;
  if (end < body.length && /[\udc00-\udfff]/.test(body[end]!)) end += 1;
  const prefix = start > 0 ? '…' : '';
  const snippet = `${prefix}${body.slice(start, end)}${end < body.length ? '…' : ''}`;
  return { snippet, ranges: matchRanges(snippet, words) };
}
