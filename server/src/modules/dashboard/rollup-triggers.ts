import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import { monthlyMetrics, rollupSources, type RollupSource } from './rollup-sources.ts';

/*
 * Triggers keep `dash_rollup` and `division_closure` right in the transaction of every write, on
 * both engines: SQLite gets three triggers per table (insert, update of a watched column,
 * delete), PostgreSQL one plpgsql function per table called by the same three triggers.
 */

/** Typed first branch: names the columns and fixes their types for PostgreSQL's UNION. */
export const HEAD = `SELECT CAST(NULL AS INTEGER) AS division_id, CAST(NULL AS TEXT) AS metric, CAST(NULL AS TEXT) AS dim, CAST(NULL AS TEXT) AS day, CAST(0 AS BIGINT) AS n, CAST(0 AS BIGINT) AS amount WHERE 1 = 0`;

/** `INSERT … SELECT … ON CONFLICT` adding `sign` × the parts of `from` (with `{R}` replaced) to every ancestor. */
export function applySql(parts: string[], from: string, sign: 1 | -1, preAggregate = false, withMonths = true): string {
  const single = [HEAD, ...parts.map((part) => part.replaceAll('{R}', from))].join('\n UNION ALL ');
  // Flow metrics also get a month row ('activity@m', day 'YYYY-MM'): a long period reads whole months.
  const monthly = `SELECT mo.division_id, mo.metric || '@m', mo.dim, substr(mo.day, 1, 7), mo.n, mo.amount FROM (${single}) mo WHERE mo.metric IN (${monthlyMetrics.map((metric) => `'${metric}'`).join(', ')})`;
  const union = withMonths ? `${single}\n UNION ALL ${monthly}` : single;
  // A rebuild groups by division first (2,000,000 activities → far fewer rows) before spreading over ancestors.
  const rows = preAggregate
    ? `SELECT u.division_id, u.metric, u.dim, u.day, SUM(u.n) AS n, SUM(u.amount) AS amount FROM (${union}) u GROUP BY u.division_id, u.metric, u.dim, u.day`
    : union;
  return `INSERT INTO dash_rollup (ancestor_id, metric, dim, day, n, amount)
    SELECT c.ancestor_id, x.metric, x.dim, x.day, ${sign} * SUM(x.n), ${sign} * SUM(x.amount)
    FROM (${rows}) x JOIN division_closure c ON c.descendant_id = x.division_id
    WHERE x.division_id IS NOT NULL
    GROUP BY c.ancestor_id, x.metric, x.dim, x.day
    ON CONFLICT (ancestor_id, metric, day, dim) DO UPDATE SET n = dash_rollup.n + excluded.n, amount = dash_rollup.amount + excluded.amount`;
}

function rowOf(source: RollupSource, record: 'NEW' | 'OLD'): string {
  return `(SELECT ${source.columns.map((column) => `${record}.${column} AS ${column}`).join(', ')}) R`;
}

function changed(source: RollupSource, dialect: Dialect): string {
  const op = dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
  return source.watch.map((column) => `OLD.${column} ${op} NEW.${column}`).join(' OR ');
}

function triggerStatements(source: RollupSource, dialect: Dialect): string[] {
  const parts = [...source.own, ...(source.cascade ?? [])];
  const name = `dash_${source.table}`;
  const plus = applySql(parts, rowOf(source, 'NEW'), 1);
  const minus = applySql(parts, rowOf(source, 'OLD'), -1);
  if (dialect === 'sqlite') {
    return [
      `CREATE TRIGGER ${name}_ins AFTER INSERT ON ${source.table} BEGIN ${plus}; END`,
      `CREATE TRIGGER ${name}_del AFTER DELETE ON ${source.table} BEGIN ${minus}; END`,
      `CREATE TRIGGER ${name}_upd AFTER UPDATE ON ${source.table} WHEN ${changed(source, dialect)} BEGIN ${minus}; ${plus}; END`,
    ];
  }
  return [
    `CREATE OR REPLACE FUNCTION ${name}_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       IF TG_OP <> 'INSERT' THEN ${minus}; END IF;
       IF TG_OP <> 'DELETE' THEN ${plus}; END IF;
       RETURN NULL;
     END $fn$`,
    `CREATE TRIGGER ${name}_ins AFTER INSERT ON ${source.table} FOR EACH ROW EXECUTE FUNCTION ${name}_fn()`,
    `CREATE TRIGGER ${name}_del AFTER DELETE ON ${source.table} FOR EACH ROW EXECUTE FUNCTION ${name}_fn()`,
    `CREATE TRIGGER ${name}_upd AFTER UPDATE ON ${source.table} FOR EACH ROW WHEN (${changed(source, dialect)}) EXECUTE FUNCTION ${name}_fn()`,
  ];
}

/** A new division gets its ancestors' rows plus its own; divisions never move (no update path). */
function closureStatements(dialect: Dialect): string[] {
  const body = `INSERT INTO division_closure (ancestor_id, descendant_id, depth)
      SELECT ancestor_id, NEW.id, depth + 1 FROM division_closure WHERE descendant_id = NEW.parent_id
      UNION ALL SELECT NEW.id, NEW.id, 0`;
  if (dialect === 'sqlite') return [`CREATE TRIGGER dash_divisions_ins AFTER INSERT ON divisions BEGIN ${body}; END`];
  return [
    `CREATE OR REPLACE FUNCTION dash_divisions_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN ${body}; RETURN NULL; END $fn$`,
    `CREATE TRIGGER dash_divisions_ins AFTER INSERT ON divisions FOR EACH ROW EXECUTE FUNCTION dash_divisions_fn()`,
  ];
}

/** A case's reply facts are recomputed from its history on the next read (see case-replies.ts). */
function dirtyStatements(dialect: Dialect): string[] {
  const body = `INSERT INTO dash_case_dirty (case_id, seq) VALUES (NEW.case_id, 1)
      ON CONFLICT (case_id) DO UPDATE SET seq = dash_case_dirty.seq + 1`;
  if (dialect === 'sqlite') return [`CREATE TRIGGER dash_case_events_ins AFTER INSERT ON case_events BEGIN ${body}; END`];
  return [
    `CREATE OR REPLACE FUNCTION dash_case_events_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN ${body}; RETURN NULL; END $fn$`,
    `CREATE TRIGGER dash_case_events_ins AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION dash_case_events_fn()`,
  ];
}

/**
 * A change of an office's time limits, calendar or office hours moves the due times of its
 * subtree's cases: mark them all for recomputation (KPI weights need nothing: they apply at read).
 */
function settingsStatements(dialect: Dialect): string[] {
  const mark = (division: string) => `INSERT INTO dash_case_dirty (case_id, seq)
      SELECT c.id, 1 FROM cases c WHERE c.office_division_id IN (SELECT descendant_id FROM division_closure WHERE ancestor_id = ${division})
      ON CONFLICT (case_id) DO UPDATE SET seq = dash_case_dirty.seq + 1`;
  const watched = ['sla_policy', 'holiday_calendar', 'office_hours'];
  const op = dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
  const changedWhen = watched.map((column) => `OLD.${column} ${op} NEW.${column}`).join(' OR ');
  if (dialect === 'sqlite') {
    return [
      `CREATE TRIGGER dash_request_settings_ins AFTER INSERT ON request_settings BEGIN ${mark('NEW.division_id')}; END`,
      `CREATE TRIGGER dash_request_settings_del AFTER DELETE ON request_settings BEGIN ${mark('OLD.division_id')}; END`,
      `CREATE TRIGGER dash_request_settings_upd AFTER UPDATE ON request_settings WHEN ${changedWhen} BEGIN ${mark('NEW.division_id')}; END`,
    ];
  }
  return [
    `CREATE OR REPLACE FUNCTION dash_request_settings_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       IF TG_OP = 'DELETE' THEN ${mark('OLD.division_id')}; ELSE ${mark('NEW.division_id')}; END IF;
       RETURN NULL;
     END $fn$`,
    `CREATE TRIGGER dash_request_settings_ins AFTER INSERT ON request_settings FOR EACH ROW EXECUTE FUNCTION dash_request_settings_fn()`,
    `CREATE TRIGGER dash_request_settings_del AFTER DELETE ON request_settings FOR EACH ROW EXECUTE FUNCTION dash_request_settings_fn()`,
    `CREATE TRIGGER dash_request_settings_upd AFTER UPDATE ON request_settings FOR EACH ROW WHEN (${changedWhen}) EXECUTE FUNCTION dash_request_settings_fn()`,
  ];
}

function allTriggerNames(dialect: Dialect): Array<{ table: string; name: string }> {
  const names: Array<{ table: string; name: string }> = [
    { table: 'divisions', name: 'dash_divisions_ins' },
    { table: 'case_events', name: 'dash_case_events_ins' },
    ...['ins', 'del', 'upd'].map((suffix) => ({ table: 'request_settings', name: `dash_request_settings_${suffix}` })),
  ];
  for (const source of rollupSources(dialect)) {
    for (const suffix of ['ins', 'del', 'upd']) names.push({ table: source.table, name: `dash_${source.table}_${suffix}` });
  }
  return names;
}

export async function createTriggers(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const statements = [...closureStatements(dialect), ...dirtyStatements(dialect), ...settingsStatements(dialect), ...rollupSources(dialect).flatMap((source) => triggerStatements(source, dialect))];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function dropTriggers(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const { table, name } of allTriggerNames(dialect)) {
    await sql.raw(dialect === 'postgres' ? `DROP TRIGGER IF EXISTS ${name} ON ${table}` : `DROP TRIGGER IF EXISTS ${name}`).execute(db);
  }
}
