/**
 * The syllables of Hanyu Pinyin, and a parser for written pinyin with tone marks or tone numbers.
 * Used to tell a pinyin annotation `(tǒng zhàn)` from an ordinary parenthesis: only real syllables
 * count, so `(café)` or `(ok)` are never mistaken for pinyin.
 */

// Finals allowed after each initial ('' = no initial). Written with ü, as the tables print them.
const finalsByInitial: Record<string, string> = {
  '': 'a o e ai ei ao ou an en ang eng er ê m n ng hm hng',
  b: 'a o ai ei ao an en ang eng i ie iao ian in ing u',
  p: 'a o ai ei ao ou an en ang eng i ie iao ian in ing u',
  m: 'a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u',
  f: 'a o ei ou an en ang eng iao u',
  d: 'a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un',
  t: 'a e ai ei ao ou an ang eng ong i ie iao ian ing u uo ui uan un',
  n: 'a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan un ü üe',
  l: 'a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ü üe',
  g: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  k: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  h: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  j: 'i ia ie iao iu ian in iang ing iong u ue uan un',
  q: 'i ia ie iao iu ian in iang ing iong u ue uan un',
  x: 'i ia ie iao iu ian in iang ing iong u ue uan un',
  zh: 'a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  ch: 'a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang',
  sh: 'a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang',
  r: 'e i ao ou an en ang eng ong u ua uo ui uan un',
  z: 'a e i ai ei ao ou an en ang eng ong u uo ui uan un',
  c: 'a e i ai ao ou an en ang eng ong u uo ui uan un',
  s: 'a e i ai ao ou an en ang eng ong u uo ui uan un',
  y: 'a o e ao ou an in ang ing ong i u ue uan un',
  w: 'a o ai ei an en ang eng u',
};

const syllables = new Set(
  Object.entries(finalsByInitial).flatMap(([initial, finals]) => finals.split(' ').map((final) => initial + final)),
);
const longestSyllable = Math.max(...[...syllables].map((syllable) => syllable.length));

// Tone-marked letters → plain letter and tone. ǖǘǚǜ carry ü; ḿ ń ň ǹ cover 呣 and 嗯.
const toneMarks: Record<string, [string, number]> = {};
for (const [plain, marked] of [
  ['a', 'āáǎà'], ['e', 'ēéěè'], ['i', 'īíǐì'], ['o', 'ōóǒò'], ['u', 'ūúǔù'], ['ü', 'ǖǘǚǜ'], ['ê', ' ế ề'],
  ['m', ' ḿ  '], ['n', ' ńňǹ'],
] as const) {
  [...marked].forEach((char, i) => {
    if (char !== ' ') toneMarks[char] = [plain, i + 1];
  });
}

/** One parsed syllable: toneless spelling with ü, and its tone (1–4, 5 or 0 neutral, null if unmarked). */
export interface PinyinSyllable {
  syllable: string;
  tone: number | null;
}

/** Folds the ways ü is typed (v, u:, yu/ju written with ü) into the table spelling. */
function foldU(text: string): string {
  return text.replace(/u:/g, 'ü').replace(/v/g, 'ü');
}

function tableSpelling(syllable: string): string {
  // After j, q, x and y the table writes ü as u.
  return /^[jqxy]ü/.test(syllable) ? syllable.replace('ü', 'u') : syllable;
}

/**
 * True when `text` is one toneless pinyin syllable (ü may be written `v` or `u:`).
 *
 * @example isPinyinSyllable('zhan') // true
 * @example isPinyinSyllable('lv') // true
 * @example isPinyinSyllable('fe') // false
 */
export function isPinyinSyllable(text: string): boolean {
  return syllables.has(tableSpelling(foldU(text.toLowerCase())));
}

/**
 * Splits a run of letters with tone marks (no digits) into syllables, choosing the split with
 * the fewest syllables that puts at most one tone mark in each.
 */
function segment(letters: string[], tones: (number | null)[]): PinyinSyllable[] | null {
  const best: (PinyinSyllable[] | null)[] = Array.from({ length: letters.length + 1 }, () => null);
  best[0] = [];
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - longestSyllable); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const spelling = tableSpelling(letters.slice(start, end).join(''));
      if (!syllables.has(spelling)) continue;
      const marked = tones.slice(start, end).filter((tone) => tone !== null);
      if (marked.length > 1) continue;
      const candidate = [...before, { syllable: spelling, tone: marked[0] ?? null }];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  return best[letters.length] ?? null;
}

/**
 * Parses written pinyin such as `tǒng zhàn`, `tǒngzhàn`, `tong3 zhan4`, `lǚ`, `lv3`, `lu:3` or
 * `xī'ān` into syllables; returns null when any part is not pinyin.
 *
 * @example parsePinyinGroup('tǒng zhàn') // [{ syllable: 'tong', tone: 3 }, { syllable: 'zhan', tone: 4 }]
 * @example parsePinyinGroup('lv3') // [{ syllable: 'lü', tone: 3 }]
 * @example parsePinyinGroup('2022') // null
 */
export function parsePinyinGroup(text: string): PinyinSyllable[] | null {
  const chunks = foldU(text.normalize('NFC').toLowerCase())
    .split(/[\s'’\-·]+/u)
    .filter((chunk) => chunk.length > 0);
  if (chunks.length === 0) return null;
  const result: PinyinSyllable[] = [];
  for (const chunk of chunks) {
    // A chunk is letter runs, each optionally closed by a tone number: tong3zhan4, tǒngzhàn.
    const pieces = [...chunk.matchAll(/([^\d]+)([0-5])?/gu)];
    if (pieces.map((piece) => piece[0]).join('') !== chunk) return null;
    for (const [, run = '', digit] of pieces) {
      const letters: string[] = [];
      const tones: (number | null)[] = [];
      for (const char of run) {
        const mark = toneMarks[char];
        letters.push(mark ? mark[0] : char);
        tones.push(mark ? mark[1] : null);
      }
      if (!letters.every((letter) => /^[a-zêü]$/u.test(letter))) return null;
      const parsed = segment(letters, tones);
      if (!parsed) return null;
      const last = parsed[parsed.length - 1];
      if (digit !== undefined && last) {
        if (last.tone !== null) return null; // both a mark and a number: not something people write
        last.tone = Number(digit);
      }
      result.push(...parsed);
    }
  }
  return result;
}
