import type { MembershipRole, OrganisationType } from '@tongxin/core';
import type { SeedContext } from './context.ts';

/**
 * Batch inserts for the demo registry: at most 500 rows a statement, which keeps both engines
 * under their parameter limits and the whole registry seed well under a second.
 */

export interface OrgSeed {
  divisionId: number;
  name: string;
  type: OrganisationType;
  parentId?: number | null;
  foundedOn?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
  description?: string | null;
}

export interface PersonSeed {
  divisionId: number;
  name: string;
  phone: string | null;
  organisationId: number | null;
  position: string | null;
}

export interface MemberSeed {
  organisationId: number;
  memberOrganisationId?: number;
  memberPersonId?: number;
  role: MembershipRole;
  since: string | null;
}

const BATCH = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/** Insert organisations; returns their ids in input order (matched by division and name, which are unique). */
export async function insertOrganisations(ctx: SeedContext, rows: OrgSeed[]): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const batch of chunks(rows)) {
    const inserted = await ctx.db
      .insertInto('organisations')
      .values(
        batch.map((row) => ({
          division_id: row.divisionId,
          name: row.name,
          type: row.type,
          parent_id: row.parentId ?? null,
          founded_on: row.foundedOn ?? null,
          contact_name: row.contactName ?? null,
          contact_phone: row.contactPhone ?? null,
          address: row.address ?? null,
          description: row.description ?? null,
          created_at: ctx.at,
          updated_at: ctx.at,
        })),
      )
      .returning(['id', 'division_id', 'name'])
      .execute();
    for (const row of inserted) ids.set(`${row.division_id}|${row.name}`, row.id);
  }
  return rows.map((row) => ids.get(`${row.divisionId}|${row.name}`)!);
}

export async function insertPeople(ctx: SeedContext, rows: PersonSeed[]): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const batch of chunks(rows)) {
    const inserted = await ctx.db
      .insertInto('people')
      .values(
        batch.map((row) => ({
          division_id: row.divisionId,
          name: row.name,
          phone: row.phone,
          organisation_id: row.organisationId,
          position: row.position,
          created_at: ctx.at,
          updated_at: ctx.at,
        })),
      )
      .returning(['id', 'division_id', 'name'])
      .execute();
    for (const row of inserted) ids.set(`${row.division_id}|${row.name}`, row.id);
  }
  return rows.map((row) => ids.get(`${row.divisionId}|${row.name}`)!);
}

export async function insertMemberships(ctx: SeedContext, rows: MemberSeed[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await ctx.db
      .insertInto('memberships')
      .values(
        batch.map((row) => ({
          organisation_id: row.organisationId,
          member_organisation_id: row.memberOrganisationId ?? null,
          member_person_id: row.memberPersonId ?? null,
          role: row.role,
          since: row.since,
          until: null,
          created_at: ctx.at,
          updated_at: ctx.at,
        })),
      )
      .execute();
  }
}
