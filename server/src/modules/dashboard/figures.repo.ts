import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PairingKind } from '@tongxin/core';
import type { DB } from '../../db/types.ts';
import { coverage } from '../pairings/index.ts';

/*
 * The figures of small tables (projects with overdue milestones, programmes, competitions,
 * campaigns), counted directly with indexed queries: at province scale they hold thousands of rows,
 * not millions. `fast` picks the division closure for the subtree; otherwise the materialised path
 * (the raw recomputation shares nothing with the rollup machinery but the definitions).
 */

type Db = Kysely<DB>;

/**
 * `column` lies in the anchors' subtrees. Fast: one closure primary-key probe per row of the small
 * table (never the 25,000 villages of a province expanded into a list); raw: by path.
 */
function inSubtree(column: string, anchors: number[], fast: boolean): RawBuilder<unknown> {
  const ids = sql.join(anchors);
  return fast
    ? sql`EXISTS (SELECT 1 FROM division_closure sc WHERE sc.descendant_id = ${sql.ref(column)} AND sc.ancestor_id IN (${ids}))`
    : sql`${sql.ref(column)} IN (SELECT d.id FROM divisions d JOIN divisions a ON d.path LIKE a.path || '%' WHERE a.id IN (${ids}))`;
}

/** Raw mode: each row of `column`'s division with every ancestor `ca` of it, by path. */
function ancestorsByPath(column: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`JOIN divisions cd ON cd.id = ${column} JOIN divisions ca ON cd.path LIKE ca.path || '%'`;
}

/**
 * Live projects with an open milestone due before `today`, per anchor. Fast: from the open
 * milestones already due (a range of the partial index `project_milestones_open_due`, migration
 * 0052: a few thousand rows in a province) to their projects and one closure probe per anchor,
 * never every live project of the subtree; raw: every project of the subtree by path.
 */
export async function overdueProjects(db: Db, anchors: number[], today: string, fast: boolean): Promise<Map<number, number>> {
  if (anchors.length === 0) return new Map();
  const open = sql`m.archived_at IS NULL AND m.completed_at IS NULL AND m.due_date < ${today}`;
  const result = fast
    ? // CROSS JOIN fixes SQLite's join order (milestones first); PostgreSQL reads it as an inner join.
      await sql<{ anchor: number; n: number }>`
        SELECT c.ancestor_id AS anchor, COUNT(DISTINCT p.id) AS n
        FROM project_milestones m CROSS JOIN projects p CROSS JOIN division_closure c
        WHERE ${open} AND p.id = m.project_id AND p.archived_at IS NULL
          AND c.descendant_id = p.division_id AND c.ancestor_id IN (${sql.join(anchors)})
        GROUP BY c.ancestor_id`.execute(db)
    : await sql<{ anchor: number; n: number }>`
        SELECT ca.id AS anchor, COUNT(*) AS n FROM projects p ${ancestorsByPath(sql`p.division_id`)}
        WHERE ca.id IN (${sql.join(anchors)}) AND p.archived_at IS NULL
          AND EXISTS (SELECT 1 FROM project_milestones m WHERE m.project_id = p.id AND ${open})
        GROUP BY ca.id`.execute(db);
  return new Map(result.rows.map((r) => [Number(r.anchor), Number(r.n)]));
}

export interface ProgrammeRow {
  id: number;
  title: string;
  kind: PairingKind;
  deadline: string;
  division_id: number;
  division_path: string;
  target_type: string;
}

/** Live programmes placed in the subtree, by deadline (at most 100). */
export async function programmesIn(db: Db, anchors: number[], fast: boolean): Promise<ProgrammeRow[]> {
  if (anchors.length === 0) return [];
  const result = await sql<ProgrammeRow>`
    SELECT pr.id, pr.title, pr.kind, pr.deadline, pr.division_id, d.path AS division_path, pr.target_type
    FROM pairing_programmes pr JOIN divisions d ON d.id = pr.division_id
    WHERE pr.archived_at IS NULL AND ${inSubtree('pr.division_id', anchors, fast)}
    ORDER BY pr.deadline, pr.id LIMIT 100`.execute(db);
  return result.rows;
}

/**
 * Organisations of each programme's rule with a current pair (the pairings module's definition),
 * by programme id. Fast: one grouped query over every programme (a range of the covering index
 * `pairs_programme_current` per programme, migration 0052); raw: the pairings module's `coverage`.
 */
export async function pairedCounts(db: Db, programmes: ProgrammeRow[], today: string, fast: boolean): Promise<Map<number, number>> {
  if (programmes.length === 0) return new Map();
  if (!fast) {
    const counted = await Promise.all(
      programmes.map(async (programme) => {
        const rule = { id: programme.id, target_type: programme.target_type, division_path: programme.division_path };
        return [programme.id, (await coverage(db, rule, today)).paired] as const;
      }),
    );
    return new Map(counted);
  }
  // CROSS JOIN fixes SQLite's join order (programmes → their pairs → organisations); PostgreSQL
  // reads it as an inner join.
  const result = await sql<{ id: number; n: number }>`
    SELECT p.programme_id AS id, COUNT(DISTINCT o.id) AS n
    FROM pairing_programmes pr CROSS JOIN pairs p CROSS JOIN organisations o
    WHERE pr.id IN (${sql.join(programmes.map((programme) => programme.id))}) AND p.programme_id = pr.id
      AND p.start_date <= ${today} AND (p.end_date IS NULL OR p.end_date >= ${today})
      AND o.id = p.organisation_id AND o.type = pr.target_type AND o.archived_at IS NULL
      AND EXISTS (SELECT 1 FROM division_closure sc WHERE sc.descendant_id = o.division_id AND sc.ancestor_id = pr.division_id)
    GROUP BY p.programme_id`.execute(db);
  return new Map(result.rows.map((row) => [Number(row.id), Number(row.n)]));
}

/** Competitions of the subtree in the period: by `year`, or by the Shanghai date created when there is none. */
export async function competitionFigures(db: Db, anchors: number[], period: { from: string; to: string }, fast: boolean) {
  if (anchors.length === 0) return { total: 0, entries: 0, awarded: 0 };
  const fromYear = Number(period.from.slice(0, 4));
  const toYear = Number(period.to.slice(0, 4));
  const rows = (
    await sql<{ id: number; year: number | null; created_at: string }>`
      SELECT id, year, created_at FROM competitions WHERE archived_at IS NULL AND ${inSubtree('division_id', anchors, fast)}`.execute(db)
  ).rows.filter((row) => {
    if (row.year !== null) return row.year >= fromYear && row.year <= toYear;
    const day = new Date(Date.parse(row.created_at) + 8 * 3_600_000).toISOString().slice(0, 10);
    return day >= period.from && day <= period.to;
  });
  if (rows.length === 0) return { total: 0, entries: 0, awarded: 0 };
  const ids = rows.map((row) => row.id);
  const entries = await db
    .selectFrom('competition_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('competition_id', 'in', ids)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  const decisions = await db.selectFrom('competition_decisions').select('awards').where('competition_id', 'in', ids).where('status', '=', 'published').execute();
  let awarded = 0;
  for (const decision of decisions) {
    const awards = JSON.parse(decision.awards) as Array<{ entryId: number }>;
    awarded += new Set(awards.map((award) => award.entryId)).size;
  }
  return { total: rows.length, entries: Number(entries.n), awarded };
}

/** Live campaigns of the subtree running at some point of the period, and their targets. */
export async function campaignFigures(db: Db, anchors: number[], period: { from: string; to: string }, fast: boolean) {
  if (anchors.length === 0) return { campaigns: 0, targetFen: 0 };
  const result = await sql<{ n: number; target: number | null }>`
    SELECT COUNT(*) AS n, SUM(target_fen) AS target FROM campaigns
    WHERE archived_at IS NULL AND ${inSubtree('division_id', anchors, fast)}
      AND start_date <= ${period.to} AND (end_date IS NULL OR end_date >= ${period.from})`.execute(db);
  return { campaigns: Number(result.rows[0]?.n ?? 0), targetFen: Number(result.rows[0]?.target ?? 0) };
}
