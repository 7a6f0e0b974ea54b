import { chineseNumeralChars, parseChineseNumber } from '../text/chinese-numerals.ts';
import { toSimplified } from '../text/simplify.ts';

/** A number with a unit, and what it counts: 会员企业154家, 合同投资额总计480.4亿元. */
export interface Figure {
  /** The number as written: 480.4 for 480.4亿元. */
  value: number;
  /** The unit as written, magnitude included (simplified script): 亿元, 家, 万人次, %. */
  unit: string;
  /** The value in the base unit: 48_040_000_000 for 480.4亿元. */
  normalised: number;
  /** The unit without magnitude: 元; empty for a bare magnitude such as 1.97万. */
  baseUnit: string;
  /** The text matched, approximation words included: 60 余场, 近80个. */
  raw: string;
  /** What is counted, from the words just before the number or, after a measure word, just after it. */
  label: string;
  /** True for 余, 多, 来, 近, 约, 超过, 逾, +. */
  approx: boolean;
  /** Offset of `raw` in the text. */
  index: number;
}

const magnitudes: Record<string, number> = { 千: 1e3, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8, 十亿: 1e9, 百亿: 1e10, 千亿: 1e11, 万亿: 1e12 };
// Measure words come before the noun they count (4项机制), so their label may follow them.
const measureWords = '个 家 名 位 项 件 条 篇 所 座 户 支 批 种 类 处 套 台 辆 部 本 份 张 幅 株 棵 头 只 间 栋 幢 场 届 期 块 道 轮 组'.split(' ');
const otherUnits = [
  '元', '美元', '欧元', '港元', '港币', '日元', '人民币', '人次', '场次', '户次', '次', '人', '村', '个百分点', '百分点',
  '平方公里', '平方千米', '平方米', '平米', '公顷', '亩', '公里', '千米', '米', '公斤', '千克', '吨', '斤', '千瓦时', '千瓦', '度',
  '个月', '小时', '分钟', '天', '周', '年', '岁', '倍', '%', '‰',
];
const units = [...measureWords, ...otherUnits].sort((a, b) => b.length - a.length);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const figurePattern = new RegExp(
  `(?<number>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[${chineseNumeralChars}]+)` +
    `(?<gap>[ \\u00a0\\u3000]*)(?<approx1>余|多|来)?(?<magnitude>${Object.keys(magnitudes).sort((a, b) => b.length - a.length).join('|')})?` +
    `(?<approx2>余|多)?(?<unit>${units.map(escape).join('|')})?(?<currency>人民币)?(?<plus>\\+)?`,
  'gu',
);
const approxBefore = /(?:近|约|大约|将近|超过|超|逾|多达)$/u;

// Words after which the counted noun starts (verbs, prepositions, scope words), in simplified script.
const stopWords = [
  '拥有', '共有', '现有', '已有', '共计', '总计', '合计', '累计', '达到', '多达', '高达', '超过', '增长', '增加', '下降', '减少',
  '提高', '提升', '实现', '开展', '举办', '召开', '组织', '建立', '建设', '打造', '形成', '引进', '吸引', '成立', '设立', '增设',
  '发放', '提供', '征集', '组建', '发布', '签约', '签订', '谋划', '接待', '纳入', '帮助', '解决', '选聘', '培育', '获得', '吸纳',
  '配备', '带动', '覆盖', '完成', '投入', '新增', '落实', '举行', '参加', '参与', '走访', '慰问', '培训', '推出', '评选', '命名',
  '入选', '入围', '涉及', '包括', '其中', '分别', '先后', '同比', '环比', '全市', '全省', '全区', '全县', '全镇', '全国', '全年',
  '建成', '选聘', '聘请', '聘任', '收集', '办理', '办结', '吸收', '培养', '推荐', '结对', '帮扶', '签署', '达成', '挂牌', '入驻',
  '出席', '邀请', '拜访', '悬挂', '内设', '设有', '开设', '组成', '作为', '同时', '受益', '惠及', '作了', '全部', '均',
  '共建', '今年', '去年', '每年', '每月', '每季度', '目前', '截至', '以来', '有', '共', '达', '为', '是', '约', '近', '即', '将', '把',
  '对', '向', '给', '让', '在', '于', '从', '到', '至', '由', '了', '等', '的', '超', '逾', '获',
];
// Two-character words in which a one-character stop word is not a verb (国有, 作为…).
const compounds = new Set('人均 平均 均衡 均等 对象 国有 所有 公有 私有 具有 共产 公共 作为 因为 成为 认为 行为 现在 存在 发达 表达 到达 关于 对口 对外 等级 目的 真的 有限 有机 共享 共建 为民 结对 对接 针对 面对 相对 绝对 以及'.split(' '));
const conjunction = /[和与及或、]$/u;
const boundary = /[\s\p{P}\p{S}\d]/u;

/** Simplified, half-width shadow of `text` with the same offsets, for matching words in either script. */
function shadowOf(text: string): string {
  const simplified = toSimplified(text);
  const sameLength = simplified.length === text.length ? simplified : text.replace(/[^\ud800-\udfff]/g, (char) => {
    const converted = toSimplified(char);
    return converted.length === 1 ? converted : char;
  });
  return sameLength.replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Offsets just after each stop word in `text` that is not part of a compound like 国有. */
function lastStopEnd(text: string): number {
  let best = 0;
  for (const word of stopWords) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const inCompound = word.length === 1 && (compounds.has(text.slice(at - 1, at + 1)) || compounds.has(text.slice(at, at + 2)));
      if (!inCompound) best = Math.max(best, at + word.length);
    }
  }
  return best;
}

function stripLeadingStops(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of stopWords) {
      if (rest.startsWith(word) && !compounds.has(rest.slice(0, 2))) {
        rest = rest.slice(word.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** The noun phrase just before a number, after its verb: 商会拥有会员企业 → 会员企业. */
function labelBefore(shadow: string, original: string, numberStart: number, depth = 0): string {
  let end = numberStart;
  while (end > 0 && /[ \u00a0\u3000]/.test(shadow[end - 1] ?? '')) end--; // 活动 60 余场
  // A quoted name right before the number is what it counts: 征集“金点子”8条, 内设“统战之家”1处.
  const quoted = /[“"「『]([^“”"「」『』]{2,12})[”"」』]$/u.exec(shadow.slice(Math.max(0, end - 14), end));
  if (quoted) return original.slice(end - quoted[0].length + 1, end - 1);
  let start = end;
  while (start > 0 && !boundary.test(shadow[start - 1] ?? ' ')) start--;
  let window = shadow.slice(start, end);
  if (conjunction.test(window)) return ''; // 人口和1.08万…: the words before belong to the previous figure
  // Drop verbs between the noun and the number: 投资额总计480.4亿元, 产值增长了10%.
  for (let trailing = true; trailing; ) {
    trailing = false;
    for (const word of stopWords) {
      if (window.endsWith(word) && window.length > word.length) {
        window = window.slice(0, -word.length);
        trailing = true;
      }
    }
  }
  // 由30家增加到86家: what is left before the number is the unit of the number before it.
  if (start > 0 && /\d/.test(shadow[start - 1] ?? '') && units.includes(window)) return '';
  if (stopWords.includes(window) || window.length === 0) {
    // …建成商会服务站，共计 11 家: the noun counted stands at the end of the clause before.
    const comma = start - 1;
    if (depth === 0 && comma > 0 && /[，,、]/u.test(shadow[comma] ?? '') && !/[\d%]\p{Script=Han}?$/u.test(shadow.slice(Math.max(0, comma - 2), comma))) {
      return labelBefore(shadow, original, comma, 1);
    }
    return '';
  }
  const from = start + lastStopEnd(window);
  const to = start + window.length;
  if (to - from >= 2) return original.slice(Math.max(from, to - 10), to);
  // One character left after the verb (会员企业由成立时的30家 → 时): the last run of two or more
  // characters between verbs is the noun.
  const noun = nounRuns(window).at(-1);
  return noun ? original.slice(start + noun.from, start + noun.to) : original.slice(from, to);
}

/** Runs of a text between its stop words (compounds kept whole), two characters or longer. */
function nounRuns(text: string): Array<{ from: number; to: number }> {
  const stopped = new Array<boolean>(text.length).fill(false);
  for (const word of stopWords) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (word.length === 1 && (compounds.has(text.slice(at - 1, at + 1)) || compounds.has(text.slice(at, at + 2)))) continue;
      for (let k = at; k < at + word.length; k++) stopped[k] = true;
    }
  }
  const runs: Array<{ from: number; to: number }> = [];
  for (let k = 0; k < text.length; ) {
    if (stopped[k]) {
      k++;
      continue;
    }
    const from = k;
    while (k < text.length && !stopped[k]) k++;
    if (k - from >= 2) runs.push({ from, to: Math.min(k, from + 10) });
  }
  return runs;
}

/** The noun right after a unit: 4项机制 → 机制, 为40个村居配备 → 村居. */
function labelAfter(shadow: string, original: string, start: number): string {
  let end = start;
  while (end < shadow.length && end - start < 12 && !boundary.test(shadow[end] ?? ' ')) end++;
  const words = shadow.slice(start, end);
  const rest = stripLeadingStops(words);
  const offset = start + (words.length - rest.length);
  const firstStop = stopWords
    .map((word) => rest.indexOf(word, 1))
    .filter((at, i) => at > 0 && (stopWords[i]!.length > 1 || (!compounds.has(rest.slice(at - 1, at + 1)) && !compounds.has(rest.slice(at, at + 2)))));
  const conjunctionAt = rest.search(/[和与及或]/u);
  const length = Math.min(10, ...firstStop, conjunctionAt > 0 ? conjunctionAt : rest.length, rest.length);
  // 22个村（社区）: a short note in parentheses right after the noun belongs to it.
  const note = length === rest.length ? /^[(（][^()（）]{1,6}[)）]/u.exec(shadow.slice(offset + length)) : null;
  return original.slice(offset, offset + length + (note ? note[0].length : 0));
}

/**
 * The label of the figure before, when this one counts the same thing in the same sentence with the
 * same unit and no noun of its own: 会员企业由30家增加到86家, 共有会员企业120家，其中新增35家.
 */
function sameAsBefore(figures: Figure[], shadow: string, start: number, unit: string): string {
  const previous = figures.at(-1);
  if (!previous || previous.baseUnit !== unit || previous.label.length === 0) return '';
  const between = shadow.slice(previous.index + previous.raw.length, start);
  return between.length <= 12 && !/[。；;！？!?]/u.test(between) ? previous.label : '';
}

function scale(value: string, magnitude: number): number {
  // Via the decimal string, so 480.4亿 is exactly 48040000000 and not 48040000000.00001.
  return Number(`${value}e${Math.round(Math.log10(magnitude))}`);
}

/**
 * Finds numbers with units in a text and what they count, in either script.
 *
 * @example
 * extractFigures('商会拥有会员企业154家,合同投资额总计480.4亿元,累计开展活动 60 余场')
 * // [{ value: 154, unit: '家', label: '会员企业', approx: false, … },
 * //  { value: 480.4, unit: '亿元', normalised: 48040000000, baseUnit: '元', label: '合同投资额', … },
 * //  { value: 60, unit: '场', label: '活动', approx: true, … }]
 */
export function extractFigures(text: string): Figure[] {
  const shadow = shadowOf(text);
  const figures: Figure[] = [];
  for (const match of shadow.matchAll(figurePattern)) {
    const { number = '', approx1, magnitude, approx2, unit, plus } = match.groups ?? {};
    const index = match.index;
    const before = shadow[index - 1] ?? '';
    const after = shadow[index + match[0].length] ?? '';
    if (!unit && !magnitude) continue; // a bare number: a year, a code, a list item
    if (approx1 === '来' && !unit) continue;
    if (before === '第' || /[A-Za-z:/.#-]/.test(before) || /[A-Za-z:/]/.test(after)) continue; // ordinals, times, codes
    const chinese = /^\D/.test(number);
    // A lone Chinese digit or magnitude is too often a word (一站式, 万企兴万村); 十 and longer numerals count.
    if (chinese && number.length < 2 && number !== '十') continue;
    const value = chinese ? parseChineseNumber(number) : Number(number.replace(/,/g, ''));
    if (value === null || !Number.isFinite(value)) continue;
    if (unit === '年' && value >= 1000) continue; // 2018年 is a year, not a duration
    const valueText = chinese ? String(value) : number.replace(/,/g, '');
    const factor = magnitude ? (magnitudes[magnitude] ?? 1) : 1;
    const prefix = approxBefore.exec(shadow.slice(Math.max(0, index - 2), index))?.[0] ?? '';
    const rawStart = index - prefix.length;
    const rawEnd = index + match[0].length;
    // After a measure word or a bare magnitude the counted noun follows: 4项机制, 1.97万少数民族人口.
    const nounFollows = (!unit || measureWords.includes(unit)) && /\p{Script=Han}/u.test(after);
    const label = nounFollows && unit ? labelAfter(shadow, text, rawEnd) : '';
    figures.push({
      value,
      unit: `${magnitude ?? ''}${unit ?? ''}`,
      normalised: scale(valueText, factor),
      baseUnit: unit ?? '',
      raw: text.slice(rawStart, rawEnd).trim(),
      label: label || labelBefore(shadow, text, rawStart) || (nounFollows ? labelAfter(shadow, text, rawEnd) : '') || sameAsBefore(figures, shadow, rawStart, unit ?? ''),
      approx: Boolean(approx1 || approx2 || plus || prefix),
      index: rawStart,
    });
  }
  return figures;
}
