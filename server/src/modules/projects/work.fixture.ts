import type { Db } from '../../db/database.ts';

/**
 * Registry rows the work tests link to, inserted straight into the tables (the registry's own API
 * is tested in its module). Each helper returns the new id.
 */
export function workFixture(db: Db, at = '2026-11-01T00:00:00.000Z') {
  const stamps = { created_at: at, updated_at: at };
  return {
    async organisation(divisionId: number, name: string, type = 'chamber'): Promise<number> {
      const row = await db.insertInto('organisations').values({ division_id: divisionId, name, type, ...stamps }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async person(divisionId: number, name: string, organisationId: number | null = null, phone: string | null = '13912345678'): Promise<number> {
      const row = await db
        .insertInto('people')
        .values({ division_id: divisionId, name, organisation_id: organisationId, phone, ...stamps })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async brand(divisionId: number, name: string): Promise<number> {
      const row = await db.insertInto('brands').values({ division_id: divisionId, name, ...stamps }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async venue(divisionId: number, name: string): Promise<number> {
      const row = await db
        .insertInto('venues')
        .values({ division_id: divisionId, name, type: 'service_station', level: 'town', is_public: 0, ...stamps })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async archive(table: 'organisations' | 'people' | 'venues' | 'brands', id: number): Promise<void> {
      await db.updateTable(table as 'organisations').set({ archived_at: at }).where('id', '=', id).execute();
    },
  };
}
