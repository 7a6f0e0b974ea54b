import { describe, expect, it } from 'vitest';
import { matchRanges, pinyinRanges, snippetAround } from './search.highlight.ts';
import { maskPhonesInText, normaliseMany, parseQuery, scopeTags, textTokens, titlePinyin, toSearchRow } from './search.tokens.ts';
import { normaliseForSearch } from '@tongxin/core/text/index';

describe('index tokens', () => {
  it('are CJK bigrams and unigrams, other words whole, split where SQLite would split them', () => {
    expect(textTokens('统战工作 3.5 a-b')).toEqual(['统', '统战', '战', '战工', '工', '工作', '作', '3', '5', 'a', 'b']);
  });

  it('a stored row: normalised text, deduplicated tokens, scope and kind tags, phones masked, people without body', () => {
    const row = toSearchRow({ kind: 'activity', recordId: 7, divisionId: 5, title: '統戰  座談', body: '联系 13812345678 统战' }, '/1/2/5/', 'now');
    expect(row).toMatchObject({ title: '統戰 座談', norm_title: '统战 座谈', body: '联系 138****5678 统战', scope_tags: 'kactivity d1 d2 d5' });
    // Every term starts with the kind's letter (a = activity), title terms also with t.
    expect(row.body_tokens.split(' ').filter((token) => token === 'a统战')).toHaveLength(1);
    expect(row.title_tokens.split(' ')).toEqual(['at统', 'at统战', 'at战', 'at座', 'at座谈', 'at谈']);
    expect(row.pinyin_keys.split(' ')).toContain('atongzhanzuotan');
    expect(row.body_tokens).not.toContain('13812345678');
    expect(scopeTags('person', '/3/')).toBe('kperson d3');
    expect(maskPhonesInText('电话：13900001111，座机 021-12345678')).toBe('电话：139****1111，座机 021-12345678');
  });

  it('batched normalisation gives what normaliseForSearch gives', () => {
    const texts = ['統戰 ＡＢＣ１２３', '  同心\n\n會  ', '', 'Ｆｕｌｌ　ｗｉｄｔｈ', '臺灣'];
    expect(normaliseMany(texts)).toEqual(texts.map((text) => normaliseForSearch(text)));
  });
});

describe('pinyin keys', () => {
  it('full pinyin and initials; people also by given name; names also from each later part', () => {
    expect(titlePinyin('同心会')).toEqual(['tongxinhui', 'txh']);
    expect(titlePinyin('王小明', 'person')).toEqual(['wangxiaoming', 'wxm', 'xiaoming', 'xm']);
    expect(titlePinyin('曾小绿', 'person')).toContain('zengxiaolv');
    expect(titlePinyin('曾小绿', 'person')).toContain('zengxiaolu');
    expect(titlePinyin('赵巷同心志愿服务队', 'name')).toEqual(expect.arrayContaining(['tongxinzhiyuanfuwudui', 'txzyfwd']));
    expect(titlePinyin('CCTV新闻')).toEqual(['cctvxinwen', 'cctvxw']);
    expect(titlePinyin('ABC')).toEqual([]);
  });
});

describe('queries', () => {
  it('are normalised like the index, split at spaces, read as bigrams; pure letters are pinyin too', () => {
    expect(parseQuery('統戰 工作')).toEqual({ words: ['统战', '工作'], terms: [['统战'], ['工作']], pinyin: null });
    expect(parseQuery('统战工作')).toMatchObject({ terms: [['统战', '战工', '工作']] });
    expect(parseQuery('会')).toMatchObject({ words: ['会'], terms: [['会']] });
    expect(parseQuery('Tong Xin')).toMatchObject({ words: ['tong', 'xin'], pinyin: 'tongxin' });
    expect(parseQuery('！？')).toMatchObject({ words: [], pinyin: null });
  });
});

describe('highlights', () => {
  it('mark the match in the text as written, whatever its script or width', () => {
    expect(matchRanges('奮力譜寫統戰工作新篇章', ['统战'])).toEqual([[4, 6]]);
    expect(matchRanges('ＡＢＣ公司', ['abc'])).toEqual([[0, 3]]);
    expect(matchRanges('统战统战', ['统战', '战统'])).toEqual([[0, 4]]);
    expect(matchRanges('𠀀统战', ['统战'])).toEqual([[2, 4]]);
  });

  it('mark the characters a pinyin query stands for', () => {
    expect(pinyinRanges('同心会', 'tx', false)).toEqual([[0, 2]]);
    expect(pinyinRanges('同心会', 'tongxinh', false)).toEqual([[0, 3]]);
    expect(pinyinRanges('王小明', 'xiaoming', true)).toEqual([[1, 3]]);
    expect(pinyinRanges('赵巷同心志愿服务队', 'tongxin', false)).toEqual([[2, 4]]);
  });

  it('a snippet is cut around the first match', () => {
    const body = `${'前'.repeat(100)}统战工作${'后'.repeat(200)}`;
    const found = snippetAround(body, body, ['统战'])!;
    expect(found.snippet.startsWith('…')).toBe(true);
    expect(found.snippet.endsWith('…')).toBe(true);
    expect(found.snippet.slice(...found.ranges[0]!)).toBe('统战');
    expect(snippetAround('没有', '没有', ['统战'])).toBeNull();
  });
});
