import type { Role } from '@tongxin/core';
import type { Executor } from '../db/database.ts';

/*
 * Who acts for a responsible unit — an organisation (its `organisation_handlers`) or a division's
 * office (the users attached to exactly that division) — asked by cases, needs, the direct channel,
 * the inbox and the outbox's reminders. Here in the kernel so that any module can ask without
 * depending on the cases module (which itself queues messages through the outbox).
 */

/** The roles with which a user attached to a division acts for that division's office. */
export const divisionUnitRoles: readonly Role[] = ['staff', 'handler', 'division_admin'];

/** A `users.roles` column; a damaged value is no roles. */
export function parseRoles(text: string): Role[] {
  try {
    return JSON.parse(text) as Role[];
  } catch {
    return [];
  }
}

/** The enabled users who act for a unit (who get its notifications). */
export async function handlersOfUnit(db: Executor, ref: { type: string; id: number }): Promise<number[]> {
  if (ref.type === 'division') {
    const rows = await db.selectFrom('users').select(['id', 'roles']).where('division_id', '=', ref.id).where('disabled', '=', 0).execute();
    return rows.filter((row) => parseRoles(row.roles).some((role) => divisionUnitRoles.includes(role))).map((row) => row.id);
  }
  const rows = await db
    .selectFrom('organisation_handlers as h')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select('u.id')
    .where('h.organisation_id', '=', ref.id)
    .where('u.disabled', '=', 0)
    .execute();
  return rows.map((row) => row.id);
}

/** The enabled staff and administrators attached to exactly this division (its office). */
export async function officeStaffOf(db: Executor, divisionId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select(['id', 'roles']).where('division_id', '=', divisionId).where('disabled', '=', 0).execute();
  return rows.filter((row) => parseRoles(row.roles).some((role) => role === 'staff' || role === 'division_admin')).map((row) => row.id);
}
