import * as OpenCC from 'opencc-js/cn2t';
import { toSimplified } from './simplify.ts';

// toSimplified lives in its own file so the browser can take it without the simplified →
// traditional tables; re-exported here for the callers that import it from this file.
export { toSimplified };

/** Traditional-script conventions OpenCC knows: standard (OpenCC), Taiwan, Hong Kong. */
export type TraditionalVariant = 't' | 'tw' | 'hk';

type Convert = (text: string) => string;

// Building a converter loads and indexes the whole dictionary (~0.3 s), so each variant is built
// on first use and then kept for the life of the process.
const converters = new Map<string, Convert>();

function converter(from: string, to: string): Convert {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to });
    converters.set(key, convert);
  }
  return convert;
}

/**
 * Converts simplified characters to traditional ones.
 *
 * @example toTraditional('统战工作') // '統戰工作'
 * @example toTraditional('台湾', 'hk') // '台灣' (the standard form is '臺灣')
 */
export function toTraditional(text: string, variant: TraditionalVariant = 't'): string {
  return converter('cn', variant)(text);
}

/**
 * Guesses the script of a text by how many characters change under conversion each way.
 * Returns `'unknown'` for text with no script-specific characters (e.g. `中文` or `abc`).
 *
 * @example detectScript('統戰工作') // 'traditional'
 */
export function detectScript(text: string): 'simplified' | 'traditional' | 'unknown' {
  const traditionalOnly = countDifferences(text, toSimplified(text));
  const simplifiedOnly = countDifferences(text, toTraditional(text));
  if (traditionalOnly === simplifiedOnly) return 'unknown';
  return traditionalOnly > simplifiedOnly ? 'traditional' : 'simplified';
}

function countDifferences(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  // Conversion maps characters one to one almost always; when it does not, compare what lines up.
  let count = 0;
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) count++;
  return count;
}
