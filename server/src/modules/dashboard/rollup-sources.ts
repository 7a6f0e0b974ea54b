import type { Dialect } from '../../db/database.ts';

/*
 * What each raw table contributes to `dash_rollup`. A part is a SELECT producing
 * (division_id, metric, dim, day, n, amount) from the row `R` (written `{R}` in FROM):
 * - in a trigger, `{R}` is the one-row subquery of NEW (sign +1) or OLD (sign −1);
 * - in `rebuildRollups`, `{R}` is the whole table, and only `own` parts run (a `cascade` part
 *   re-counts the children of a parent whose division or liveness changed, which the children's
 *   own parts already count in a rebuild).
 *
 * `day` is a Shanghai date `YYYY-MM-DD`, or '-' for stock figures ("now"). Members carry the
 * day their membership ends ('9999-12-31' when open), so "current" is `day >= today`; open
 * milestones carry their due date, so "overdue" is `day < today`: figures that depend on now are
 * still read from the rollup, by a range on `day`.
 */

export interface RollupSource {
  table: string;
  /** The columns of R the parts read (the trigger copies them from NEW/OLD). */
  columns: string[];
  own: string[];
  cascade?: string[];
  /** An update changes the figures only when one of these columns changes. */
  watch: string[];
}

/** The Shanghai calendar date of an ISO instant stored as text. */
export function shanghaiDay(dialect: Dialect, expression: string): string {
  return dialect === 'postgres'
    ? `to_char((${expression})::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`
    : `date(${expression}, '+8 hours')`;
}

const OPEN_END = `'9999-12-31'`;

/** The first day of every stock kept by day (an organisation without a founding date). */
export const STOCK_START = '0000-01-01';
const FOUNDED = `COALESCE(R.founded_on, '${STOCK_START}')`;

/**
 * Member dims are `type|role|kind`, kind 'person' or 'organisation': a briefing reports member
 * firms and member people apart (issue 16: "会员552个" added the two).
 */
const memberKind = (alias: string) => `CASE WHEN ${alias}.member_person_id IS NOT NULL THEN 'person' ELSE 'organisation' END`;

/** Metrics counted by day within a period; each also has month rows under `<metric>@m`. */
export const monthlyMetrics = ['org', 'activity', 'case', 'receipt', 'pledge', 'lead_signed', 'talent', 'article'] as const;

export function rollupSources(dialect: Dialect): RollupSource[] {
  const received = shanghaiDay(dialect, 'R.received_at');
  const archivedDay = shanghaiDay(dialect, 'R.archived_at');
  const caseDims: Array<[string, string]> = [
    ['received', '1 = 1'],
    ['assessed', 'R.solved IS NOT NULL'],
    ['solved', 'R.solved = 1'],
    ['followed_up', 'R.satisfaction IS NOT NULL'],
    ['satisfied', `R.satisfaction = 'satisfied'`],
    ['basically_satisfied', `R.satisfaction = 'basically_satisfied'`],
  ];
  return [
    {
      table: 'organisations',
      columns: ['id', 'division_id', 'type', 'founded_on', 'archived_at'],
      // A stock at a day: +1 on the founding day, −1 on the (Shanghai) day it was archived, so the
      // organisations at the end of any period are the sum up to that day (issue 16: a 2005 period
      // showed the two-new organisations of 2021). No founding date: counted from the beginning.
      own: [
        `SELECT R.division_id AS division_id, 'org' AS metric, R.type AS dim, ${FOUNDED} AS day, 1 AS n, 0 AS amount FROM {R}`,
        `SELECT R.division_id, 'org', R.type, CASE WHEN ${archivedDay} < ${FOUNDED} THEN ${FOUNDED} ELSE ${archivedDay} END, -1, 0 FROM {R} WHERE R.archived_at IS NOT NULL`,
      ],
      cascade: [
        `SELECT R.division_id, 'member', R.type || '|' || m.role || '|' || ${memberKind('m')}, COALESCE(m.until, ${OPEN_END}), COUNT(*), 0
         FROM {R} JOIN memberships m ON m.organisation_id = R.id WHERE R.archived_at IS NULL
         GROUP BY R.division_id, R.type, m.role, ${memberKind('m')}, COALESCE(m.until, ${OPEN_END})`,
      ],
      watch: ['division_id', 'type', 'founded_on', 'archived_at'],
    },
    {
      table: 'memberships',
      columns: ['organisation_id', 'member_person_id', 'role', 'until'],
      own: [
        `SELECT o.division_id AS division_id, 'member' AS metric, o.type || '|' || R.role || '|' || ${memberKind('R')} AS dim, COALESCE(R.until, ${OPEN_END}) AS day, 1 AS n, 0 AS amount
         FROM {R} JOIN organisations o ON o.id = R.organisation_id WHERE o.archived_at IS NULL`,
      ],
      watch: ['organisation_id', 'member_person_id', 'role', 'until'],
    },
    {
      table: 'venues',
      columns: ['division_id', 'level', 'star_rating', 'archived_at'],
      own: [
        `SELECT R.division_id AS division_id, 'venue_level' AS metric, R.level AS dim, '-' AS day, 1 AS n, 0 AS amount FROM {R} WHERE R.archived_at IS NULL`,
        `SELECT R.division_id, 'venue_stars', COALESCE(CAST(R.star_rating AS TEXT), 'none'), '-', 1, 0 FROM {R} WHERE R.archived_at IS NULL`,
      ],
      watch: ['division_id', 'level', 'star_rating', 'archived_at'],
    },
    {
      table: 'projects',
      columns: ['id', 'division_id', 'status', 'archived_at'],
      own: [`SELECT R.division_id AS division_id, 'project' AS metric, R.status AS dim, '-' AS day, 1 AS n, 0 AS amount FROM {R} WHERE R.archived_at IS NULL`],
      cascade: [
        `SELECT R.division_id, 'milestone_open', '-', m.due_date, COUNT(*), 0
         FROM {R} JOIN project_milestones m ON m.project_id = R.id
         WHERE R.archived_at IS NULL AND m.completed_at IS NULL AND m.archived_at IS NULL
         GROUP BY R.division_id, m.due_date`,
      ],
      watch: ['division_id', 'status', 'archived_at'],
    },
    {
      table: 'project_milestones',
      columns: ['project_id', 'due_date', 'completed_at', 'archived_at'],
      own: [
        `SELECT p.division_id AS division_id, 'milestone_open' AS metric, '-' AS dim, R.due_date AS day, 1 AS n, 0 AS amount
         FROM {R} JOIN projects p ON p.id = R.project_id
         WHERE p.archived_at IS NULL AND R.completed_at IS NULL AND R.archived_at IS NULL`,
      ],
      watch: ['project_id', 'due_date', 'completed_at', 'archived_at'],
    },
    {
      table: 'activities',
      columns: ['division_id', 'kind', 'date', 'participant_count', 'archived_at'],
      own: [
        `SELECT R.division_id AS division_id, 'activity' AS metric, R.kind AS dim, R.date AS day, 1 AS n, COALESCE(R.participant_count, 0) AS amount
         FROM {R} WHERE R.archived_at IS NULL`,
      ],
      watch: ['division_id', 'kind', 'date', 'participant_count', 'archived_at'],
    },
    {
      table: 'cases',
      columns: ['id', 'division_id', 'received_at', 'solved', 'satisfaction'],
      own: caseDims.map(
        ([dim, when], index) =>
          `SELECT R.division_id${index === 0 ? ' AS division_id' : ''}, 'case'${index === 0 ? ' AS metric' : ''}, '${dim}'${index === 0 ? ' AS dim' : ''}, ${received}${index === 0 ? ' AS day' : ''}, 1${index === 0 ? ' AS n' : ''}, 0${index === 0 ? ' AS amount' : ''} FROM {R} WHERE ${when}`,
      ),
      cascade: [`SELECT R.division_id, 'case', 'replied_on_time', ${received}, 1, 0 FROM {R} JOIN dash_case_reply f ON f.case_id = R.id WHERE f.on_time = 1`],
      watch: ['division_id', 'received_at', 'solved', 'satisfaction'],
    },
    {
      table: 'dash_case_reply',
      columns: ['case_id', 'on_time'],
      own: [
        `SELECT c.division_id AS division_id, 'case' AS metric, 'replied_on_time' AS dim, ${shanghaiDay(dialect, 'c.received_at')} AS day, 1 AS n, 0 AS amount
         FROM {R} JOIN cases c ON c.id = R.case_id WHERE R.on_time = 1`,
      ],
      watch: ['case_id', 'on_time'],
    },
    {
      table: 'needs',
      columns: ['division_id', 'state'],
      own: [`SELECT R.division_id AS division_id, 'need' AS metric, R.state AS dim, '-' AS day, 1 AS n, 0 AS amount FROM {R}`],
      watch: ['division_id', 'state'],
    },
    {
      table: 'articles',
      columns: ['division_id', 'level', 'published_on', 'archived_at'],
      own: [
        `SELECT R.division_id AS division_id, 'article' AS metric, COALESCE(R.level, 'unknown') AS dim, R.published_on AS day, 1 AS n, 0 AS amount
         FROM {R} WHERE R.archived_at IS NULL AND R.published_on IS NOT NULL`,
      ],
      watch: ['division_id', 'level', 'published_on', 'archived_at'],
    },
    {
      table: 'investment_leads',
      columns: ['division_id', 'stage', 'signed_on', 'contract_fen', 'archived_at'],
      own: [
        `SELECT R.division_id AS division_id, 'lead_stage' AS metric, R.stage AS dim, '-' AS day, 1 AS n, 0 AS amount FROM {R} WHERE R.archived_at IS NULL`,
        `SELECT R.division_id, 'lead_signed', '-', R.signed_on, 1, COALESCE(R.contract_fen, 0) FROM {R} WHERE R.archived_at IS NULL AND R.signed_on IS NOT NULL`,
      ],
      watch: ['division_id', 'stage', 'signed_on', 'contract_fen', 'archived_at'],
    },
    {
      table: 'talent_intakes',
      columns: ['division_id', 'date', 'count', 'archived_at'],
      own: [`SELECT R.division_id AS division_id, 'talent' AS metric, '-' AS dim, R.date AS day, 1 AS n, R.count AS amount FROM {R} WHERE R.archived_at IS NULL`],
      watch: ['division_id', 'date', 'count', 'archived_at'],
    },
    {
      table: 'campaigns',
      columns: ['id', 'division_id', 'archived_at'],
      own: [],
      cascade: [
        `SELECT R.division_id, 'receipt', '-', x.received_on, COUNT(*), SUM(x.amount_fen)
         FROM {R} JOIN campaign_receipts x ON x.campaign_id = R.id WHERE R.archived_at IS NULL AND x.voided_at IS NULL
         GROUP BY R.division_id, x.received_on`,
        `SELECT R.division_id, 'pledge', '-', x.pledged_on, COUNT(*), SUM(x.amount_fen)
         FROM {R} JOIN campaign_pledges x ON x.campaign_id = R.id WHERE R.archived_at IS NULL AND x.cancelled_at IS NULL
         GROUP BY R.division_id, x.pledged_on`,
      ],
      watch: ['division_id', 'archived_at'],
    },
    {
      table: 'campaign_receipts',
      columns: ['campaign_id', 'amount_fen', 'received_on', 'voided_at'],
      own: [
        `SELECT c.division_id AS division_id, 'receipt' AS metric, '-' AS dim, R.received_on AS day, 1 AS n, R.amount_fen AS amount
         FROM {R} JOIN campaigns c ON c.id = R.campaign_id WHERE c.archived_at IS NULL AND R.voided_at IS NULL`,
      ],
      watch: ['campaign_id', 'amount_fen', 'received_on', 'voided_at'],
    },
    {
      table: 'campaign_pledges',
      columns: ['campaign_id', 'amount_fen', 'pledged_on', 'cancelled_at'],
      own: [
        `SELECT c.division_id AS division_id, 'pledge' AS metric, '-' AS dim, R.pledged_on AS day, 1 AS n, R.amount_fen AS amount
         FROM {R} JOIN campaigns c ON c.id = R.campaign_id WHERE c.archived_at IS NULL AND R.cancelled_at IS NULL`,
      ],
      watch: ['campaign_id', 'amount_fen', 'pledged_on', 'cancelled_at'],
    },
  ];
}
