/** Chinese numerals as running text writes counts: 十二, 两百, 三千五百, 一万二千, 十余. */

const digits: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const sectionUnits: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters a Chinese numeral may be made of. */
export const chineseNumeralChars = '〇零一二两兩三四五六七八九十百千万萬亿億';

/**
 * Parses a Chinese numeral; null when the characters do not form one (十三五, 一一, 万). Zeros
 * (零) may stand between digits, as in 一千零五.
 *
 * @example parseChineseNumber('十二') // 12
 * @example parseChineseNumber('三千五百') // 3500
 * @example parseChineseNumber('一万二千') // 12000
 * @example parseChineseNumber('十三五') // null
 */
export function parseChineseNumber(text: string): number | null {
  let total = 0; // completed 亿/万 sections
  let section = 0; // the current section below 万
  let digit: number | null = null; // a digit waiting for its unit
  let lastSmall = Infinity; // units inside a section must descend: 千 > 百 > 十
  let lastSection = Infinity;
  let seen = false;
  for (const char of text) {
    if (char in digits) {
      if (digit !== null && digit !== 0 && digits[char] !== 0) return null; // two digits in a row: 十三五, 一一
      digit = digits[char] ?? 0;
      seen = true;
    } else if (char in smallUnits) {
      const unit = smallUnits[char] ?? 1;
      if (unit >= lastSmall) return null;
      // 十 alone at the start means 一十; elsewhere a unit needs a digit before it.
      if (digit === null && !(unit === 10 && section === 0 && total === 0 && !seen)) return null;
      section += (digit ?? 1) * unit;
      digit = null;
      lastSmall = unit;
      seen = true;
    } else if (char in sectionUnits) {
      const unit = sectionUnits[char] ?? 1;
      if (!seen || unit === lastSection) return null;
      const current = section + (digit ?? 0);
      // 三亿五千万: a smaller section adds to the total; 一万亿: a larger one multiplies it.
      total = unit > lastSection || lastSection === Infinity ? (total + current) * unit : total + current * unit;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastSection = Math.min(lastSection, unit);
    } else {
      return null;
    }
  }
  if (!seen) return null;
  return total + section + (digit ?? 0);
}
