/*
 * Where each dashboard figure drills down to: the list (`GET /api/<list>` and the web page
 * `/<list>`) and the query filters that reproduce the records counted. One place, so the web page,
 * the briefing and the tests agree. The contract is described in server/src/modules/dashboard/README.md.
 */

export type DrillFigure =
  | 'organisations' // key: organisation type (optional)
  | 'members' // key: organisation type (optional): the organisations whose members are counted
  | 'venues.level' // key: venue level
  | 'venues.stars' // key: '1'…'5' | 'none'
  | 'venues'
  | 'projects' // key: status (optional)
  | 'projects.overdue'
  | 'activities' // key: activity kind (optional); month: 'YYYY-MM' narrows the period to that month
  | 'pairings' // key: programme id
  | 'needs' // key: claim state (optional)
  | 'cases' // key: dispatch state (optional); unitKey 'organisation:12' for a ranking row
  | 'competitions'
  | 'money'
  | 'investment.stage' // key: lead stage
  | 'investment.signed'
  | 'talents' // list 'talent-intakes'
  | 'articles'; // key: media level or 'unknown' (optional)

export interface DrillInput {
  /** The division shown; null or absent for "all divisions" (the lists then cover the reader's whole scope, as the figure does). */
  divisionId?: number | null;
  from: string;
  to: string;
  key?: string;
  month?: string;
  unitKey?: string;
}

export interface DrillTarget {
  /** The list: API `GET /api/<list>`, web page `/<list>` (or `/<list>/<id>` when `id` is set). */
  list: string;
  id?: number;
  query: Record<string, string>;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The filtered list behind a figure.
 *
 * @example
 * drillDown('activities', { divisionId: 7, from: '2026-01-01', to: '2026-06-30', key: 'training' })
 * // → { list: 'activities', query: { divisionId: '7', from: '2026-01-01', to: '2026-06-30', kind: 'training' } }
 */
export function drillDown(figure: DrillFigure, input: DrillInput): DrillTarget {
  // Spread into every query: no `divisionId` at "all divisions", so the list covers the whole scope.
  const divisionId: Record<string, string> = input.divisionId ? { divisionId: String(input.divisionId) } : {};
  const key = input.key;
  const withKey = (name: string): Record<string, string> => (key ? { [name]: key } : {});
  switch (figure) {
    case 'organisations':
    case 'members':
      return { list: 'organisations', query: { ...divisionId, ...withKey('type') } };
    case 'venues':
      return { list: 'venues', query: { ...divisionId } };
    case 'venues.level':
      return { list: 'venues', query: { ...divisionId, ...withKey('level') } };
    case 'venues.stars':
      return { list: 'venues', query: { ...divisionId, ...withKey('stars') } };
    case 'projects':
      return { list: 'projects', query: { ...divisionId, ...withKey('status') } };
    case 'projects.overdue':
      return { list: 'projects', query: { ...divisionId, overdue: 'true' } };
    case 'activities': {
      let { from, to } = input;
      if (input.month) {
        const monthFrom = `${input.month}-01`;
        const monthTo = lastDayOfMonth(input.month);
        from = monthFrom > from ? monthFrom : from;
        to = monthTo < to ? monthTo : to;
      }
      return { list: 'activities', query: { ...divisionId, from, to, ...withKey('kind') } };
    }
    case 'pairings':
      return { list: 'pairings', id: Number(key), query: {} };
    case 'needs':
      return { list: 'needs', query: { ...divisionId, ...withKey('state') } };
    case 'cases': {
      // The cases list takes `to` as an exclusive bound.
      const query: Record<string, string> = { ...divisionId, from: input.from, to: addDays(input.to, 1), ...withKey('state') };
      if (input.unitKey) {
        const [unitType, unitId] = input.unitKey.split(':');
        query.unitType = unitType!;
        query.unitId = unitId!;
      }
      return { list: 'cases', query };
    }
    case 'competitions':
      return { list: 'competitions', query: { ...divisionId } };
    case 'money':
      return { list: 'campaigns', query: { ...divisionId } };
    case 'investment.stage':
      return { list: 'leads', query: { ...divisionId, ...withKey('stage') } };
    case 'investment.signed':
      return { list: 'leads', query: { ...divisionId, signedFrom: input.from, signedTo: input.to } };
    case 'talents':
      return { list: 'talent-intakes', query: { ...divisionId, from: input.from, to: input.to } };
    case 'articles':
      return { list: 'articles', query: { ...divisionId, from: input.from, to: input.to, ...withKey('level') } };
  }
}
