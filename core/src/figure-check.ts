import type { Figure } from './articles/figures.ts';

/**
 * Figure check before publishing (issue 16): a figure extracted from a briefing or an article is
 * compared with the live figure from records, within the text's own rounding:
 * - "30余次", "超过30", "30多", "30+": at least 30 and below the next step of the last written digit (30–39);
 * - "近百", "近80": at most the value and not more than 10 % below it;
 * - "约80", "80来": within 10 % either way;
 * - a plain "154家" or "480.4亿元": equal to the precision written (±0.05亿 for 480.4亿).
 */
export type FigureTolerance = 'at_least' | 'nearly' | 'about' | 'exact';

/** Live figures the records can answer, by key. */
export const liveFigureKeys = ['activities', 'member_organisations', 'member_people', 'money_received', 'organisations'] as const;
export type LiveFigureKey = (typeof liveFigureKeys)[number];

export function toleranceOf(figure: Pick<Figure, 'raw' | 'approx'>): FigureTolerance {
  if (!figure.approx) return 'exact';
  if (/近/u.test(figure.raw)) return 'nearly';
  if (/[余多超逾+]/u.test(figure.raw)) return 'at_least';
  return 'about';
}

/** The place value of the last significant digit written: 30 → 10, 150 → 10, 480.4 → 0.1, 7 → 1. */
function lastDigitStep(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  if (dot !== -1) return 10 ** -(text.length - dot - 1);
  const zeros = text.length - text.replace(/0+$/u, '').length;
  return 10 ** Math.min(zeros, text.length - 1);
}

/**
 * The range of live values the written figure allows, in the figure's base unit.
 *
 * @example
 * allowedRange({ value: 30, normalised: 30, raw: '30余次', approx: true }) // { low: 30, high: 39, tolerance: 'at_least' }
 */
export function allowedRange(figure: Pick<Figure, 'value' | 'normalised' | 'raw' | 'approx'>) {
  const scale = figure.value === 0 ? 1 : figure.normalised / figure.value;
  const tolerance = toleranceOf(figure);
  const v = figure.normalised;
  const step = lastDigitStep(figure.value) * scale;
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  switch (tolerance) {
    case 'at_least':
      // 30余 is 30 to 39: everything below the next step of the last written digit.
      return { low: v, high: round(v + step - (Number.isInteger(step) ? 1 : 0)), tolerance };
    case 'nearly':
      return { low: round(v * 0.9), high: v, tolerance };
    case 'about':
      return { low: round(v * 0.9), high: round(v * 1.1), tolerance };
    case 'exact':
      // 480.4亿 stands for 480.35亿 to 480.45亿; a whole number is exact.
      return Number.isInteger(figure.value) ? { low: v, high: v, tolerance } : { low: round(v - step / 2), high: round(v + step / 2), tolerance };
  }
}

/**
 * Which live figure a written one speaks of, from its label and unit, or null when records cannot
 * answer it (a percentage, an area, a date…).
 *
 * @example
 * liveKeyOf({ label: '活动', baseUnit: '场' }) // 'activities'
 */
export function liveKeyOf(figure: Pick<Figure, 'label' | 'baseUnit'>): LiveFigureKey | null {
  const { label, baseUnit } = figure;
  if (baseUnit === '元') return /到账|捐|募|善款|帮扶资金/u.test(label) ? 'money_received' : null;
  if (/活动|培训|座谈|走访|慰问|讲座|宣讲/u.test(label) && /^(场|次|期|场次|)$/u.test(baseUnit)) return 'activities';
  // Member firms and member people are counted apart (never added up: "会员552个" was that bug).
  if (/会员/u.test(label) && /^(家|个)$/u.test(baseUnit)) return 'member_organisations';
  if (/会员/u.test(label) && /^(名|人|位)$/u.test(baseUnit)) return 'member_people';
  if (/组织|商会|协会|社团|企业/u.test(label) && /^(家|个|所|)$/u.test(baseUnit)) return 'organisations';
  return null;
}

export interface FigureCheck {
  raw: string;
  label: string;
  key: LiveFigureKey;
  written: number;
  live: number;
  low: number;
  high: number;
  tolerance: FigureTolerance;
  /** The live figure lies outside what the text's own rounding allows. */
  differs: boolean;
}

/**
 * Each written figure the records can answer, with its live value and whether it differs beyond
 * the text's rounding. Figures no live key answers are left out (nothing to check them against).
 *
 * @example
 * checkFigures(extractFigures('全年开展活动30余次'), { activities: 0 })
 * // [{ raw: '30余次', key: 'activities', live: 0, low: 30, high: 39, differs: true, … }]
 */
export function checkFigures(figures: readonly Figure[], live: Partial<Record<LiveFigureKey, number>>): FigureCheck[] {
  return figures.flatMap((figure) => {
    const key = liveKeyOf(figure);
    const value = key === null ? undefined : live[key];
    if (key === null || value === undefined) return [];
    const { low, high, tolerance } = allowedRange(figure);
    return [{ raw: figure.raw, label: figure.label, key, written: figure.normalised, live: value, low, high, tolerance, differs: value < low || value > high }];
  });
}
