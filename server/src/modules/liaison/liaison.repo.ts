import { maskPhone, type Contact, type ContactKind, type Relationship } from '@tongxin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { RelationshipRow } from '../../db/types-work.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

export type RelationshipWithNames = RelationshipRow & {
  division_name: string;
  division_path: string;
  cadre_name: string;
  person_name: string;
  person_phone: string | null;
  person_position: string | null;
  organisation_name: string | null;
  contact_count: number | string | null;
  last_contact_date: string | null;
};

/** Current on `today`, and no contact since `since` (a relationship younger than that is not yet due). */
export function isContactDue(row: Pick<RelationshipRow, 'since' | 'until' | 'archived_at'> & { last_contact_date: string | null }, today: string, since: string): boolean {
  const current = row.archived_at === null && (row.until === null || row.until >= today);
  if (!current || row.since > since) return false;
  return row.last_contact_date === null || row.last_contact_date < since;
}

export function toRelationship(row: RelationshipWithNames, today: string, since: string): Relationship {
  return {
    id: row.id,
    divisionId: row.division_id,
    divisionName: row.division_name,
    cadre: { id: row.cadre_user_id, name: row.cadre_name },
    person: { id: row.person_id, name: row.person_name, organisationName: row.organisation_name, position: row.person_position, phone: maskPhone(row.person_phone) },
    since: row.since,
    until: row.until,
    note: row.note,
    contactCount: Number(row.contact_count ?? 0),
    lastContactDate: row.last_contact_date,
    contactDue: isContactDue(row, today, since),
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectRelationships(db: Executor) {
  return db
    .selectFrom('liaison_relationships as r')
    .innerJoin('divisions as d', 'd.id', 'r.division_id')
    .innerJoin('users as u', 'u.id', 'r.cadre_user_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .selectAll('r')
    .select([
      'd.name as division_name',
      'd.path as division_path',
      'u.display_name as cadre_name',
      'p.name as person_name',
      'p.phone as person_phone',
      'p.position as person_position',
      'o.name as organisation_name',
    ])
    .select((eb) => [
      eb.selectFrom('liaison_contacts as c').whereRef('c.relationship_id', '=', 'r.id').select((e) => e.fn.countAll<number>().as('n')).as('contact_count'),
      eb.selectFrom('liaison_contacts as c').whereRef('c.relationship_id', '=', 'r.id').select((e) => e.fn.max('c.date').as('d')).as('last_contact_date'),
    ]);
}

export async function findRelationship(db: Executor, id: number): Promise<RelationshipWithNames | undefined> {
  return selectRelationships(db).where('r.id', '=', id).executeTakeFirst();
}

export interface RelationshipSearch {
  scopePath: string | null;
  subtreePath?: string | undefined;
  q?: string | undefined;
  cadreUserId?: number | undefined;
  personId?: number | undefined;
  /** Reminders: current relationships with no contact since `since`. */
  dueOnly?: boolean;
  today: string;
  since: string;
  page: number;
  pageSize: number;
}

/** The list's filters (scope first), shared by the paged list and the export's keyset walk. */
function filteredRelationships(db: Executor, search: Omit<RelationshipSearch, 'page' | 'pageSize'>) {
  let base = selectRelationships(db).where(divisionInScope('r.division_id', search.scopePath));
  if (search.subtreePath) base = base.where(divisionInScope('r.division_id', search.subtreePath));
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('p.name', q), containsText('u.display_name', q)]));
  }
  if (search.cadreUserId) base = base.where('r.cadre_user_id', '=', search.cadreUserId);
  if (search.personId) base = base.where('r.person_id', '=', search.personId);
  if (search.dueOnly) {
    base = base
      .where('r.archived_at', 'is', null)
      .where((eb) => eb.or([eb('r.until', 'is', null), eb('r.until', '>=', search.today)]))
      .where('r.since', '<=', search.since)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('liaison_contacts as c').select('c.id').whereRef('c.relationship_id', '=', 'r.id').where('c.date', '>=', search.since))));
  } else {
    base = base.where('r.archived_at', 'is', null);
  }
  return base;
}

export async function searchRelationships(db: Executor, search: RelationshipSearch) {
  const base = filteredRelationships(db, search);
  // Longest without contact first for reminders; newest first otherwise. PostgreSQL cannot order
  // by an expression over an output alias, so the expression is spelled out.
  const lastContact = sql<string>`coalesce((select max(c2.date) from liaison_contacts c2 where c2.relationship_id = r.id), '0000-00-00')`;
  const ordered = search.dueOnly ? base.orderBy(lastContact).orderBy('r.id') : base.orderBy('r.id', 'desc');
  const [rows, count] = await Promise.all([
    ordered.limit(search.pageSize).offset((search.page - 1) * search.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((row) => toRelationship(row, search.today, search.since)), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

/** One export page: the filtered relationships with id > afterId, by ascending id (keyset, no OFFSET). */
export async function relationshipsAfter(db: Executor, search: Omit<RelationshipSearch, 'page' | 'pageSize'>, afterId: number, limit: number) {
  return filteredRelationships(db, search).where('r.id', '>', afterId).orderBy('r.id').limit(limit).execute();
}

export async function findCurrentRelationship(db: Executor, cadreUserId: number, personId: number, today: string) {
  return db
    .selectFrom('liaison_relationships')
    .select('id')
    .where('cadre_user_id', '=', cadreUserId)
    .where('person_id', '=', personId)
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', today)]))
    .executeTakeFirst();
}

export async function insertRelationship(
  db: Executor,
  values: { divisionId: number; cadreUserId: number; personId: number; since: string; note: string | null; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('liaison_relationships')
    .values({
      division_id: values.divisionId,
      cadre_user_id: values.cadreUserId,
      person_id: values.personId,
      since: values.since,
      note: values.note,
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRelationship(db: Executor, id: number, version: number, patch: { until?: string | null; note?: string | null }, at: string): Promise<boolean> {
  const result = await db
    .updateTable('liaison_relationships')
    .set((eb) => ({ ...patch, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

type ContactWithNames = { id: number; relationship_id: number; kind: string; date: string; note: string | null; created_by: number | null; created_at: string; created_by_name: string | null };

function toContact(row: ContactWithNames): Contact {
  return {
    id: row.id,
    relationshipId: row.relationship_id,
    kind: row.kind as ContactKind,
    date: row.date,
    note: row.note,
    createdBy: row.created_by === null ? null : { id: row.created_by, name: row.created_by_name ?? '' },
    createdAt: row.created_at,
  };
}

function selectContacts(db: Executor) {
  return db.selectFrom('liaison_contacts as c').leftJoin('users as u', 'u.id', 'c.created_by').selectAll('c').select('u.display_name as created_by_name');
}

export async function findContact(db: Executor, id: number): Promise<Contact | undefined> {
  const row = await selectContacts(db).where('c.id', '=', id).executeTakeFirst();
  return row && toContact(row);
}

export async function listContacts(db: Executor, relationshipId: number, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    selectContacts(db)
      .where('c.relationship_id', '=', relationshipId)
      .orderBy('c.date', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db.selectFrom('liaison_contacts').where('relationship_id', '=', relationshipId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toContact), total: Number(count.n), page, pageSize };
}

export async function insertContact(db: Executor, values: { relationshipId: number; kind: ContactKind; date: string; note: string | null; createdBy: number; at: string }): Promise<number> {
  const row = await db
    .insertInto('liaison_contacts')
    .values({ relationship_id: values.relationshipId, kind: values.kind, date: values.date, note: values.note, created_by: values.createdBy, created_at: values.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
