import type { Executor } from '../../db/database.ts';

/*
 * What an audience check needs to know about a participant and about an audience's group. These
 * queries read the memberships, pairs and organisation tables directly (as attachments.owners
 * does), so the events module depends on neither the organisations nor the pairings module.
 */

export interface AudienceGroups {
  /** Organisations the participant acts for. */
  organisationIds: ReadonlySet<number>;
  /** Organisations (chambers, associations) those organisations are current members of. */
  memberOf: ReadonlySet<number>;
  /** Pairing programmes those organisations are currently paired in (either side). */
  programmes: ReadonlySet<number>;
}

/** The groups of a user's organisations on `today` (Shanghai date): three small queries. */
export async function audienceGroupsOf(db: Executor, userId: number, today: string): Promise<AudienceGroups> {
  const handled = await db.selectFrom('organisation_handlers').select('organisation_id').where('user_id', '=', userId).execute();
  const ids = handled.map((row) => row.organisation_id);
  if (!ids.length) return { organisationIds: new Set(), memberOf: new Set(), programmes: new Set() };
  const memberships = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('member_organisation_id', 'in', ids)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', today)]))
    .where((eb) => eb.or([eb('since', 'is', null), eb('since', '<=', today)]))
    .execute();
  const pairs = await db
    .selectFrom('pairs')
    .select('programme_id')
    .where((eb) => eb.or([eb('organisation_id', 'in', ids), eb('partner_organisation_id', 'in', ids)]))
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();
  return {
    organisationIds: new Set(ids),
    memberOf: new Set(memberships.map((row) => row.organisation_id)),
    programmes: new Set(pairs.map((row) => row.programme_id)),
  };
}

/** The division path of an audience's group (a live organisation, or a live programme), if it exists. */
export async function audienceTargetPath(db: Executor, audience: 'chamber_members' | 'programme', id: number): Promise<string | undefined> {
  if (audience === 'chamber_members') {
    const row = await db
      .selectFrom('organisations as o')
      .innerJoin('divisions as d', 'd.id', 'o.division_id')
      .select('d.path')
      .where('o.id', '=', id)
      .where('o.archived_at', 'is', null)
      .executeTakeFirst();
    return row?.path;
  }
  const row = await db
    .selectFrom('pairing_programmes as p')
    .innerJoin('divisions as d', 'd.id', 'p.division_id')
    .select('d.path')
    .where('p.id', '=', id)
    .where('p.archived_at', 'is', null)
    .executeTakeFirst();
  return row?.path;
}
