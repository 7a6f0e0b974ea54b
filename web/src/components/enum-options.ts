import type { TFunction } from 'i18next';

/**
 * Select options for a code list: `enumOptions(t, 'organisationTypes', organisationTypes)` labels
 * each code with `organisationTypes.<code>` from the locale files.
 */
export function enumOptions<T extends string>(t: TFunction, prefix: string, list: readonly T[]): Array<{ value: T; label: string }> {
  return list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
