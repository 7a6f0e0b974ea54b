import type { BreakdownRow, DashboardFigures, DashboardPeriod } from '@tongxin/core';
import { defaultKpiSettings, rankUnits, type KpiSettings } from '@tongxin/core/sla/index';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { rawReader, rollupReader, type FigureReader, type SumRow } from './figure-readers.ts';
import { assembleFigures, caseRates } from './figures.assemble.ts';
import { overdueProjects } from './figures.repo.ts';
import { STOCK_START } from './rollup-sources.ts';

/*
 * The dashboard computed one of two ways: `rollup` (what the API serves) or `raw` (a plain GROUP BY
 * over the raw tables, for tests and `npm run bench`). Both take the same input and give the same
 * shape, so they can be compared field by field.
 */

export type ComputeMode = 'rollup' | 'raw';

export interface ComputeInput {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The subtree roots counted together (one division, or every root for the whole tree). */
  anchors: number[];
  /** The divisions one level below, for the ranking and the breakdown. */
  children: Array<{ id: number; name: string; level: string; path: string }>;
  period: DashboardPeriod;
  /** Shanghai date for the figures that depend on now. */
  today: string;
  kpi?: KpiSettings;
}

function readerFor(db: Kysely<DB>, dialect: Dialect, mode: ComputeMode): FigureReader {
  return mode === 'rollup' ? rollupReader(db) : rawReader(db, dialect);
}

function perAnchor(rows: SumRow[], pick: (row: SumRow) => number = (row) => row.n): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) map.set(row.key, (map.get(row.key) ?? 0) + pick(row));
  return map;
}

function caseDimsOf(rows: SumRow[], anchor: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) if (row.key === anchor) map.set(row.dim, (map.get(row.dim) ?? 0) + row.n);
  return map;
}

/** Every figure of the dashboard for the anchors' subtrees, with the child divisions ranked on cases. */
export async function computeDashboard(input: ComputeInput, mode: ComputeMode): Promise<DashboardFigures> {
  const kpi = input.kpi ?? defaultKpiSettings;
  const read = readerFor(input.db, input.dialect, mode);
  const base = await assembleFigures({ db: input.db, read, fast: mode === 'rollup', anchors: input.anchors, period: input.period, today: input.today, kpi });
  const childIds = input.children.map((child) => child.id);
  const caseRows = await read({ anchors: childIds, metric: 'case', from: input.period.from, to: input.period.to, by: 'anchor' });
  const units = input.children
    .map((child) => ({ child, figures: caseRates(caseDimsOf(caseRows, String(child.id)), kpi) }))
    .filter((unit) => unit.figures.received > 0)
    .map((unit) => ({ unitId: `division:${unit.child.id}`, score: unit.figures.score, ...unit }));
  const ranking = rankUnits(units, kpi.precision).map((unit) => ({
    key: unit.unitId,
    type: 'division' as const,
    id: unit.child.id,
    name: unit.child.name,
    received: unit.figures.received,
    responseRate: unit.figures.responseRate,
    solveRate: unit.figures.solveRate,
    satisfactionRate: unit.figures.satisfactionRate,
    score: unit.figures.score,
    rank: unit.rank,
  }));
  return { ...base, cases: { ...base.cases, ranking } };
}

/** Headline figures of each child division. */
export async function computeBreakdown(input: ComputeInput, mode: ComputeMode): Promise<BreakdownRow[]> {
  const kpi = input.kpi ?? defaultKpiSettings;
  const read = readerFor(input.db, input.dialect, mode);
  const anchors = input.children.map((child) => child.id);
  const { from, to } = input.period;
  const stock = (metric: string) => read({ anchors, metric, from: '-', to: '-', by: 'anchor' });
  const flow = (metric: string) => read({ anchors, metric, from, to, by: 'anchor' });
  const [orgs, members, venues, projects, needs, activities, cases, receipts, signed, articles, overdue] = await Promise.all([
    read({ anchors, metric: 'org', from: STOCK_START, to, by: 'anchor' }),
    read({ anchors, metric: 'member', from: input.today, to: '9999-12-31', by: 'anchor' }),
    stock('venue_level'),
    stock('project'),
    stock('need'),
    flow('activity'),
    flow('case'),
    flow('receipt'),
    flow('lead_signed'),
    flow('article'),
    overdueProjects(input.db, anchors, input.today, mode === 'rollup'),
  ]);
  const count = (rows: SumRow[]) => perAnchor(rows);
  const money = (rows: SumRow[]) => perAnchor(rows, (row) => row.amount);
  const maps = {
    orgs: count(orgs),
    members: count(members),
    venues: count(venues),
    projects: count(projects),
    needs: count(needs),
    activities: count(activities),
    participants: money(activities),
    receivedFen: money(receipts),
    signed: count(signed),
    contractFen: money(signed),
    articles: count(articles),
  };
  return input.children.map((child) => {
    const key = String(child.id);
    const of = (map: Map<string, number>) => map.get(key) ?? 0;
    const rates = caseRates(caseDimsOf(cases, key), kpi);
    return {
      division: { id: child.id, name: child.name, level: child.level as BreakdownRow['division']['level'], path: child.path },
      organisations: of(maps.orgs),
      members: of(maps.members),
      venues: of(maps.venues),
      projects: of(maps.projects),
      overdueProjects: overdue.get(child.id) ?? 0,
      activities: of(maps.activities),
      participants: of(maps.participants),
      needs: of(maps.needs),
      casesReceived: rates.received,
      responseRate: rates.responseRate,
      solveRate: rates.solveRate,
      satisfactionRate: rates.satisfactionRate,
      receivedFen: of(maps.receivedFen),
      leadsSigned: of(maps.signed),
      contractFen: of(maps.contractFen),
      articles: of(maps.articles),
    };
  });
}
