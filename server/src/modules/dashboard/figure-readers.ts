import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { monthlyMetrics, rollupSources } from './rollup-sources.ts';
import { HEAD } from './rollup-triggers.ts';

/*
 * Two ways to read the same sums, so the dashboard can be computed both ways and compared:
 * - `rollupReader`: from `dash_rollup` (what the API uses);
 * - `rawReader`: a plain GROUP BY over the raw tables, subtree by `divisions.path` (tests, bench).
 * Both answer "the sum of n and amount of `metric` over the subtrees of `anchors`, with day in
 * [from, to], grouped by dim and by month or by anchor".
 */

export interface SumQuery {
  anchors: number[];
  metric: string;
  /** Inclusive bounds on the rollup day (stock metrics use '-'). */
  from: string;
  to: string;
  /** `dim`: one row per dim; `month`: per month and dim; `anchor`: per anchor and dim. */
  by: 'dim' | 'month' | 'anchor';
}

export interface SumRow {
  /** The month (`YYYY-MM`) or the anchor id (as text); '' for `by: 'dim'`. */
  key: string;
  dim: string;
  n: number;
  amount: number;
}

export interface FigureReader {
  (query: SumQuery): Promise<SumRow[]>;
  /** Several sums at once, answers in the order asked (the rollup reader makes it one statement). */
  many(queries: SumQuery[]): Promise<SumRow[][]>;
}

type Row = { key: string | number | null; dim: string; n: number | string; amount: number | string };
const out = (rows: Row[]): SumRow[] => rows.map((r) => ({ key: r.key === null ? '' : String(r.key), dim: r.dim, n: Number(r.n), amount: Number(r.amount) }));

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function nextMonth(month: string, step: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + step, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * A day range as whole months (read from the month rows) plus the partial months at either end
 * (read from the day rows): a ten-month period reads ten month rows per dim, not 300 day rows.
 */
export function splitRange(from: string, to: string): { days: Array<[string, string]>; months: [string, string] | null } {
  const first = from.slice(0, 7);
  const last = to.slice(0, 7);
  const startsMonth = from.endsWith('-01');
  const endsMonth = to === lastDayOf(last);
  if (first === last) return startsMonth && endsMonth ? { days: [], months: [first, last] } : { days: [[from, to]], months: null };
  const days: Array<[string, string]> = [];
  if (!startsMonth) days.push([from, lastDayOf(first)]);
  if (!endsMonth) days.push([`${last}-01`, to]);
  const monthFrom = startsMonth ? first : nextMonth(first, 1);
  const monthTo = endsMonth ? last : nextMonth(last, -1);
  return { days, months: monthFrom <= monthTo ? [monthFrom, monthTo] : null };
}

/** The rows of `dash_rollup` one sum reads: day ranges of the metric, and a month range of `<metric>@m`. */
function rollupRanges({ metric, from, to }: SumQuery): Array<{ metric: string; from: string; to: string }> {
  if (!(monthlyMetrics as readonly string[]).includes(metric) || from === '-') return [{ metric, from, to }];
  const { days, months } = splitRange(from, to);
  return [...days.map(([a, b]) => ({ metric, from: a, to: b })), ...(months ? [{ metric: `${metric}@m`, from: months[0], to: months[1] }] : [])];
}

function mergeRows(rows: SumRow[]): SumRow[] {
  const merged = new Map<string, SumRow>();
  for (const row of rows) {
    const id = `${row.key}\u0000${row.dim}`;
    const seen = merged.get(id);
    if (seen) {
      seen.n += row.n;
      seen.amount += row.amount;
    } else merged.set(id, { ...row });
  }
  return [...merged.values()];
}

/**
 * Every range of every query in one statement (UNION ALL of primary-key range reads, each labelled
 * with its query's index): a dashboard is a handful of statements, not one per metric and period.
 */
export function rollupReader(db: Kysely<DB>): FigureReader {
  const many = async (queries: SumQuery[]): Promise<SumRow[][]> => {
    const branches = queries.flatMap((query, index) =>
      query.anchors.length === 0
        ? []
        : rollupRanges(query).map((range) => {
            const key = query.by === 'month' ? sql`substr(day, 1, 7)` : query.by === 'anchor' ? sql`CAST(ancestor_id AS TEXT)` : sql`CAST('' AS TEXT)`;
            return sql`SELECT ${sql.lit(index)} AS q, ${key} AS key, dim, SUM(n) AS n, SUM(amount) AS amount FROM dash_rollup
              WHERE ancestor_id IN (${sql.join(query.anchors)}) AND metric = ${range.metric} AND day >= ${range.from} AND day <= ${range.to}
              GROUP BY 2, dim`;
          }),
    );
    const answers: SumRow[][] = queries.map(() => []);
    if (branches.length === 0) return answers;
    const result = await sql<Row & { q: number }>`${sql.join(branches, sql` UNION ALL `)}`.execute(db);
    for (const row of result.rows) answers[Number(row.q)]!.push(...out([row]));
    return answers.map(mergeRows);
  };
  return Object.assign(async (query: SumQuery) => (await many([query]))[0]!, { many });
}

/** The own parts of the sources that produce `metric` (a part names its metric as a literal). */
function partsOf(dialect: Dialect, metric: string): string[] {
  return rollupSources(dialect).flatMap((source) =>
    source.own.filter((part) => part.includes(`'${metric}'`)).map((part) => part.replaceAll('{R}', `${source.table} R`)),
  );
}

export function rawReader(db: Kysely<DB>, dialect: Dialect): FigureReader {
  const read = async ({ anchors, metric, from, to, by }: SumQuery): Promise<SumRow[]> => {
    if (anchors.length === 0) return [];
    const parts = partsOf(dialect, metric);
    const key = by === 'month' ? 'substr(x.day, 1, 7)' : by === 'anchor' ? 'a.id' : `''`;
    const text = `SELECT ${key} AS key, x.dim AS dim, SUM(x.n) AS n, SUM(x.amount) AS amount
      FROM (${[HEAD, ...parts].join(' UNION ALL ')}) x
      JOIN divisions d ON d.id = x.division_id
      JOIN divisions a ON d.path LIKE a.path || '%'
      WHERE a.id IN (${anchors.map(Number).join(', ')}) AND x.metric = '${metric}' AND x.day >= $from AND x.day <= $to
      GROUP BY 1, x.dim`;
    const [head, middle, tail] = text.split(/\$from|\$to/) as [string, string, string];
    const result = await sql<Row>`${sql.raw(head)}${from}${sql.raw(middle)}${to}${sql.raw(tail)}`.execute(db);
    return out(result.rows);
  };
  return Object.assign(read, { many: (queries: SumQuery[]) => Promise.all(queries.map(read)) });
}
