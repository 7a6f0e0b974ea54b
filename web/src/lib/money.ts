import { formatFen, type FormatMoneyOptions } from '@tongxin/core/money';
import i18n from 'i18next';

/**
 * Money on screen in the page's language: 34.6万元, 34.6萬元 or "34.6 × 10k yuan". One formatter
 * (core's formatFen, exact on integer fen) for every page; the language is read at render time,
 * and a language switch re-renders the page, so amounts follow the switch.
 *
 * @example formatMoney(34_600_000) // "34.6万元" on a zh-CN page
 */
export function formatMoney(fen: number | bigint, options: Omit<FormatMoneyOptions, 'locale'> = {}, locale: string = i18n.language): string {
  return formatFen(fen, { ...options, locale });
}
