import type { EntryResult } from './results.ts';
import { scoringSettingsSchema, type AwardBand, type ScoringSettingsInput } from './scoring.schema.ts';

export interface RankedEntry extends EntryResult {
  /** Place, shared while still tied after every tie-break rule (1, 2, 2, 4); null without a total. */
  rank: number | null;
  /** Another entry has the same total at the shown precision, so a tie-break rule (or a shared place) applied. */
  tiedOnTotal: boolean;
  award: string | null;
}

/** One step of the tie rule, for the sentence under the results table. */
export type TieRuleStep = { by: 'total' } | { by: 'group'; groupId: string } | { by: 'review_count' } | { by: 'shared_place' };

/**
 * The stated tie rule of a competition: higher total; then the higher figure of each tie-break group
 * in order (e.g. experts); then more counted reviews (a figure resting on more raters is firmer);
 * if still equal the entries share a place (listed by entry id, which decides nothing).
 *
 * @example
 * tieRule({ ...settings, tieBreakGroupIds: ['experts'] })
 * // [{ by: 'total' }, { by: 'group', groupId: 'experts' }, { by: 'review_count' }, { by: 'shared_place' }]
 */
export function tieRule(settingsInput: ScoringSettingsInput): TieRuleStep[] {
  const settings = scoringSettingsSchema.parse(settingsInput);
  return [
    { by: 'total' },
    ...settings.tieBreakGroupIds.map((groupId): TieRuleStep => ({ by: 'group', groupId })),
    { by: 'review_count' },
    { by: 'shared_place' },
  ];
}

/**
 * Rank entries by the tie rule ({@link tieRule}) and hand out awards by rank band. Figures are
 * compared at the shown precision, so two totals both shown as 85.33 are a tie even if hidden digits
 * differ (otherwise floating-point noise would pick a winner). Entries without a total come last,
 * unranked. Every entry whose rank is inside a band gets its award, so a shared place on a band's
 * edge gives the award to all who share it; the committee adjusts that in the draft decision.
 *
 * @example
 * rankEntries(computeEntryResults(ids, reviews, settings), settings).map((e) => [e.entryId, e.rank, e.award])
 */
export function rankEntries(results: readonly EntryResult[], settingsInput: ScoringSettingsInput): RankedEntry[] {
  const settings = scoringSettingsSchema.parse(settingsInput);
  const round = (x: number | null): number => (x === null ? Number.NEGATIVE_INFINITY : Number(x.toFixed(settings.precision)));
  const keyOf = (r: EntryResult): number[] => [
    round(r.total),
    ...settings.tieBreakGroupIds.map((g) => round(r.groups.find((f) => f.groupId === g)?.figure ?? null)),
    r.reviewCount,
  ];
  const keyed = results.map((result) => ({ result, key: keyOf(result) }));
  const compareKeys = (a: number[], b: number[]): number => {
    for (let i = 0; i < a.length; i++) {
      const diff = (b[i] as number) - (a[i] as number);
      // -Infinity − -Infinity is NaN: two missing figures are equal.
      if (diff !== 0 && !Number.isNaN(diff)) return diff;
    }
    return 0;
  };
  keyed.sort((a, b) => {
    if (a.result.total === null || b.result.total === null) {
      if (a.result.total === b.result.total) return a.result.entryId.localeCompare(b.result.entryId);
      return a.result.total === null ? 1 : -1;
    }
    return compareKeys(a.key, b.key) || a.result.entryId.localeCompare(b.result.entryId);
  });

  const totalCounts = new Map<number, number>();
  for (const { result, key } of keyed) if (result.total !== null) totalCounts.set(key[0] as number, (totalCounts.get(key[0] as number) ?? 0) + 1);

  let rank = 0;
  let previous: number[] | null = null;
  const ranked = keyed.map(({ result, key }, index): RankedEntry => {
    if (result.total === null) return { ...result, rank: null, tiedOnTotal: false, award: null };
    if (previous === null || compareKeys(previous, key) !== 0) rank = index + 1;
    previous = key;
    return { ...result, rank, tiedOnTotal: (totalCounts.get(key[0] as number) ?? 0) > 1, award: null };
  });
  return assignAwards(ranked, settings.awards);
}

/**
 * Give each ranked entry the award whose band holds its rank (bands must not overlap; the settings
 * schema checks that).
 *
 * @example
 * assignAwards(ranked, [{ awardId: 'first', fromRank: 1, toRank: 1 }, { awardId: 'second', fromRank: 2, toRank: 3 }])
 */
export function assignAwards<T extends { rank: number | null }>(ranked: readonly T[], bands: readonly AwardBand[]): Array<T & { award: string | null }> {
  return ranked.map((entry) => {
    const rank = entry.rank;
    const band = rank === null ? undefined : bands.find((b) => rank >= b.fromRank && rank <= b.toRank);
    return { ...entry, award: band?.awardId ?? null };
  });
}
