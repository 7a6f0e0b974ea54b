import { locales, translate } from '@tongxin/core';

/*
 * Enum values in spreadsheets: exports write the 简体中文 label (as the import template does), and
 * imports read a label in any of the three languages, or the code itself.
 */

/**
 * The 简体中文 label of a code, e.g. `sheetLabel('venueTypes', 'chamber_home')` → `商会之家`.
 *
 * @example
 * sheetLabel('venueLevels', 'national') // "国家级"
 */
export function sheetLabel(section: string, code: string | null): string | null {
  return code === null ? null : translate('zh-CN', `${section}.${code}`);
}

/**
 * The code a cell names: a label in zh-CN, zh-TW or English (case-insensitive), or the code.
 *
 * @example
 * codeFromSheet('venueTypes', venueTypes, '商會之家') // "chamber_home"
 */
export function codeFromSheet<T extends string>(section: string, codes: readonly T[], cell: string): T | undefined {
  const text = cell.trim().toLowerCase();
  return codes.find(
    (code) => code.toLowerCase() === text || locales.some((locale) => translate(locale, `${section}.${code}`).toLowerCase() === text),
  );
}

/** The choices of a column for the template's note sheet: `商会之家、实践创新基地、…`. */
export function sheetChoices(section: string, codes: readonly string[]): string {
  return codes.map((code) => translate('zh-CN', `${section}.${code}`)).join('、');
}
