import { z } from 'zod';
import { activityKinds } from './activities.ts';
import { divisionLevels } from './divisions.ts';
import { organisationTypes, ymdDateSchema } from './organisations.ts';
import { pageQuerySchema } from './paging.ts';

/**
 * Coverage rules (覆盖率规则, issue 16): "every <level> in <scope> has at least N <records of a
 * kind> matching <filter> by <date>". The kinds are a closed set, each with at most one typed
 * filter, so no user ever writes a query:
 * - `liaison_officers`: signed-up liaison officers (联络员) attached to the unit or below (stock);
 * - `organisations`: live organisations of a type, counted from their founding date (stock);
 * - `activities`: activities, optionally of one kind, held from the rule's start (flow);
 * - `assessments`: base assessments finalised from the rule's start (flow).
 */
export const coverageKinds = ['liaison_officers', 'organisations', 'activities', 'assessments'] as const;
export type CoverageKind = (typeof coverageKinds)[number];

/** Stocks count everything that exists on the day; flows count what happened since the rule's start. */
export const coverageFlowKinds: readonly CoverageKind[] = ['activities', 'assessments'];

/** Units are divisions below the rule's own level: towns of a district, villages of a town. */
export const coverageUnitLevels = divisionLevels.filter((level) => level !== 'province');

const id = z.number().int().positive();

export const coverageRuleCreateSchema = z
  .strictObject({
    divisionId: id,
    title: z.string().trim().min(1).max(120),
    unitLevel: z.enum(coverageUnitLevels),
    kind: z.enum(coverageKinds),
    /** An organisation type for `organisations` (required), an activity kind for `activities` (optional). */
    filterValue: z.string().trim().min(1).max(40).nullable().optional(),
    minCount: z.number().int().min(1).max(10_000),
    periodStart: ymdDateSchema,
    deadline: ymdDateSchema,
    notifyDays: z.number().int().min(0).max(365).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.deadline < value.periodStart) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'validation.end_before_start' });
    const filter = value.filterValue ?? null;
    if (value.kind === 'organisations' && !(organisationTypes as readonly string[]).includes(filter ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['filterValue'], message: 'validation.invalid_value' });
    }
    if (value.kind === 'activities' && filter !== null && !(activityKinds as readonly string[]).includes(filter)) {
      ctx.addIssue({ code: 'custom', path: ['filterValue'], message: 'validation.invalid_value' });
    }
    if ((value.kind === 'liaison_officers' || value.kind === 'assessments') && filter !== null) {
      ctx.addIssue({ code: 'custom', path: ['filterValue'], message: 'validation.invalid_value' });
    }
  });
export type CoverageRuleCreate = z.infer<typeof coverageRuleCreateSchema>;

export const coverageRuleListQuerySchema = pageQuerySchema.extend({ divisionId: z.coerce.number().int().positive().optional() });
export type CoverageRuleListQuery = z.infer<typeof coverageRuleListQuerySchema>;

const figureSchema = z.object({ covered: z.number().int(), units: z.number().int(), ratio: z.number() });

export const coverageRuleSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  divisionName: z.string(),
  title: z.string(),
  unitLevel: z.enum(coverageUnitLevels),
  kind: z.enum(coverageKinds),
  filterValue: z.string().nullable(),
  minCount: z.number().int(),
  periodStart: z.string(),
  deadline: z.string(),
  notifyDays: z.number().int(),
  today: z.string(),
  daysLeft: z.number().int(),
  /** Behind (ratio < 1) with no more than `notifyDays` left before the deadline. */
  behindNearDeadline: z.boolean(),
  figure: figureSchema,
  /** The ratio at each month end from the start to today (or the deadline), from record dates. */
  trend: z.array(figureSchema.extend({ month: z.string(), asOf: z.string() })),
  version: z.number().int(),
});
export type CoverageRule = z.infer<typeof coverageRuleSchema>;

export const coverageMissingSchema = z.object({ id: z.number().int(), name: z.string(), path: z.string(), count: z.number().int() });
export type CoverageMissing = z.infer<typeof coverageMissingSchema>;

/** A unit a rule covers: a division of the unit level in the rule's subtree. */
export interface CoverageUnit {
  id: number;
  name: string;
  path: string;
}

/** Records of the rule's kind per division and day (`YYYY-MM-DD`), as counted by the database. */
export interface CoverageCount {
  divisionPath: string;
  day: string;
  n: number;
}

/** `0.75` from 3 of 4; no units is full coverage (nothing is missing). */
export function coverageRatio(covered: number, units: number): number {
  return units === 0 ? 1 : Math.round((covered / units) * 10_000) / 10_000;
}

/**
 * How many records each unit has on `asOf`: stocks count every record dated up to that day,
 * flows those from `from` on. A record in a village counts for its town (paths nest).
 *
 * @example
 * countsByUnit([{ id: 5, name: '华新镇', path: '/1/2/5/' }], [{ divisionPath: '/1/2/5/9/', day: '2026-03-01', n: 2 }], '0000-01-01', '2026-12-31')
 * // Map { 5 => 2 }
 */
export function countsByUnit(units: readonly CoverageUnit[], counts: readonly CoverageCount[], from: string, asOf: string): Map<number, number> {
  const byUnit = new Map(units.map((unit) => [unit.id, 0]));
  const unitOfPath = new Map(units.map((unit) => [unit.path, unit.id]));
  for (const count of counts) {
    if (count.day < from || count.day > asOf) continue;
    const unitId = unitOf(count.divisionPath, unitOfPath);
    if (unitId !== undefined) byUnit.set(unitId, byUnit.get(unitId)! + count.n);
  }
  return byUnit;
}

/** The unit whose path is a prefix of `path` (`/1/2/5/` for `/1/2/5/9/`). */
function unitOf(path: string, unitOfPath: Map<string, number>): number | undefined {
  for (let end = path.indexOf('/', 1); end !== -1; end = path.indexOf('/', end + 1)) {
    const found = unitOfPath.get(path.slice(0, end + 1));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Covered units (count ≥ min) and the ratio on one day. */
export function coverageOn(units: readonly CoverageUnit[], counts: readonly CoverageCount[], rule: { minCount: number; from: string }, asOf: string) {
  const byUnit = countsByUnit(units, counts, rule.from, asOf);
  const covered = [...byUnit.values()].filter((n) => n >= rule.minCount).length;
  return { covered, units: units.length, ratio: coverageRatio(covered, units.length), byUnit };
}

/** Last day of `YYYY-MM`. */
function monthEnd(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

/**
 * The month ends from the month of `start` to the month of `end`, the last one capped at `end`.
 *
 * @example
 * monthEnds('2026-01-15', '2026-03-10') // ['2026-01-31', '2026-02-28', '2026-03-10']
 */
export function monthEnds(start: string, end: string): string[] {
  const days: string[] = [];
  let [year, month] = start.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > end.slice(0, 7)) break;
    days.push(monthEnd(key) < end ? monthEnd(key) : end);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return days;
}

/**
 * A rule's figure today, its trend at month ends (start → min(today, deadline)) and the units still
 * missing (fewest records first, then by name), all from one set of counts.
 */
export function evaluateCoverage(
  units: readonly CoverageUnit[],
  counts: readonly CoverageCount[],
  rule: { kind: CoverageKind; minCount: number; periodStart: string; deadline: string },
  today: string,
) {
  const from = coverageFlowKinds.includes(rule.kind) ? rule.periodStart : '0000-01-01';
  const asOf = today < rule.deadline ? today : rule.deadline;
  const now = coverageOn(units, counts, { minCount: rule.minCount, from }, asOf);
  const trend = today < rule.periodStart ? [] : monthEnds(rule.periodStart, asOf).map((day) => {
    const { covered, units: total, ratio } = coverageOn(units, counts, { minCount: rule.minCount, from }, day);
    return { month: day.slice(0, 7), asOf: day, covered, units: total, ratio };
  });
  const missing = units
    .map((unit) => ({ ...unit, count: now.byUnit.get(unit.id) ?? 0 }))
    .filter((unit) => unit.count < rule.minCount)
    .sort((a, b) => a.count - b.count || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
  return { figure: { covered: now.covered, units: now.units, ratio: now.ratio }, trend, missing };
}
