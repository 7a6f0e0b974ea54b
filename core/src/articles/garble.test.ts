import { describe, expect, it } from 'vitest';
import { readSample, samplesAvailable } from '../testing/samples.ts';
import { cleanArticle } from './clean.ts';
import { repairGarbles } from './garble.ts';

/** The known garble, made the way it happens: GBK bytes of the text after an annotation, lead byte lost. */
function garble(text: string): string {
  const bytes: number[] = [];
  const decoder = new TextDecoder('gbk');
  // Encode through the decoder's own table: find each character's two bytes by search.
  for (const char of text) {
    let found: number[] | null = null;
    for (let lead = 0x81; lead <= 0xfe && !found; lead++) {
      for (let trail = 0x40; trail <= 0xfe && !found; trail++) {
        if (decoder.decode(new Uint8Array([lead, trail])) === char) found = [lead, trail];
      }
    }
    if (!found) throw new Error(`not in GBK: ${char}`);
    bytes.push(...found);
  }
  const shifted = new TextDecoder('gbk').decode(new Uint8Array(bytes.slice(1)));
  // Scrapers fold full-width marks to ASCII, as the samples show.
  return `?${shifted.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))}`;
}

describe('repairGarbles', () => {
  it.each([
    ['。“一館', '事業', '”即全省'],
    ['，區', '幫扶', '委統戰部'],
    ['，並', '他說', '且如此'],
    ['。活動館', '事情', '結束了'],
  ])('undoes the byte shift that turned %s into ? and random characters', (original, before, after) => {
    const garbled = garble(original);
    expect(garbled).not.toBe(`?${original.slice(1)}`);
    const { text, garbles } = repairGarbles(`${before}${garbled}${after}`);
    expect(text).toBe(`${before}${original}${after}`);
    expect(garbles).toEqual([{ text: garbled, repair: original }]);
  });

  it('flags garbling that does not follow the known pattern and leaves it as it is', () => {
    const line = '新階層不斷地發展?fàn)畲?。';
    const { text, garbles } = repairGarbles(line);
    expect(text).toBe(line);
    expect(garbles.map((garble) => garble.repair)).toEqual([null, null]);
    expect(garbles.map((garble) => garble.text)).toEqual(['?fàn)', '?']);
  });

  it.each([
    ['the replacement character', '統戰工\ufffd作', '\ufffd'],
    ['a run of question marks', '版權所有????藏', '????'],
  ])('flags %s', (_what, line, text) => {
    expect(repairGarbles(line).garbles).toEqual([{ text, repair: null }]);
  });

  it.each(['怎么办?近日，某A级景区开放', '你好吗?我很好。', '会员企业154家。', 'What? No.', '统战(tǒng zhàn)工作'])('leaves ordinary text alone: %s', (line) => {
    expect(repairGarbles(line)).toEqual({ text: line, garbles: [] });
  });
});

describe('cleanArticle and garbling', () => {
  it('says which paragraph was garbled and what it stood for', () => {
    const cleaned = cleanArticle(`統(tǒng)戰(zhàn)工作綜述\n\n2022-08-03 來源：某報\n\n推動民族團結事業(yè)${garble('。“一館')}一站”即展覽館。\n\n第二段沒有問題。`);
    expect(cleaned.paragraphs[2]).toBe('推動民族團結事業。“一館一站”即展覽館。');
    expect(cleaned.garbled).toEqual([{ paragraph: 2, text: '?!耙火^', repair: '。“一館' }]);
  });

  it.skipIf(!samplesAvailable())('repairs one garble of the traditional sample and flags the other', () => {
    const cleaned = cleanArticle(readSample('article-anhui-traditional-annotated.txt'));
    expect(cleaned.garbled.map(({ text, repair }) => ({ text, repair }))).toEqual([
      { text: '?!耙火^', repair: '。“一館' },
      // 當地農 came out as 當?shù)剞r: the lost character is a Han one, so no mark fits: flagged only.
      { text: '?shù)', repair: null },
    ]);
    const [repaired, flagged] = cleaned.garbled;
    expect(cleaned.paragraphs[repaired!.paragraph]).toContain('推進民族團結事業。“一館”即全省唯一');
    expect(cleaned.paragraphs[flagged!.paragraph]).toContain('為當?shù)剞r副產品銷售');
  });
});
