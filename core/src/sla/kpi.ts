import { z } from 'zod';
import { toMs, type Instant } from '../calendar/shanghai-time.ts';
import type { Satisfaction } from './dispatch-states.ts';

/**
 * One request as the figures see it. `replyDueAt`/`repliedAt` come from the decisive reply round
 * (`decisiveReplyClock`), `satisfaction`/`solved` from the follow-up call; null where not yet known.
 */
export interface KpiRequest {
  id: string;
  /** Responsible (lead) unit after the last dispatch; null when never dispatched. */
  unitId: string | null;
  receivedAt: Instant;
  replyDueAt: Instant | null;
  repliedAt: Instant | null;
  satisfaction: Satisfaction | null;
  solved: boolean | null;
}

/** A half-open period `[from, to)` of the received time. */
export interface KpiPeriod {
  from: Instant;
  to: Instant;
}

export const kpiSettingsSchema = z.object({
  /** Weights of the combined score; normalised, so 30/35/35 and 0.3/0.35/0.35 mean the same. */
  weights: z
    .object({ response: z.number().min(0), solve: z.number().min(0), satisfaction: z.number().min(0) })
    .refine((w) => w.response + w.solve + w.satisfaction > 0, 'At least one weight must be positive'),
  /** How much a "basically satisfied" counts towards satisfaction: 1 = as satisfied, 0 = not at all. */
  basicallySatisfiedWeight: z.number().min(0).max(1),
  /** Decimals of the combined score as shown; units equal at this precision share a place. */
  precision: z.number().int().min(0).max(6),
});
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;

export const defaultKpiSettings: KpiSettings = {
  weights: { response: 0.3, solve: 0.35, satisfaction: 0.35 },
  basicallySatisfiedWeight: 1,
  precision: 2,
};

export interface RequestKpis {
  received: number;
  repliedOnTime: number;
  /** Replied in time ÷ received. Null when nothing was received (shown as "—", not 0 %). */
  responseRate: number | null;
  /** Follow-ups with a solved/unsolved verdict, and how many said solved. */
  assessed: number;
  solved: number;
  /** Solved ÷ assessed: a request not yet followed up is not counted as unsolved. */
  solveRate: number | null;
  followedUp: number;
  /** Satisfied + weight × basically satisfied (may be fractional). */
  satisfiedCount: number;
  /** `satisfiedCount` ÷ followed up. */
  satisfactionRate: number | null;
  /** Replied after the due time, or not replied and past it at `now`. */
  overdue: number;
  replied: number;
  /** Mean clock minutes from registration to reply, over replied requests. */
  averageHandlingMinutes: number | null;
  /**
   * 0–100: Σ weight × rate ÷ Σ weight over the rates that exist (a unit with no follow-ups yet is
   * scored on the others rather than given 0 for them). Null when no rate exists.
   */
  score: number | null;
  /** The requests behind each figure, for drill-down. */
  ids: { received: string[]; repliedOnTime: string[]; assessed: string[]; solved: string[]; followedUp: string[]; satisfied: string[]; overdue: string[] };
}

export interface UnitKpis extends RequestKpis {
  unitId: string;
  /** Place by score, shared when equal at the settings' precision (1, 2, 2, 4); null without a score. */
  rank: number | null;
}

/**
 * Figures for the requests received in `period`, overall and per unit with a ranking.
 * Overdue is judged at `options.now` (default: the end of the period); pass the real now for a
 * period that has not ended.
 *
 * @example
 * const { responseRate, units } = computeRequestKpis(rows, { from: '2026-10-01', to: '2026-11-01' }, { now: new Date() });
 */
export function computeRequestKpis(
  requests: readonly KpiRequest[],
  period: KpiPeriod,
  options: { settings?: Partial<KpiSettings>; now?: Instant } = {},
): RequestKpis & { units: UnitKpis[] } {
  const settings = kpiSettingsSchema.parse({ ...defaultKpiSettings, ...options.settings });
  const from = toMs(period.from);
  const to = toMs(period.to);
  const now = toMs(options.now ?? period.to);
  const inPeriod = requests.filter((r) => {
    const at = toMs(r.receivedAt);
    return at >= from && at < to;
  });

  const byUnit = new Map<string, KpiRequest[]>();
  for (const r of inPeriod) {
    if (r.unitId === null) continue;
    const list = byUnit.get(r.unitId) ?? [];
    list.push(r);
    byUnit.set(r.unitId, list);
  }
  const units = [...byUnit.entries()].map(([unitId, list]) => ({ unitId, rank: null, ...figures(list, now, settings) }));
  return { ...figures(inPeriod, now, settings), units: rankUnits(units, settings.precision) };
}

function figures(requests: readonly KpiRequest[], now: number, settings: KpiSettings): RequestKpis {
  const ids: RequestKpis['ids'] = { received: [], repliedOnTime: [], assessed: [], solved: [], followedUp: [], satisfied: [], overdue: [] };
  let satisfiedCount = 0;
  let handlingTotal = 0;
  let replied = 0;
  for (const r of requests) {
    ids.received.push(r.id);
    const due = r.replyDueAt === null ? null : toMs(r.replyDueAt);
    const repliedAt = r.repliedAt === null ? null : toMs(r.repliedAt);
    if (repliedAt !== null) {
      replied++;
      handlingTotal += (repliedAt - toMs(r.receivedAt)) / 60_000;
      // Without a due time there is no limit to miss.
      if (due === null || repliedAt <= due) ids.repliedOnTime.push(r.id);
    }
    if (due !== null && (repliedAt ?? now) > due) ids.overdue.push(r.id);
    if (r.solved !== null) {
      ids.assessed.push(r.id);
      if (r.solved) ids.solved.push(r.id);
    }
    if (r.satisfaction !== null) {
      ids.followedUp.push(r.id);
      const credit = r.satisfaction === 'satisfied' ? 1 : r.satisfaction === 'basically_satisfied' ? settings.basicallySatisfiedWeight : 0;
      if (credit > 0) ids.satisfied.push(r.id);
      satisfiedCount += credit;
    }
  }
  const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
  const responseRate = ratio(ids.repliedOnTime.length, ids.received.length);
  const solveRate = ratio(ids.solved.length, ids.assessed.length);
  const satisfactionRate = ratio(satisfiedCount, ids.followedUp.length);
  return {
    received: ids.received.length,
    repliedOnTime: ids.repliedOnTime.length,
    responseRate,
    assessed: ids.assessed.length,
    solved: ids.solved.length,
    solveRate,
    followedUp: ids.followedUp.length,
    satisfiedCount,
    satisfactionRate,
    overdue: ids.overdue.length,
    replied,
    averageHandlingMinutes: replied === 0 ? null : handlingTotal / replied,
    score: combinedScore({ response: responseRate, solve: solveRate, satisfaction: satisfactionRate }, settings.weights),
    ids,
  };
}

/**
 * Weighted score 0–100 of rates 0–1, normalising the weights over the rates that are not null.
 *
 * @example
 * combinedScore({ response: 0.8, solve: 0.6, satisfaction: 1 }, { response: 0.3, solve: 0.35, satisfaction: 0.35 }) // 80
 */
export function combinedScore(
  rates: { response: number | null; solve: number | null; satisfaction: number | null },
  weights: KpiSettings['weights'],
): number | null {
  let sum = 0;
  let weightSum = 0;
  for (const key of ['response', 'solve', 'satisfaction'] as const) {
    const rate = rates[key];
    if (rate === null || weights[key] === 0) continue;
    sum += weights[key] * rate;
    weightSum += weights[key];
  }
  return weightSum === 0 ? null : (100 * sum) / weightSum;
}

/**
 * Order units by score (highest first) and give places, shared when the scores are equal at the
 * shown precision (two units both shown as 87.50 share a place even if the hidden digits differ).
 * Tied units are listed by id; units without a score come last with a null rank.
 *
 * @example
 * rankUnits([{ unitId: 'a', score: 90 }, { unitId: 'b', score: 90 }, { unitId: 'c', score: 80 }], 2).map((u) => u.rank) // [1, 1, 3]
 */
export function rankUnits<T extends { unitId: string; score: number | null }>(units: readonly T[], precision = 2): Array<T & { rank: number | null }> {
  const shown = (score: number): number => Number(score.toFixed(precision));
  const sorted = [...units].sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === b.score ? a.unitId.localeCompare(b.unitId) : a.score === null ? 1 : -1;
    return shown(b.score) - shown(a.score) || a.unitId.localeCompare(b.unitId);
  });
  let previous: number | null = null;
  let rank = 0;
  return sorted.map((unit, index) => {
    if (unit.score === null) return { ...unit, rank: null };
    const value = shown(unit.score);
    if (previous === null || value !== previous) rank = index + 1;
    previous = value;
    return { ...unit, rank };
  });
}
