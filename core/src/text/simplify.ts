// Only the traditional → simplified tables (~110 kB): the browser's article preview needs this
// direction alone, and importing the full opencc-js set would ship ~1.1 MB of simplified →
// traditional phrases with it.
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

// Building a converter loads and indexes its dictionaries, so it is built on first use and kept.
let twToCn: Convert | undefined;

/**
 * Converts traditional characters to simplified ones (mainland conventions); simplified text and
 * non-Chinese text pass through unchanged.
 *
 * @example toSimplified('統戰工作') // '统战工作'
 */
export function toSimplified(text: string): string {
  // The Taiwan preset first folds Taiwan variants (裡, 著…) and then converts, which also covers
  // standard and most Hong Kong traditional text.
  twToCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return twToCn(text);
}
