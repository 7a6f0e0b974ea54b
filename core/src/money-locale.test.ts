import { describe, expect, it } from 'vitest';
import { formatFen } from './money.ts';

describe('formatFen per language', () => {
  it('writes English units on English pages', () => {
    expect(formatFen(34_600_000, { locale: 'en' })).toBe('34.6 × 10k yuan');
    expect(formatFen(4_804_000_000_000, { locale: 'en' })).toBe('480.4 × 100m yuan');
    expect(formatFen(123_456, { locale: 'en' })).toBe('1,234.56 yuan');
    expect(formatFen(50_000, { locale: 'en-US' })).toBe('500 yuan');
  });
  it('writes traditional characters for zh-TW and keeps simplified as the default', () => {
    expect(formatFen(34_600_000, { locale: 'zh-TW' })).toBe('34.6萬元');
    expect(formatFen(4_804_000_000_000, { locale: 'zh-TW' })).toBe('480.4億元');
    expect(formatFen(34_600_000, { locale: 'zh-CN' })).toBe('34.6万元');
    expect(formatFen(34_600_000)).toBe('34.6万元');
  });
  it('leaves the unit off in every language when the column header carries it', () => {
    expect(formatFen(34_600_000, { locale: 'en', unit: 'wan', suffix: false })).toBe('34.6');
  });
});
