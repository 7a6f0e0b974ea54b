/*
 * Filters a list applies from its address that its filter bar has no control for (a dashboard
 * drill-down brings a period or a unit): each must still be visible and clearable, or the user
 * sees a list shorter than expected with no way to tell why.
 */

/** One such filter: the URL parameters it reads and how to say it. */
export interface AppliedFilterDef {
  key: string;
  params: readonly string[];
  /** The text of the chip from the parameters' values (all present ones). */
  text: (values: Record<string, string | undefined>) => string;
}

export interface AppliedFilter {
  key: string;
  text: string;
  /** The parameters to remove when the chip is closed. */
  clear: Record<string, null>;
}

/**
 * The chips to show for the parameters present in `params`.
 *
 * @example appliedFilters(new URLSearchParams('from=2026-01-01'), [{ key: 'period', params: ['from', 'to'], text: (v) => `${v.from}–${v.to ?? ''}` }])
 * // [{ key: 'period', text: '2026-01-01–', clear: { from: null, to: null } }]
 */
export function appliedFilters(params: URLSearchParams, defs: readonly AppliedFilterDef[]): AppliedFilter[] {
  return defs.flatMap((def) => {
    const values = Object.fromEntries(def.params.map((p) => [p, params.get(p) ?? undefined]));
    if (def.params.every((p) => values[p] === undefined)) return [];
    return [{ key: def.key, text: def.text(values), clear: Object.fromEntries(def.params.map((p) => [p, null])) }];
  });
}

/** The day before a `YYYY-MM-DD` date: lists that take `to` as an exclusive bound show the last day included. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** "2026-01-01 – 2026-06-30", with an open end shown as "…". */
export function periodText(from: string | undefined, to: string | undefined): string {
  return `${from ?? '…'} – ${to ?? '…'}`;
}

/** Days from `from` to `to`, both included (`YYYY-MM-DD`). */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
