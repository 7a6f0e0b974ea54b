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

export type FigureReader = (query: SumQuery) => Promise<SumRow[]>;

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

export function rollupReader(db: Kysely<DB>): FigureReader {
  const run = async (anchors: number[], metric: string, from: string, to: string, by: SumQuery['by']) => {
    const key = by === 'month' ? sql`substr(day, 1, 7)` : by === 'anchor' ? sql`ancestor_id` : sql`''`;
    const result = await sql<Row>`
      SELECT ${key} AS key, dim, SUM(n) AS n, SUM(amount) AS amount FROM dash_rollup
      WHERE ancestor_id IN (${sql.join(anchors)}) AND metric = ${metric} AND day >= ${from} AND day <= ${to}
      GROUP BY 1, dim`.execute(db);
    return out(result.rows);
  };
  return async ({ anchors, metric, from, to, by }) => {
    if (anchors.length === 0) return [];
    if (!(monthlyMetrics as readonly string[]).includes(metric) || from === '-') return run(anchors, metric, from, to, by);
    const { days, months } = splitRange(from, to);
    const parts = await Promise.all([
      ...days.map(([a, b]) => run(anchors, metric, a, b, by)),
      ...(months ? [run(anchors, `${metric}@m`, months[0], months[1], by)] : []),
    ]);
    const merged = new Map<string, SumRow>();
    for (const row of parts.flat()) {
      const id = `${row.key}\u0000${row.dim}`;
      const seen = merged.get(id);
      if (seen) {
        seen.n += row.n;
        seen.amount += row.amount;
      } else merged.set(id, { ...row });
    }
    return [...merged.values()];
  };
}

/** The own parts of the sources that produce `metric` (a part names its metric as a literal). */
function partsOf(dialect: Dialect, metric: string): string[] {
  return rollupSources(dialect).flatMap((source) =>
    source.own.filter((part) => part.includes(`'${metric}'`)).map((part) => part.replaceAll('{R}', `${source.table} R`)),
  );
}

export function rawReader(db: Kysely<DB>, dialect: Dialect): FigureReader {
  return async ({ anchors, metric, from, to, by }) => {
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
}
