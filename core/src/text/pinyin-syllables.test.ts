import { describe, expect, it } from 'vitest';
import { isPinyinSyllable, parsePinyinGroup } from './pinyin-syllables.ts';

describe('isPinyinSyllable', () => {
  it.each(['zhan', 'tong', 'lv', 'lü', 'nüe', 'xiong', 'er', 'a', 'zhuang'])('accepts %s', (syllable) => {
    expect(isPinyinSyllable(syllable)).toBe(true);
  });
  it.each(['fe', 'cafe', 'ok', 'bian1', 'x', 'zhiang', '2022'])('rejects %s', (text) => {
    expect(isPinyinSyllable(text)).toBe(false);
  });
});

describe('parsePinyinGroup', () => {
  it('reads tone marks', () => {
    expect(parsePinyinGroup('tǒng zhàn')).toEqual([{ syllable: 'tong', tone: 3 }, { syllable: 'zhan', tone: 4 }]);
  });

  it('reads tone numbers and the v/u: spellings of ü', () => {
    expect(parsePinyinGroup('lv3')).toEqual([{ syllable: 'lü', tone: 3 }]);
    expect(parsePinyinGroup('lu:4')).toEqual([{ syllable: 'lü', tone: 4 }]);
    expect(parsePinyinGroup('tong3zhan4')).toEqual([{ syllable: 'tong', tone: 3 }, { syllable: 'zhan', tone: 4 }]);
  });

  it('reads ü with tone marks', () => {
    for (const [written, tone] of [['lǖ', 1], ['lǘ', 2], ['lǚ', 3], ['lǜ', 4]] as const) {
      expect(parsePinyinGroup(written)).toEqual([{ syllable: 'lü', tone }]);
    }
  });

  it('segments run-together syllables with one mark each', () => {
    expect(parsePinyinGroup('tǒngzhàn')?.map((s) => s.syllable)).toEqual(['tong', 'zhan']);
    expect(parsePinyinGroup("xī'ān")?.map((s) => s.syllable)).toEqual(['xi', 'an']);
  });

  it('leaves unmarked syllables without a tone', () => {
    expect(parsePinyinGroup('ma')).toEqual([{ syllable: 'ma', tone: null }]);
  });

  it.each(['2022', '完', '记者 范宇斌', 'café', 'résumé x', '', 'a1b'])('rejects %j', (text) => {
    expect(parsePinyinGroup(text)).toBeNull();
  });
});
