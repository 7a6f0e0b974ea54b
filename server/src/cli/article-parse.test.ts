import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleParseCommand } from './article-parse.ts';

// A hand-written page with pinyin copied through a wrong encoding (see core/src/articles/garble.ts).
const page = ['工作动态', '華新鎮統(tǒng)戰(zhàn)工作綜述', '2026-05-28 來源:青浦報', '推動民族團結事業(yè)?!耙火^一站”即展覽館。', '活動為當?shù)剞r(nóng)副產品銷售提供了支持。'].join('\n');

describe('tongxin article parse', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tongxin-parse-')), 'page.txt');
  writeFileSync(file, page);

  it('prints the title and the garbled places, repaired or to check', async () => {
    const lines = (await articleParseCommand(file, 'text')).split('\n');
    expect(lines[0]).toBe('title:      華新鎮統戰工作綜述');
    expect(lines).toContain('garbled:    2 (1 repaired)');
    expect(lines).toContain('  ¶3: ?!耙火^ → 。“一館');
    expect(lines).toContain('  ¶4: ?shù) (check against the original)');
  });

  it('gives the garbled places in JSON', async () => {
    const parsed = JSON.parse(await articleParseCommand(file, 'json')) as { garbled: unknown[]; paragraphs: string[] };
    expect(parsed.garbled).toEqual([
      { paragraph: 2, text: '?!耙火^', repair: '。“一館' },
      { paragraph: 3, text: '?shù)', repair: null },
    ]);
    expect(parsed.paragraphs[0]).toBe('華新鎮統戰工作綜述');
  });
});
