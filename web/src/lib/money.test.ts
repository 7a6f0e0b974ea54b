import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.ts';

describe('formatMoney', () => {
  it('follows the page language', () => {
    expect(formatMoney(1_920_000_000, {}, 'en')).toBe('1,920 × 10k yuan');
    expect(formatMoney(1_920_000_000, {}, 'zh-TW')).toBe('1,920萬元');
    expect(formatMoney(1_920_000_000, {}, 'zh-CN')).toBe('1,920万元');
    expect(formatMoney(99_900, { unit: 'yuan' }, 'en')).toBe('999 yuan');
  });
});
