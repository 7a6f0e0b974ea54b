import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { DB } from '../../db/types.ts';
import { rollupSources } from './rollup-sources.ts';
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

export function rollupReader(db: Kysely<DB>): FigureReader {
  return async ({ anchors, metric, from, to, by }) => {
    if (anchors.length === 0) return [];
    const key = by === 'month' ? sql`substr(day, 1, 7)` : by === 'anchor' ? sql`ancestor_id` : sql`''`;
    const result = await sql<Row>`
      SELECT ${key} AS key, dim, SUM(n) AS n, SUM(amount) AS amount FROM dash_rollup
      WHERE ancestor_id IN (${sql.join(anchors)}) AND metric = ${metric} AND day >= ${from} AND day <= ${to}
      GROUP BY 1, dim`.execute(db);
    return out(result.rows);
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
