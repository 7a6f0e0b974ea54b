import { describe, expect, it } from 'vitest';
import { readSample, samplesAvailable } from '../testing/samples.ts';
import { cleanArticle } from './clean.ts';
import { extractFigures } from './figures.ts';

const read = (name: string) => cleanArticle(readSample(name)).text;
const first = (text: string) => extractFigures(text)[0];

describe('extractFigures on hand-written cases', () => {
  it('reads a count and what it counts', () => {
    expect(first('截至目前,商会拥有会员企业154家,')).toMatchObject({ value: 154, unit: '家', label: '会员企业', approx: false, raw: '154家' });
  });

  it('keeps the written magnitude and gives the value in the base unit', () => {
    expect(first('合同投资额总计480.4亿元')).toMatchObject({
      value: 480.4, unit: '亿元', normalised: 48_040_000_000, baseUnit: '元', label: '合同投资额',
    });
  });

  it('marks approximate figures', () => {
    expect(first('累计开展活动 60 余场,')).toMatchObject({ value: 60, unit: '场', label: '活动', approx: true, raw: '60 余场' });
    expect(first('招募志愿者200多名')).toMatchObject({ value: 200, unit: '名', approx: true });
    expect(first('奖金20万元+')).toMatchObject({ value: 20, normalised: 200_000, approx: true, raw: '20万元+' });
    expect(first('签约项目近80个')).toMatchObject({ value: 80, approx: true, raw: '近80个', label: '项目' });
    expect(first('参观者2万余人次')).toMatchObject({ value: 2, unit: '万人次', normalised: 20_000, baseUnit: '人次', approx: true });
  });

  it('reads thousands separators and plain amounts', () => {
    expect(first('发放贷款1,920万元')).toMatchObject({ value: 1920, normalised: 19_200_000, label: '贷款' });
    expect(first('累计发放贷款3000万元')).toMatchObject({ value: 3000, unit: '万元', normalised: 30_000_000, label: '贷款' });
  });

  it('reads Chinese numerals of two characters or more', () => {
    expect(first('建立十二个服务站')).toMatchObject({ value: 12, unit: '个', label: '服务站' });
    expect(first('出台十项制度')).toMatchObject({ value: 10, label: '制度' });
  });

  it('takes the noun after a measure word when one follows', () => {
    expect(first('建立信息共享、维稳处突4项机制,')).toMatchObject({ value: 4, label: '机制' });
    expect(first('为 40 个村居配备专职干事')).toMatchObject({ value: 40, label: '村居' });
  });

  it('reads traditional script, keeping the label as written', () => {
    expect(first('合同投資額總計480.4億元人民幣')).toMatchObject({ value: 480.4, unit: '亿元', label: '合同投資額', raw: '480.4億元人民幣' });
  });

  it('reads full-width digits', () => {
    expect(first('会员企业１５４家')).toMatchObject({ value: 154, label: '会员企业' });
  });

  it('reads percentages and bare magnitudes', () => {
    expect(first('销售产值增长了10%')).toMatchObject({ value: 10, unit: '%', label: '销售产值' });
    expect(first('将全市1.97万少数民族常住人口纳入')).toMatchObject({ value: 1.97, unit: '万', normalised: 19_700, label: '少数民族常住人口' });
  });

  it('does not give a figure the words that belong to the figure before it', () => {
    const figures = extractFigures('将全市1.97万少数民族常住人口和1.08万流动人口纳入4356个服务网格');
    expect(figures.map((figure) => figure.label)).toEqual(['少数民族常住人口', '流动人口', '服务网格']);
  });

  it.each([
    '2022年07月27日 11:04', '自2018年以来', '工作时间9:00-17:30', '“一馆一场一站”', '第一次会议', '万企兴万村',
    '“345”模式', '打造“千百十”产业格局', '推进“十三五”规划', 'Copyright 1999-2024',
  ])('finds no figure in %s', (text) => {
    expect(extractFigures(text)).toEqual([]);
  });

  it('gives offsets into the text', () => {
    const text = '商会拥有会员企业154家,理事企业34家';
    expect(extractFigures(text)).toHaveLength(2);
    for (const figure of extractFigures(text)) expect(text.slice(figure.index, figure.index + figure.raw.length)).toBe(figure.raw);
  });
});

describe.skipIf(!samplesAvailable())('extractFigures on the samples', () => {
  it('finds the figures of the simplified report', () => {
    const figures = extractFigures(read('article-qingpu-simplified.txt'));
    expect(figures.map((figure) => [figure.label, figure.value, figure.unit])).toEqual([
      ['会员企业', 154, '家'],
      ['理事企业', 34, '家'],
      ['国家级和市区级荣誉', 8, '项'],
      ['活动', 60, '场'],
      ['村居', 40, '个'],
    ]);
  });

  it('finds the amounts of the traditional report', () => {
    const figures = extractFigures(read('article-anhui-traditional-annotated.txt'));
    const byRaw = new Map(figures.map((figure) => [figure.raw, figure]));
    expect(byRaw.get('480.4億元人民幣')).toMatchObject({ normalised: 48_040_000_000, label: '合同投資額' });
    expect(byRaw.get('3000萬元')).toMatchObject({ normalised: 30_000_000, label: '貸款' });
    expect(byRaw.get('200余人')).toMatchObject({ value: 200, approx: true, label: '各類人才' });
    expect(byRaw.get('超過50萬元')).toMatchObject({ normalised: 500_000, approx: true, label: '集體經營性收入' });
    expect(figures.some((figure) => figure.unit === '年' || figure.value === 2022)).toBe(false);
  });
});
