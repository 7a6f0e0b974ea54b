import { describe, expect, it } from 'vitest';
import { cjkBigrams, normaliseForSearch, pinyinKeys, searchTokens } from './search-keys.ts';

describe('normaliseForSearch', () => {
  it('gives 統戰 and 统战 the same form', () => {
    expect(normaliseForSearch('統戰')).toBe(normaliseForSearch('统战'));
    expect(normaliseForSearch('統戰')).toBe('统战');
  });

  it('turns full-width letters, digits and punctuation half-width and lower-cases', () => {
    expect(normaliseForSearch('ＡＢＣ１２３（完）')).toBe('abc123(完)');
  });

  it('folds runs of spaces, including ideographic ones', () => {
    expect(normaliseForSearch('  同心\u3000\u3000工作 \n')).toBe('同心 工作');
  });
});

describe('cjkBigrams', () => {
  it('gives overlapping bigrams and unigrams of a Chinese run', () => {
    const tokens = cjkBigrams('统战工作');
    expect(tokens).toEqual(expect.arrayContaining(['统战', '战工', '工作']));
    expect(tokens).toEqual(expect.arrayContaining(['统', '战', '工', '作']));
    expect(tokens).toHaveLength(7);
  });

  it('can leave unigrams out for queries', () => {
    expect(cjkBigrams('统战工作', { unigrams: false })).toEqual(['统战', '战工', '工作']);
  });

  it('keeps Latin words and numbers whole and does not pair across them', () => {
    expect(cjkBigrams('新e园 app 480.4亿', { unigrams: false })).toEqual(['新', 'e', '园', 'app', '480.4', '亿']);
  });

  it('does not pair characters across punctuation', () => {
    expect(cjkBigrams('统战,工作', { unigrams: false })).toEqual(['统战', '工作']);
  });

  it('matches a two-character word inside a longer text, which trigrams cannot', () => {
    const document = new Set(searchTokens('青浦區統戰工作責任制'));
    for (const token of searchTokens('统战', { unigrams: false })) expect(document.has(token)).toBe(true);
  });
});

describe('pinyinKeys', () => {
  it('gives full pinyin and initials for 同心', () => {
    const keys = pinyinKeys('同心');
    expect(keys.full).toBe('tongxin');
    expect(keys.initials).toBe('tx');
    expect(keys.keys).toEqual(expect.arrayContaining(['tongxin', 'tx']));
  });

  it('works on traditional script', () => {
    expect(pinyinKeys('統戰').full).toBe('tongzhan');
  });

  it('writes ü as v, and offers u as well', () => {
    const keys = pinyinKeys('绿色');
    expect(keys.full).toBe('lvse');
    expect(keys.keys).toContain('luse');
  });

  it('keeps Latin letters and digits, drops punctuation', () => {
    expect(pinyinKeys('幸福·新e园').full).toBe('xingfuxineyuan');
    expect(pinyinKeys('345模式').initials).toBe('345ms');
  });

  it('reads a surname as a surname when asked', () => {
    expect(pinyinKeys('单丽', { person: true }).full).toBe('shanli');
  });
});

describe('pinyinKeys with Latin words', () => {
  it('keeps a Latin word whole in the initials', () => {
    expect(pinyinKeys('CCTV新闻').initials).toBe('cctvxw');
  });
});
