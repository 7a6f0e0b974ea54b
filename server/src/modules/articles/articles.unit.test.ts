import { describe, expect, it } from 'vitest';
import { bestDuplicate, contentHash, findMentions, jaccard, shingles } from './articles.analysis.ts';
import { decodeArticleFile, decodeText, docxText, zipEntry } from './articles.files.ts';
import { docx, zip } from './articles.test-files.ts';

describe('uploaded files', () => {
  it('text files in UTF-8 (with or without BOM), UTF-16 and GB18030 all read as the same text', () => {
    const text = '统战工作（市、区）';
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeText(Buffer.from([0xcd, 0xb3, 0xd5, 0xbd, 0xb9, 0xa4, 0xd7, 0xf7]))).toBe('统战工作');
  });

  it('a .docx gives its paragraphs, runs joined, deleted text and tab definitions left out', () => {
    expect(docxText(docx(['第一段落文字', '第二段']))).toBe('第一段落文字\n\n第二段');
    expect(zipEntry(zip({ 'a.txt': 'x' }), 'b.txt')).toBeNull();
    expect(docxText(Buffer.from('not a zip'))).toBeNull();
  });

  it('types are chosen by extension; others are refused', () => {
    expect(decodeArticleFile('a.HTM', Buffer.from('<p>x</p>'))).toEqual({ text: '<p>x</p>', format: 'html' });
    expect(decodeArticleFile('a.txt', Buffer.from('x'))).toEqual({ text: 'x', format: 'text' });
    expect(decodeArticleFile('a.pdf', Buffer.from('x'))).toBeNull();
  });
});

describe('duplicates', () => {
  const report = '华新镇商会之家正式启用。商会现有会员企业154家，其中理事企业34家，今年已开展活动60余场。';
  it('the fingerprint ignores script, width, spaces and punctuation', () => {
    expect(contentHash('華新鎮商會之家正式啟用，商會現有會員企業１５４家')).toBe(contentHash('华新镇商会之家正式启用 商会现有会员企业154家'));
    expect(contentHash('华新镇')).not.toBe(contentHash('赵巷镇'));
  });

  it('bigram Jaccard: a copy with another header is ≥ 0.8; another report is far below', () => {
    expect(jaccard(shingles(report), shingles(`来源：人民网 ${report}`))).toBeGreaterThanOrEqual(0.8);
    expect(jaccard(shingles(report), shingles('赵巷镇40个村居各有1名联络员，做到底数清、情况明。'))).toBeLessThan(0.2);
  });

  it('points at the original of a chain of copies', () => {
    const candidates = [{ id: 3, duplicate_of_id: 1, content_hash: 'x', clean_text: report }];
    expect(bestDuplicate(`${report}（完）`, 'y', candidates)).toMatchObject({ id: 1 });
    expect(bestDuplicate(report, 'x', candidates)).toEqual({ id: 1, similarity: 1 });
    expect(bestDuplicate('完全不同的另一篇报道内容', 'z', candidates)).toBeNull();
  });
});

describe('mentions', () => {
  it('names in either script; provinces, cities and districts also without their suffix', () => {
    const index = {
      divisions: [
        { id: 1, keys: ['安徽省', '安徽'] },
        { id: 2, keys: ['华新镇'] },
      ],
      organisations: [{ id: 9, key: '华新镇商会' }],
    };
    expect(findMentions(index, '安徽統戰工作；華新鎮商會')).toEqual({ divisionIds: [1, 2], organisationIds: [9] });
    expect(findMentions(index, '中华新闻')).toEqual({ divisionIds: [], organisationIds: [] });
  });
});
