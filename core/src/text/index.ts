export { toSimplified, toTraditional, detectScript, type TraditionalVariant } from './script.ts';
export { normaliseForSearch, cjkBigrams, searchTokens, pinyinKeys, type PinyinKeys } from './search-keys.ts';
export { isPinyinSyllable, parsePinyinGroup, type PinyinSyllable } from './pinyin-syllables.ts';
export { parseChineseNumber, chineseNumeralChars } from './chinese-numerals.ts';
