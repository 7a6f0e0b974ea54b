import { formatFen } from '../money.ts';
import { translate } from '../locale.ts';
import type { Compared } from '../dashboard.ts';

/** One bar of a breakdown: an enum code (`chamber`, `national`, `visit`) and its count. */
export interface CountOf {
  key: string;
  count: number;
}

/*
 * Small pieces of report Chinese: dates, counts, rates and changes written the way the published
 * reports write them ("截至目前,商会拥有会员企业154家,其中理事企业34家").
 */

/** `4077` → `4,077` (the reports group thousands). */
export function count(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `2026-11-25` → `2026年11月25日`. */
export function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A period, without repeating the year when both ends share it: `2026年1月1日至11月25日`. */
export function chinesePeriod(from: string, to: string): string {
  if (from === to) return chineseDate(from);
  const end = from.slice(0, 4) === to.slice(0, 4) ? chineseDate(to).replace(/^\d+年/, '') : chineseDate(to);
  return `${chineseDate(from)}至${end}`;
}

/** A fraction as a percentage with one decimal: `0.4483` → `44.8%`. */
export function percent(fraction: number): string {
  return `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;
}

export function money(fen: number): string {
  return formatFen(fen);
}

/**
 * A breakdown as `其中商会3个、两新组织120个`: largest first, zero counts left out, labels from
 * the zh-CN locale group (`organisationTypes.chamber`) or the key itself when it is a name.
 */
export function breakdown(items: readonly CountOf[], unit: string, labelGroup?: string, labelSuffix = ''): string {
  const shown = items.filter((item) => item.count > 0).sort((a, b) => b.count - a.count);
  return shown.map((item) => `${label(item.key, labelGroup)}${labelSuffix}${count(item.count)}${unit}`).join('、');
}

export function label(key: string, group?: string): string {
  if (!group) return key;
  const text = translate('zh-CN', `${group}.${key}`);
  return text === `${group}.${key}` ? key : text;
}

function change(current: number, before: number, unit: string, against: string): string {
  const delta = current - before;
  if (delta === 0) return `与${against}持平`;
  const word = delta > 0 ? '增加' : '减少';
  const rate = before > 0 ? `（${delta > 0 ? '增长' : '下降'}${percent(Math.abs(delta) / before)}）` : '';
  return `比${against}${word}${count(Math.abs(delta))}${unit}${rate}`;
}

/**
 * `，比上期增加12场（增长23.5%），比去年同期减少3场（下降4.5%）`: the change against the period
 * just before and the same period a year earlier. Nothing when all three are zero (no news).
 */
export function comparison(figure: Compared, unit: string): string {
  if (figure.current === 0 && figure.previous === 0 && figure.lastYear === 0) return '';
  return `，${change(figure.current, figure.previous, unit, '上期')}，${change(figure.current, figure.lastYear, unit, '去年同期')}`;
}
