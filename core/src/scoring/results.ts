import { add, fraction, fromNumber, over, times, toDecimal, units, UNIT, type Fraction } from './exact.ts';
import { scoringSettingsSchema, type Dimension, type Review, type ScoringSettings, type ScoringSettingsInput } from './scoring.schema.ts';

/** Why a review was left out of the results. */
export type ExclusionReason = 'incomplete' | 'out_of_range' | 'unknown_group' | 'duplicate';

export interface GroupFigure {
  groupId: string;
  /** Mean or median of the group's rater sums; null when the group has no counted review. */
  figure: number | null;
  reviewCount: number;
  weight: number;
  /** The weight's share after normalising over the groups that have a figure (0 for the others). */
  share: number;
}

export interface EntryResult {
  entryId: string;
  /** Σ share × group figure; null when no group has a figure. */
  total: number | null;
  groups: GroupFigure[];
  /** Mean score of each independent dimension (shown, not counted); null when nobody scored it. */
  independent: Record<string, number | null>;
  /** Counted reviews (abstentions and excluded reviews are not counted). */
  reviewCount: number;
  abstentions: number;
  /** Highest minus lowest rater sum across all groups: a large spread asks for a second look. */
  spread: number | null;
  /** Population standard deviation of the rater sums. */
  standardDeviation: number | null;
  tooFewReviews: boolean;
  /** Groups with a positive weight but no figure for this entry, whose weight was spread over the rest. */
  missingGroups: string[];
  excluded: Array<{ raterId: string; reason: ExclusionReason }>;
}

/**
 * The most a rater can give: Σ weight × max score over the counted dimensions.
 *
 * @example
 * maxRaterSum([{ id: 'a', maxScore: 40, weight: 1, independent: false }, { id: 'b', maxScore: 60, weight: 1, independent: false }]) // 100
 */
export function maxRaterSum(dimensions: readonly Dimension[]): number {
  const sum = dimensions.filter((d) => !d.independent).reduce((acc, d) => acc + units(d.weight) * units(d.maxScore), 0n);
  return toDecimal(fraction(sum, UNIT * UNIT), 8);
}

/**
 * A rater's weighted dimension sum, Σ weight × score over the counted (not independent) dimensions,
 * or the reason the review cannot be counted: a counted dimension left blank, or any score outside
 * `[0, max]`.
 *
 * @example
 * raterSum(dims, { innovation: 30, effect: 50 }) // { ok: true, sum: 80 } with weights 1
 */
export function raterSum(
  dimensions: readonly Dimension[],
  scores: Readonly<Record<string, number>>,
): { ok: true; sum: number } | { ok: false; reason: 'incomplete' | 'out_of_range' } {
  const exact = exactRaterSum(dimensions, scores);
  return exact.ok ? { ok: true, sum: toDecimal(fraction(exact.sum, UNIT * UNIT), 8) } : exact;
}

/** {@link raterSum} in integer units of 1/10^8 (weight units × score units): no float noise. */
function exactRaterSum(
  dimensions: readonly Dimension[],
  scores: Readonly<Record<string, number>>,
): { ok: true; sum: bigint } | { ok: false; reason: 'incomplete' | 'out_of_range' } {
  let sum = 0n;
  for (const d of dimensions) {
    const score = scores[d.id];
    if (score === undefined) {
      if (d.independent) continue;
      return { ok: false, reason: 'incomplete' };
    }
    if (!Number.isFinite(score) || score < 0 || score > d.maxScore) return { ok: false, reason: 'out_of_range' };
    if (!d.independent) sum += units(d.weight) * units(score);
  }
  return { ok: true, sum };
}

/** Mean or median of rater sums (units of 1/10^8) as an exact fraction of the score scale. */
function exactAggregate(values: readonly bigint[], how: 'mean' | 'median'): Fraction | null {
  if (values.length === 0) return null;
  const scale = UNIT * UNIT;
  if (how === 'mean') return fraction(values.reduce((a, b) => a + b, 0n), scale * BigInt(values.length));
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as bigint;
  return sorted.length % 2 === 1 ? fraction(upper, scale) : fraction((sorted[mid - 1] as bigint) + upper, 2n * scale);
}

/**
 * Mean or median of a list; null for an empty list. The median of an even count is the mean of the
 * two middle values.
 *
 * @example
 * aggregate([70, 80, 99], 'median') // 80
 */
export function aggregate(values: readonly number[], how: 'mean' | 'median'): number | null {
  if (values.length === 0) return null;
  if (how === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** A group figure given from outside the reviews, e.g. the public vote turned into a score. */
export interface PresetFigure {
  entryId: string;
  groupId: string;
  figure: number;
}

/**
 * Results of every entry: each group's figure (mean or median of its raters' sums), the weighted
 * total, spread, review count and flags.
 *
 * The total is Σ weight × group figure ÷ Σ weight, **normalised over the groups that actually have
 * a figure for that entry**: when the public group has not voted on an entry, the other groups'
 * weights are scaled up rather than counting the missing group as 0 (which would sink the entry for
 * something it did not do). `missingGroups` says when that happened, so the table can show it.
 * Abstentions are counted apart and never enter a figure. A preset figure (from votes) replaces the
 * reviews of its group for that entry.
 *
 * @example
 * computeEntryResults(['p1', 'p2'], reviews, { groups, dimensions, aggregate: 'median', minReviews: 3 })
 */
export function computeEntryResults(
  entryIds: readonly string[],
  reviews: readonly Review[],
  settingsInput: ScoringSettingsInput,
  presetFigures: readonly PresetFigure[] = [],
): EntryResult[] {
  const settings = scoringSettingsSchema.parse(settingsInput);
  // Group once, so a competition of hundreds of entries and thousands of reviews stays linear.
  const reviewsByEntry = groupBy(reviews, (r) => r.entryId);
  const presetsByEntry = groupBy(presetFigures, (p) => p.entryId);
  return entryIds.map((entryId) => entryResult(entryId, reviewsByEntry.get(entryId) ?? [], settings, presetsByEntry.get(entryId) ?? []));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function entryResult(entryId: string, reviews: readonly Review[], settings: ScoringSettings, presets: readonly PresetFigure[]): EntryResult {
  const groupIds = new Set(settings.groups.map((g) => g.id));
  // Rater sums in integer units of 1/10^8: means and totals are exact fractions until shown.
  const sumsByGroup = new Map<string, bigint[]>();
  const excluded: EntryResult['excluded'] = [];
  const seenRaters = new Set<string>();
  const independentScores = new Map<string, bigint[]>();
  let abstentions = 0;

  for (const review of reviews) {
    if (seenRaters.has(review.raterId)) {
      // One review per rater per entry; a second one is a data error, not a second vote.
      excluded.push({ raterId: review.raterId, reason: 'duplicate' });
      continue;
    }
    seenRaters.add(review.raterId);
    if (review.abstained) {
      abstentions++;
      continue;
    }
    if (!groupIds.has(review.groupId)) {
      excluded.push({ raterId: review.raterId, reason: 'unknown_group' });
      continue;
    }
    const result = exactRaterSum(settings.dimensions, review.scores);
    if (!result.ok) {
      excluded.push({ raterId: review.raterId, reason: result.reason });
      continue;
    }
    sumsByGroup.set(review.groupId, [...(sumsByGroup.get(review.groupId) ?? []), result.sum]);
    for (const d of settings.dimensions) {
      const score = review.scores[d.id];
      if (d.independent && score !== undefined) independentScores.set(d.id, [...(independentScores.get(d.id) ?? []), units(score) * UNIT]);
    }
  }

  const shown = (f: Fraction | null): number | null => (f === null ? null : toDecimal(f, settings.precision));
  const raw = settings.groups.map((g) => {
    const preset = presets.find((p) => p.groupId === g.id);
    const sums = sumsByGroup.get(g.id) ?? [];
    return {
      groupId: g.id,
      weight: g.weight,
      reviewCount: preset ? 0 : sums.length,
      exact: preset ? fromNumber(preset.figure) : exactAggregate(sums, settings.aggregate),
    };
  });
  const presentWeight = raw.reduce((sum, g) => sum + (g.exact === null ? 0 : g.weight), 0);
  const groups: GroupFigure[] = raw.map(({ exact, ...g }) => ({
    ...g,
    figure: shown(exact),
    share: exact === null || presentWeight === 0 ? 0 : g.weight / presentWeight,
  }));
  // Σ weight × figure ÷ Σ weight over the groups present, exactly; rounded once, when shown.
  let weighted = fraction(0n);
  let weights = 0n;
  for (const g of raw) {
    if (g.exact === null) continue;
    weighted = add(weighted, times(fraction(units(g.weight)), g.exact));
    weights += units(g.weight);
  }
  const total = weights === 0n ? null : shown(over(weighted, fraction(weights)));

  const allSums = [...sumsByGroup.values()].flat();
  const scale = UNIT * UNIT;
  const mean = exactAggregate(allSums, 'mean');
  const independent: Record<string, number | null> = {};
  for (const d of settings.dimensions) if (d.independent) independent[d.id] = shown(exactAggregate(independentScores.get(d.id) ?? [], 'mean'));
  const max = allSums.reduce((a, b) => (b > a ? b : a), allSums[0] ?? 0n);
  const min = allSums.reduce((a, b) => (b < a ? b : a), allSums[0] ?? 0n);
  // Population standard deviation: √(k·Σx² − (Σx)²) ÷ (k · scale), integers until the square root.
  const k = BigInt(allSums.length);
  const spreadSquared = k * allSums.reduce((acc, x) => acc + x * x, 0n) - allSums.reduce((acc, x) => acc + x, 0n) ** 2n;
  const standardDeviation = mean === null ? null : toDecimal(fromNumber(Math.sqrt(Number(spreadSquared)) / (allSums.length * Number(scale))), settings.precision);

  return {
    entryId,
    total,
    groups,
    independent,
    reviewCount: allSums.length,
    abstentions,
    spread: allSums.length === 0 ? null : toDecimal(fraction(max - min, scale), settings.precision),
    standardDeviation,
    tooFewReviews: allSums.length < settings.minReviews,
    missingGroups: raw.filter((g) => g.exact === null && g.weight > 0).map((g) => g.groupId),
    excluded,
  };
}

/**
 * Turn public vote counts into a group figure on the raters' scale: the most-voted entry gets
 * `fullScore`, the others in proportion. With no votes at all there is no figure (the group then
 * counts as missing for every entry rather than giving everyone 0).
 *
 * @example
 * voteFigures({ p1: 200, p2: 50 }, 'public', 100) // [{ entryId: 'p1', groupId: 'public', figure: 100 }, { …p2, figure: 25 }]
 */
export function voteFigures(counts: Readonly<Record<string, number>>, groupId: string, fullScore: number): PresetFigure[] {
  const max = Math.max(0, ...Object.values(counts));
  if (max === 0) return [];
  return Object.entries(counts).map(([entryId, votes]) => ({ entryId, groupId, figure: (fullScore * votes) / max }));
}
