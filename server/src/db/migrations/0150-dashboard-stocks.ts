import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/*
 * Issue 16, wrong figures on the dashboard and in briefings:
 * - organisations were "as of now" (day '-'), so a period in 2005 showed organisations founded in
 *   2021. The 'org' rollup now counts +1 on the founding day (no founding date: '0000-01-01') and
 *   −1 on the Shanghai day the organisation was archived, with month rows ('org@m'); a period's
 *   figure is the sum up to its last day;
 * - members were one count of firms and people together ("会员552个"): the member dim is now
 *   `type|role|kind` with kind 'organisation' or 'person'.
 * Re-creates the organisations and memberships triggers and recomputes those rows. Frozen text: it
 * does not import the dashboard module (whose rollup-sources.ts holds the same rules for new code).
 */

const HEAD = `SELECT CAST(NULL AS INTEGER) AS division_id, CAST(NULL AS TEXT) AS metric, CAST(NULL AS TEXT) AS dim, CAST(NULL AS TEXT) AS day, CAST(0 AS BIGINT) AS n, CAST(0 AS BIGINT) AS amount WHERE 1 = 0`;
const FOUNDED = `COALESCE(R.founded_on, '0000-01-01')`;
const kind = (alias: string) => `CASE WHEN ${alias}.member_person_id IS NOT NULL THEN 'person' ELSE 'organisation' END`;

interface Source {
  table: string;
  columns: string[];
  watch: string[];
  own: string[];
  cascade: string[];
}

function sources(dialect: Dialect): Source[] {
  const archived =
    dialect === 'postgres' ? `to_char((R.archived_at)::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')` : `date(R.archived_at, '+8 hours')`;
  return [
    {
      table: 'organisations',
      columns: ['id', 'division_id', 'type', 'founded_on', 'archived_at'],
      watch: ['division_id', 'type', 'founded_on', 'archived_at'],
      own: [
        `SELECT R.division_id AS division_id, 'org' AS metric, R.type AS dim, ${FOUNDED} AS day, 1 AS n, 0 AS amount FROM {R}`,
        `SELECT R.division_id, 'org', R.type, CASE WHEN ${archived} < ${FOUNDED} THEN ${FOUNDED} ELSE ${archived} END, -1, 0 FROM {R} WHERE R.archived_at IS NOT NULL`,
      ],
      cascade: [
        `SELECT R.division_id, 'member', R.type || '|' || m.role || '|' || ${kind('m')}, COALESCE(m.until, '9999-12-31'), COUNT(*), 0
         FROM {R} JOIN memberships m ON m.organisation_id = R.id WHERE R.archived_at IS NULL
         GROUP BY R.division_id, R.type, m.role, ${kind('m')}, COALESCE(m.until, '9999-12-31')`,
      ],
    },
    {
      table: 'memberships',
      columns: ['organisation_id', 'member_person_id', 'role', 'until'],
      watch: ['organisation_id', 'member_person_id', 'role', 'until'],
      own: [
        `SELECT o.division_id AS division_id, 'member' AS metric, o.type || '|' || R.role || '|' || ${kind('R')} AS dim, COALESCE(R.until, '9999-12-31') AS day, 1 AS n, 0 AS amount
         FROM {R} JOIN organisations o ON o.id = R.organisation_id WHERE o.archived_at IS NULL`,
      ],
      cascade: [],
    },
  ];
}

/** Adds `sign` × the parts (and the month rows of 'org') to every ancestor of the row's division. */
function apply(list: string[], from: string, sign: 1 | -1, preAggregate: boolean): string {
  const single = [HEAD, ...list.map((part) => part.replaceAll('{R}', from))].join('\n UNION ALL ');
  const monthly = `SELECT mo.division_id, mo.metric || '@m', mo.dim, substr(mo.day, 1, 7), mo.n, mo.amount FROM (${single}) mo WHERE mo.metric = 'org'`;
  const union = `${single}\n UNION ALL ${monthly}`;
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

function triggers(source: Source, dialect: Dialect): string[] {
  const rowOf = (record: 'NEW' | 'OLD') => `(SELECT ${source.columns.map((column) => `${record}.${column} AS ${column}`).join(', ')}) R`;
  const parts = [...source.own, ...source.cascade];
  const plus = apply(parts, rowOf('NEW'), 1, false);
  const minus = apply(parts, rowOf('OLD'), -1, false);
  const op = dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
  const changed = source.watch.map((column) => `OLD.${column} ${op} NEW.${column}`).join(' OR ');
  const name = `dash_${source.table}`;
  if (dialect === 'sqlite') {
    return [
      `CREATE TRIGGER ${name}_ins AFTER INSERT ON ${source.table} BEGIN ${plus}; END`,
      `CREATE TRIGGER ${name}_del AFTER DELETE ON ${source.table} BEGIN ${minus}; END`,
      `CREATE TRIGGER ${name}_upd AFTER UPDATE ON ${source.table} WHEN ${changed} BEGIN ${minus}; ${plus}; END`,
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
    `CREATE TRIGGER ${name}_upd AFTER UPDATE ON ${source.table} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${name}_fn()`,
  ];
}

export function dashboardStocks(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const source of sources(dialect)) {
        for (const suffix of ['ins', 'del', 'upd']) {
          const name = `dash_${source.table}_${suffix}`;
          await sql.raw(dialect === 'postgres' ? `DROP TRIGGER IF EXISTS ${name} ON ${source.table}` : `DROP TRIGGER IF EXISTS ${name}`).execute(db);
        }
        for (const statement of triggers(source, dialect)) await sql.raw(statement).execute(db);
      }
      await sql`DELETE FROM dash_rollup WHERE metric IN ('org', 'org@m', 'member')`.execute(db);
      for (const source of sources(dialect)) await sql.raw(apply(source.own, `${source.table} R`, 1, true)).execute(db);
    },
  };
}
