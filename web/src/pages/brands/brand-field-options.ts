import type { TFunction } from 'i18next';
import { brandFields } from '../../api/registry-enums.ts';

/** The matrix column (and filter value) of brands that stand for a place: 一街镇一品牌. */
export const placeField = 'none';

/** Fields of work, then "a place's brand" — for filters, where `none` is a value of its own. */
export function fieldFilterOptions(t: TFunction) {
  return [...brandFields, placeField].map((field) => ({ value: field, label: t(`brandFields.${field}`) }));
}
