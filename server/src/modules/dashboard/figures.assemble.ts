import {
  activityKinds,
  comparisonPeriods,
  dayBefore,
  leadStages,
  mediaLevels,
  membershipRoles,
  organisationTypes,
  projectStatuses,
  venueLevels,
  type Compared,
  type ComparedRate,
  type DashboardFigures,
  type DashboardPeriod,
} from '@tongxin/core';
import { claimStates, combinedScore, type KpiSettings } from '@tongxin/core/sla/index';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { FigureReader, SumQuery, SumRow } from './figure-readers.ts';
import { STOCK_START } from './rollup-sources.ts';
import { campaignFigures, competitionFigures, overdueProjects, pairedCounts, programmesIn } from './figures.repo.ts';

/*
 * Builds the dashboard's figures from a reader (rollups or raw tables) and the direct queries.
 * The same code runs for both readers, so comparing the two outputs tests the rollups.
 */

export interface FigureInput {
  db: Kysely<DB>;
  read: FigureReader;
  /** Rollup mode: the closure for subtrees of small tables; raw mode: paths. */
  fast: boolean;
  anchors: number[];
  period: DashboardPeriod;
  today: string;
  kpi: KpiSettings;
}

const STOCK = { from: '-', to: '-' };
const FOREVER = '9999-12-31';

function sumBy(rows: SumRow[], pick: (row: SumRow) => number = (row) => row.n): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) map.set(row.dim, (map.get(row.dim) ?? 0) + pick(row));
  return map;
}

function counts<K extends string>(keys: readonly K[], map: Map<string, number>): Array<{ key: K; count: number }> {
  return keys.map((key) => ({ key, count: map.get(key) ?? 0 }));
}

const total = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** Case sums of one period: the dims of metric 'case'. */
export function caseRates(dims: Map<string, number>, kpi: KpiSettings) {
  const get = (dim: string) => dims.get(dim) ?? 0;
  const satisfiedCount = get('satisfied') + kpi.basicallySatisfiedWeight * get('basically_satisfied');
  const responseRate = rate(get('replied_on_time'), get('received'));
  const solveRate = rate(get('solved'), get('assessed'));
  const satisfactionRate = rate(satisfiedCount, get('followed_up'));
  return {
    received: get('received'),
    repliedOnTime: get('replied_on_time'),
    responseRate,
    assessed: get('assessed'),
    solved: get('solved'),
    solveRate,
    followedUp: get('followed_up'),
    satisfiedCount,
    satisfactionRate,
    score: combinedScore({ response: responseRate, solve: solveRate, satisfaction: satisfactionRate }, kpi.weights),
  };
}

type Triple = { current: SumRow[]; previous: SumRow[]; lastYear: SumRow[] };

/** The three periods of each flow figure, as queries for `read.many` (current, previous, last year). */
function comparedQueries(input: FigureInput, metric: string): SumQuery[] {
  const { previous, lastYear } = comparisonPeriods(input.period.from, input.period.to);
  return [input.period, previous, lastYear].map((p) => ({ anchors: input.anchors, metric, from: p.from, to: p.to, by: 'dim' as const }));
}

function triple(rows: Triple, pick: (row: SumRow) => number = (r) => r.n): Compared {
  const sum = (list: SumRow[]) => list.reduce((a, row) => a + pick(row), 0);
  return { current: sum(rows.current), previous: sum(rows.previous), lastYear: sum(rows.lastYear) };
}

function monthsOf(period: DashboardPeriod): string[] {
  const months: string[] = [];
  let [y, m] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

export async function assembleFigures(input: FigureInput): Promise<Omit<DashboardFigures, 'cases'> & { cases: Omit<DashboardFigures['cases'], 'ranking'> }> {
  const { anchors, read, today } = input;
  // Every rollup sum of the dashboard in one read (one statement on the rollups).
  const stock = (metric: string): SumQuery => ({ anchors, metric, ...STOCK, by: 'dim' });
  const flowMetrics = ['activity', 'case', 'receipt', 'pledge', 'lead_signed', 'talent', 'article'] as const;
  const answers = await read.many([
    // Organisations that existed at the period's end (founded by then, not yet archived).
    { anchors, metric: 'org', from: STOCK_START, to: input.period.to, by: 'dim' },
    { anchors, metric: 'member', from: today, to: FOREVER, by: 'dim' },
    stock('venue_level'),
    stock('venue_stars'),
    stock('project'),
    { anchors, metric: 'milestone_open', from: '0000-00-00', to: dayBefore(today), by: 'dim' },
    stock('need'),
    stock('lead_stage'),
    { anchors, metric: 'activity', from: input.period.from, to: input.period.to, by: 'month' },
    ...flowMetrics.flatMap((metric) => comparedQueries(input, metric)),
  ]);
  const [orgs, members, venueLevel, venueStars, projects, milestones, needs, leadStage, activityMonths] = answers as [SumRow[], SumRow[], SumRow[], SumRow[], SumRow[], SumRow[], SumRow[], SumRow[], SumRow[]];
  const triples = flowMetrics.map((_, i): Triple => ({ current: answers[9 + 3 * i]!, previous: answers[10 + 3 * i]!, lastYear: answers[11 + 3 * i]! }));
  const [activities, cases, receipts, pledges, signed, talents, articles] = triples as [Triple, Triple, Triple, Triple, Triple, Triple, Triple];

  const orgByType = sumBy(orgs);
  const memberRows = members.map((row) => {
    const [type, role, kind] = row.dim.split('|') as [string, string, string];
    return { type, role, kind, n: row.n };
  });
  const membersByRole = new Map<string, number>();
  const membersByType = new Map<string, number>();
  const membersByKind = new Map<string, number>();
  for (const row of memberRows) {
    membersByRole.set(row.role, (membersByRole.get(row.role) ?? 0) + row.n);
    membersByType.set(row.type, (membersByType.get(row.type) ?? 0) + row.n);
    membersByKind.set(row.kind, (membersByKind.get(row.kind) ?? 0) + row.n);
  }
  const venueByLevel = sumBy(venueLevel);
  const projectByStatus = sumBy(projects);
  const overdue = await overdueProjects(input.db, anchors, today, input.fast);

  const byMonth = monthsOf(input.period).map((month) => {
    const rows = activityMonths.filter((row) => row.key === month);
    return { month, total: rows.reduce((a, r) => a + r.n, 0), byKind: Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [r.dim, r.n])) };
  });

  const programmes = await programmesIn(input.db, anchors, input.fast);
  // Two reads for every programme together: the organisations of each programme's division by type
  // (one rollup read per distinct division) and the paired counts (one grouped query).
  const programmeDivisions = [...new Set(programmes.map((programme) => programme.division_id))];
  const [targetRows, paired] = await Promise.all([
    read({ anchors: programmeDivisions, metric: 'org', from: STOCK_START, to: today, by: 'anchor' }),
    pairedCounts(input.db, programmes, today, input.fast),
  ]);
  const targets = new Map<string, number>();
  for (const row of targetRows) targets.set(`${row.key}|${row.dim}`, (targets.get(`${row.key}|${row.dim}`) ?? 0) + row.n);
  const pairings = programmes.map((programme) => {
    const shouldBePaired = targets.get(`${programme.division_id}|${programme.target_type}`) ?? 0;
    const count = paired.get(programme.id) ?? 0;
    const ratio = shouldBePaired === 0 ? 1 : Math.round((count / shouldBePaired) * 10_000) / 10_000;
    return { id: programme.id, title: programme.title, kind: programme.kind, deadline: programme.deadline, paired: count, shouldBePaired, ratio };
  });

  const caseSets = {
    current: caseRates(sumBy(cases.current), input.kpi),
    previous: caseRates(sumBy(cases.previous), input.kpi),
    lastYear: caseRates(sumBy(cases.lastYear), input.kpi),
  };
  const caseTriple = (key: keyof (typeof caseSets)['current']): Compared => ({
    current: caseSets.current[key] ?? 0,
    previous: caseSets.previous[key] ?? 0,
    lastYear: caseSets.lastYear[key] ?? 0,
  });
  const caseRate = (key: 'responseRate' | 'solveRate' | 'satisfactionRate'): ComparedRate => ({
    current: caseSets.current[key],
    previous: caseSets.previous[key],
    lastYear: caseSets.lastYear[key],
  });

  const [competitions, campaigns] = await Promise.all([
    competitionFigures(input.db, anchors, input.period, input.fast),
    campaignFigures(input.db, anchors, input.period, input.fast),
  ]);
  const amount = (row: SumRow) => row.amount;

  return {
    organisations: {
      total: total(orgByType),
      byType: counts(organisationTypes, orgByType),
      members: {
        total: total(membersByRole),
        organisations: membersByKind.get('organisation') ?? 0,
        people: membersByKind.get('person') ?? 0,
        byRole: counts(membershipRoles, membersByRole), byOrganisationType: counts(organisationTypes, membersByType) },
    },
    venues: { total: total(venueByLevel), byLevel: counts(venueLevels, venueByLevel), byStars: counts(['1', '2', '3', '4', '5', 'none'] as const, sumBy(venueStars)) },
    projects: {
      total: total(projectByStatus),
      byStatus: counts(projectStatuses, projectByStatus),
      overdueProjects: total(new Map([...overdue].map(([k, v]) => [String(k), v]))),
      overdueMilestones: total(sumBy(milestones)),
    },
    activities: { total: triple(activities), participants: triple(activities, amount), byKind: counts(activityKinds, sumBy(activities.current)), byMonth },
    pairings: { programmes: pairings },
    needs: { total: total(sumBy(needs)), byState: counts(claimStates, sumBy(needs)) },
    cases: {
      received: caseTriple('received'),
      repliedOnTime: caseTriple('repliedOnTime'),
      responseRate: caseRate('responseRate'),
      assessed: caseTriple('assessed'),
      solved: caseTriple('solved'),
      solveRate: caseRate('solveRate'),
      followedUp: caseTriple('followedUp'),
      satisfiedCount: caseTriple('satisfiedCount'),
      satisfactionRate: caseRate('satisfactionRate'),
    },
    competitions,
    money: { receivedFen: triple(receipts, amount), pledgedFen: triple(pledges, amount), ...campaigns },
    investment: { byStage: counts(leadStages, sumBy(leadStage)), signed: triple(signed), contractFen: triple(signed, amount), talents: triple(talents, amount) },
    publicity: { articles: triple(articles), byLevel: counts([...mediaLevels, 'unknown'] as const, sumBy(articles.current)) },
  };
}
