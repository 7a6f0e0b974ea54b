import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/**
 * Lead and talent figures grouped by division (or by year), summed by the database. Money sums are
 * exact: 64-bit integers on SQLite, `numeric` sums of bigint on PostgreSQL read back as numbers.
 */
export interface Period {
  from: string;
  to: string;
}

const inPeriod = (column: string, period: Period) => sql<SqlBool>`${sql.ref(column)} >= ${period.from} and ${sql.ref(column)} <= ${period.to}`;
/** Signed deals count while signed or landed; a dropped deal no longer counts. */
const signedIn = (period: Period) => sql<SqlBool>`l.stage in ('signed', 'landed') and ${inPeriod('l.signed_on', period)}`;
const landedIn = (period: Period) => sql<SqlBool>`l.stage = 'landed' and ${inPeriod('l.landed_on', period)}`;

export async function leadFiguresByDivision(db: Executor, scopePath: string | null, subtreePath: string | null, period: Period) {
  let query = db
    .selectFrom('investment_leads as l')
    .innerJoin('divisions as d', 'd.id', 'l.division_id')
    .select([
      'l.division_id',
      'd.path',
      sql<number>`sum(case when l.stage = 'lead' then 1 else 0 end)`.as('stage_lead'),
      sql<number>`sum(case when l.stage = 'talks' then 1 else 0 end)`.as('stage_talks'),
      sql<number>`sum(case when l.stage = 'signed' then 1 else 0 end)`.as('stage_signed'),
      sql<number>`sum(case when l.stage = 'landed' then 1 else 0 end)`.as('stage_landed'),
      sql<number>`sum(case when l.stage = 'dropped' then 1 else 0 end)`.as('stage_dropped'),
      sql<number>`sum(case when ${inPeriod('l.first_contact_on', period)} then 1 else 0 end)`.as('new_leads'),
      sql<number>`sum(case when ${signedIn(period)} then 1 else 0 end)`.as('signed_count'),
      sql<number>`sum(case when ${signedIn(period)} then coalesce(l.contract_fen, 0) else 0 end)`.as('contract_fen'),
      sql<number>`sum(case when ${landedIn(period)} then 1 else 0 end)`.as('landed_count'),
      sql<number>`sum(case when ${landedIn(period)} then coalesce(l.landed_fen, 0) else 0 end)`.as('landed_fen'),
    ])
    .where(divisionInScope('l.division_id', scopePath))
    .where('l.archived_at', 'is', null)
    .groupBy(['l.division_id', 'd.path']);
  if (subtreePath) query = query.where(divisionInScope('l.division_id', subtreePath));
  return query.execute();
}

export async function talentsByDivision(db: Executor, scopePath: string | null, subtreePath: string | null, period: Period) {
  let query = db
    .selectFrom('talent_intakes as t')
    .innerJoin('divisions as d', 'd.id', 't.division_id')
    .select(['t.division_id', 'd.path', sql<number>`sum(t.count)`.as('talents')])
    .where(divisionInScope('t.division_id', scopePath))
    .where('t.archived_at', 'is', null)
    .where(inPeriod('t.date', period))
    .groupBy(['t.division_id', 'd.path']);
  if (subtreePath) query = query.where(divisionInScope('t.division_id', subtreePath));
  return query.execute();
}

export async function leadFiguresByYear(db: Executor, scopePath: string | null, subtreePath: string | null, period: Period) {
  const year = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 4)`;
  let signed = db
    .selectFrom('investment_leads as l')
    .select([year('l.signed_on').as('year'), sql<number>`count(*)`.as('n'), sql<number>`sum(coalesce(l.contract_fen, 0))`.as('fen')])
    .where(divisionInScope('l.division_id', scopePath))
    .where('l.archived_at', 'is', null)
    .where(signedIn(period))
    .groupBy(year('l.signed_on'));
  let landed = db
    .selectFrom('investment_leads as l')
    .select([year('l.landed_on').as('year'), sql<number>`count(*)`.as('n'), sql<number>`sum(coalesce(l.landed_fen, 0))`.as('fen')])
    .where(divisionInScope('l.division_id', scopePath))
    .where('l.archived_at', 'is', null)
    .where(landedIn(period))
    .groupBy(year('l.landed_on'));
  let talents = db
    .selectFrom('talent_intakes as t')
    .select([year('t.date').as('year'), sql<number>`sum(t.count)`.as('n')])
    .where(divisionInScope('t.division_id', scopePath))
    .where('t.archived_at', 'is', null)
    .where(inPeriod('t.date', period))
    .groupBy(year('t.date'));
  if (subtreePath) {
    signed = signed.where(divisionInScope('l.division_id', subtreePath));
    landed = landed.where(divisionInScope('l.division_id', subtreePath));
    talents = talents.where(divisionInScope('t.division_id', subtreePath));
  }
  const [s, l, t] = await Promise.all([signed.execute(), landed.execute(), talents.execute()]);
  return { signed: s, landed: l, talents: t };
}
