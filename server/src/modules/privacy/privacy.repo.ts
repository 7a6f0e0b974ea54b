import type { PhoneHolding } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

/** Each place a phone number is stored in clear, read within a subtree. Phones are stored normalised. */
export async function findPhoneHoldings(db: Executor, phone: string, scopePath: string | null): Promise<PhoneHolding[]> {
  const [people, users, organisations, resources, cases, needs] = await Promise.all([
    db
      .selectFrom('people as p')
      .innerJoin('divisions as d', 'd.id', 'p.division_id')
      .select(['p.id', 'p.name as label', 'd.name as division_name', 'p.archived_at', 'p.created_at'])
      .where('p.phone', '=', phone)
      .where(divisionInScope('p.division_id', scopePath))
      .execute(),
    db
      .selectFrom('users as u')
      .leftJoin('divisions as d', 'd.id', 'u.division_id')
      .select(['u.id', 'u.display_name as label', 'd.name as division_name', 'u.disabled', 'u.created_at'])
      .where('u.phone', '=', phone)
      .where(divisionInScope('u.division_id', scopePath))
      .execute(),
    db
      .selectFrom('organisations as o')
      .innerJoin('divisions as d', 'd.id', 'o.division_id')
      .select(['o.id', 'o.name as label', 'd.name as division_name', 'o.archived_at', 'o.created_at'])
      .where('o.contact_phone', '=', phone)
      .where(divisionInScope('o.division_id', scopePath))
      .execute(),
    db
      .selectFrom('resources as r')
      .innerJoin('divisions as d', 'd.id', 'r.division_id')
      .select(['r.id', 'r.name as label', 'd.name as division_name', 'r.archived_at', 'r.created_at'])
      .where('r.contact_phone', '=', phone)
      .where(divisionInScope('r.division_id', scopePath))
      .execute(),
    db
      .selectFrom('cases as c')
      .innerJoin('divisions as d', 'd.id', 'c.division_id')
      .select(['c.id', 'c.title as label', 'd.name as division_name', 'c.state', 'c.created_at'])
      .where('c.submitter_phone', '=', phone)
      .where(divisionInScope('c.division_id', scopePath))
      .execute(),
    db
      .selectFrom('needs as n')
      .innerJoin('divisions as d', 'd.id', 'n.division_id')
      .select(['n.id', 'n.title as label', 'd.name as division_name', 'n.state', 'n.created_at'])
      .where('n.submitter_phone', '=', phone)
      .where(divisionInScope('n.division_id', scopePath))
      .execute(),
  ]);
  const archived = (at: string | null) => (at ? 'archived' : 'current');
  return [
    ...people.map((r) => ({ kind: 'person' as const, id: r.id, label: r.label, divisionName: r.division_name, status: archived(r.archived_at), createdAt: r.created_at })),
    ...users.map((r) => ({ kind: 'user' as const, id: r.id, label: r.label, divisionName: r.division_name, status: r.disabled ? 'disabled' : 'current', createdAt: r.created_at })),
    ...organisations.map((r) => ({ kind: 'organisation_contact' as const, id: r.id, label: r.label, divisionName: r.division_name, status: archived(r.archived_at), createdAt: r.created_at })),
    ...resources.map((r) => ({ kind: 'resource_contact' as const, id: r.id, label: r.label, divisionName: r.division_name, status: archived(r.archived_at), createdAt: r.created_at })),
    ...cases.map((r) => ({ kind: 'case_submitter' as const, id: r.id, label: r.label, divisionName: r.division_name, status: r.state, createdAt: r.created_at })),
    ...needs.map((r) => ({ kind: 'need_submitter' as const, id: r.id, label: r.label, divisionName: r.division_name, status: r.state, createdAt: r.created_at })),
  ];
}

/** Vote codes ever sent to a number, matched on its one-way hash. */
export async function countVoteCodes(db: Executor, phoneHash: string): Promise<number> {
  const row = await db.selectFrom('vote_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('phone_hash', '=', phoneHash).executeTakeFirstOrThrow();
  return Number(row.n);
}
