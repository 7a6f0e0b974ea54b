import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './chinese-numerals.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['十', 10], ['十二', 12], ['二十', 20], ['二十七', 27], ['两百', 200], ['三千五百', 3500], ['一千零五', 1005],
    ['一万二千', 12000], ['二十万', 200000], ['三亿五千万', 350000000], ['一万亿', 1e12], ['四', 4],
  ] as const)('reads %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['十三五', '一一', '万', '千百十', '百千', '五五', '统一'])('rejects %s', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
