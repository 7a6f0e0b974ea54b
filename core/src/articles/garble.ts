import { toSimplified } from '../text/script.ts';

/**
 * Text garbled by a wrong encoding. Pages annotated with pinyin (`業(yè)`) were often kept in GBK;
 * when one byte around an annotation is lost, the decoder prints `?` for the lone lead byte of the
 * next character and then reads every following byte pair shifted by one — random CJK — until a
 * trail byte in the ASCII range (`^`, `K`, `@`…) puts it back in step:
 *
 *   `事業(yè)。“一館”即` → `事業(yè)?!耙火^”即`   (bytes A1|A3 A1|B0 D2|BB F0|5E read as ?|！|耙|火|^)
 *
 * That *known pattern* can be undone: encode the run back to GBK, shift it by one byte and decode
 * again. Only the lost lead byte is unknown; it is restored when exactly one common punctuation mark
 * fits the trail byte left over (the lost character is usually the mark after an annotated word).
 * Other garbling (`?fàn)畲?`) is found and flagged but left as it is.
 */

/** One garbled place in a line. */
export interface Garble {
  /** The garbled text as found (`?!耙火^`). */
  text: string;
  /** What it stood for, when the known pattern could be undone (`。“一館`); otherwise null. */
  repair: string | null;
}

let gbkMap: Map<string, [number, number]> | null = null;

/** Character → its two GBK bytes, built once from the platform's GBK decoder. */
function gbk(char: string): [number, number] | null {
  if (!gbkMap) {
    const pairs: number[] = [];
    const codes: Array<[number, number]> = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        pairs.push(lead, trail, 0x0a); // one decode call for all pairs: newline-separated
        codes.push([lead, trail]);
      }
    }
    const decoded = new TextDecoder('gbk').decode(new Uint8Array(pairs)).split('\n');
    gbkMap = new Map();
    decoded.forEach((text, i) => {
      const code = codes[i];
      if (code && text.length === 1 && text !== '\ufffd' && !gbkMap!.has(text)) gbkMap!.set(text, code);
    });
  }
  return gbkMap.get(char) ?? null;
}

const gbkDecoder = () => new TextDecoder('gbk', { fatal: true });

/** The marks that most often follow an annotated word, in order of preference. */
const likelyLost = '。，、“”：；！？（）《》‘’';

/** A decoded character that real text would contain: GB2312 proper, or a traditional form. */
function plausible(char: string, lead: number, trail: number): boolean {
  if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1) return true;
  return /\p{Script=Han}/u.test(char) && toSimplified(char) !== char;
}

/** Full-width form of a folded ASCII mark (`!` → `！`), as scrapers fold GBK's A3 row. */
const fullWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) + 0xfee0);

/**
 * Tries to undo the known pattern at a `?` (offset `at`). Returns the end of the garbled run and
 * its repair, or null when the text after the `?` does not read as a shifted GBK run.
 */
function undoShift(line: string, at: number): { end: number; repair: string } | null {
  const bytes: number[] = [];
  let end = -1;
  for (let j = at + 1; j < line.length && j - at <= 16; j++) {
    const char = line[j]!;
    const code = char.charCodeAt(0);
    if (code >= 0x40 && code <= 0x7e) {
      // An ASCII-range trail byte read on its own: the decoder is back in step after it.
      if (j === at + 1 || !/\p{Script=Han}/u.test(line[j - 1] ?? '')) return null;
      bytes.push(code);
      end = j + 1;
      break;
    }
    const pair = code < 0x40 && code > 0x20 ? gbk(fullWidth(char)) : gbk(char);
    if (!pair || /\s/.test(char)) return null;
    bytes.push(...pair);
  }
  if (end < 0 || bytes.length < 3) return null;
  const decoder = gbkDecoder();
  let rest = '';
  for (let k = 1; k + 1 < bytes.length; k += 2) {
    const [lead, trail] = [bytes[k]!, bytes[k + 1]!];
    let char: string;
    try {
      char = decoder.decode(new Uint8Array([lead, trail]));
    } catch {
      return null;
    }
    if (char.length !== 1 || !plausible(char, lead, trail)) return null;
    rest += char;
  }
  const lost = [...likelyLost].find((mark) => gbk(mark)?.[1] === bytes[0]);
  return lost ? { end, repair: lost + rest } : null;
}

// Garbling that cannot be undone but must not pass silently.
const signals = [
  /\ufffd+/gu, // the decoder's own replacement character
  /[?？]{2,}/gu, // runs of question marks where characters were
  /\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]*\)?/gu, // pinyin debris after a ?
  /\?(?=[。，、；：])/gu, // a question mark followed by another mark
  /\?[\p{Script=Han}!;:]{1,14}?\p{Script=Han}[\x40-\x7e](?=[\p{Script=Han}\p{P}])/gu, // the known shape, not undone
];

/**
 * Finds garbled places in one line and undoes the known pattern where it can.
 *
 * @example repairGarbles('推動事業?!耙火^”即') // { text: '推動事業。“一館”即', garbles: [{ text: '?!耙火^', repair: '。“一館' }] }
 */
export function repairGarbles(line: string): { text: string; garbles: Garble[] } {
  const garbles: Garble[] = [];
  let text = '';
  let from = 0;
  for (let at = line.indexOf('?'); at >= 0; at = line.indexOf('?', at + 1)) {
    if (at < from) continue;
    const undone = undoShift(line, at);
    if (!undone) continue;
    garbles.push({ text: line.slice(at, undone.end), repair: undone.repair });
    text += line.slice(from, at) + undone.repair;
    from = undone.end;
    at = undone.end - 1;
  }
  text += line.slice(from);
  const flagged = new Set<number>();
  for (const signal of signals) {
    for (const match of text.matchAll(signal)) {
      if (flagged.has(match.index)) continue;
      flagged.add(match.index);
      garbles.push({ text: match[0], repair: null });
    }
  }
  return { text, garbles };
}
