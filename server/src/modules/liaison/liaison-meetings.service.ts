import { quarterOf, quarterRange, type MeetingQuarter, type MeetingQuartersQuery } from '@tongxin/core';
import type { ActorContext } from '../../http/context.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { divisionFilterPath, todayOf } from '../projects/work-scope.ts';

/**
 * The four quarters of a year in a subtree: seminars (座谈会) held, their named attendees, and the
 * quarters that ended with none. A year holds few seminars per subtree, so they are read and
 * counted here rather than grouped in SQL that would differ between the engines.
 */
export async function quarters(ctx: ActorContext, query: MeetingQuartersQuery): Promise<MeetingQuarter[]> {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  let select = ctx.db
    .selectFrom('activities')
    .select((eb) => [
      'activities.date',
      eb.selectFrom('activity_attendees as a').whereRef('a.activity_id', '=', 'activities.id').select((e) => e.fn.countAll<number>().as('n')).as('attendees'),
    ])
    .where(divisionInScope('activities.division_id', ctx.actor.scopePath))
    .where('activities.kind', '=', 'seminar')
    .where('activities.archived_at', 'is', null)
    .where('activities.date', '>=', `${query.year}-01-01`)
    .where('activities.date', '<=', `${query.year}-12-31`);
  if (subtreePath) select = select.where(divisionInScope('activities.division_id', subtreePath));
  const meetings = await select.execute();
  const today = todayOf(ctx);
  return [1, 2, 3, 4].map((quarter) => {
    const range = quarterRange(query.year, quarter);
    const held = meetings.filter((m) => quarterOf(m.date) === quarter);
    return {
      quarter,
      ...range,
      meetings: held.length,
      attendees: held.reduce((sum, m) => sum + Number(m.attendees ?? 0), 0),
      missed: held.length === 0 && range.to < today,
    };
  });
}
