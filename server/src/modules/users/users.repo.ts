import type { Locale, Role, User } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { UserRow } from '../../db/types.ts';
import { containsText } from '../../db/text-match.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';

type UserWithDivision = UserRow & { division_name: string | null; division_path: string | null };

export function toUser(row: UserWithDivision): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    divisionId: row.division_id,
    divisionName: row.division_name,
    roles: JSON.parse(row.roles) as Role[],
    phone: row.phone,
    disabled: row.disabled === 1,
    locale: row.locale as Locale,
    lastSignInAt: row.last_sign_in_at,
    lockedAt: row.locked_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectUsers(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('divisions', 'divisions.id', 'users.division_id')
    .selectAll('users')
    .select(['divisions.name as division_name', 'divisions.path as division_path']);
}

export async function findUserById(db: Executor, id: number): Promise<UserWithDivision | undefined> {
  return selectUsers(db).where('users.id', '=', id).executeTakeFirst();
}

/** User names are stored lower-case, so sign-in and uniqueness ignore case on both engines. */
export async function findUserByUsername(db: Executor, username: string): Promise<UserWithDivision | undefined> {
  return selectUsers(db).where('users.username', '=', username.toLowerCase()).executeTakeFirst();
}

export interface UserSearch {
  scopePath: string | null;
  q?: string | undefined;
  divisionId?: number | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function searchUsers(db: Executor, search: UserSearch) {
  let base = db.selectFrom('users').leftJoin('divisions', 'divisions.id', 'users.division_id');
  if (search.scopePath !== null) {
    base = base.where(divisionInScope('users.division_id', search.scopePath));
  }
  if (search.q) {
    const q = search.q;
    base = base.where((eb) => eb.or([containsText('users.username', q), containsText('users.display_name', q)]));
  }
  if (search.divisionId) base = base.where('users.division_id', '=', search.divisionId);
  // Roles are a JSON array of plain words: a quoted match is exact and works on both engines.
  if (search.role) base = base.where('users.roles', 'like', `%"${search.role}"%`);
  if (search.disabled !== undefined) base = base.where('users.disabled', '=', search.disabled ? 1 : 0);
  const [rows, count] = await Promise.all([
    base
      .selectAll('users')
      .select(['divisions.name as division_name', 'divisions.path as division_path'])
      .orderBy('users.id')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUser), total: Number(count.n), page: search.page, pageSize: search.pageSize };
}

export async function countUsersInScope(db: Executor, scopePath: string | null): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(divisionInScope('users.division_id', scopePath))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Executor,
  values: { username: string; displayName: string; passwordHash: string; divisionId: number | null; roles: Role[]; phone: string | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: values.username.toLowerCase(),
      display_name: values.displayName,
      password_hash: values.passwordHash,
      division_id: values.divisionId,
      roles: JSON.stringify(values.roles),
      phone: values.phone,
      disabled: 0,
      locale: 'zh-CN',
      password_changed_at: values.at,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserPatch {
  displayName?: string;
  divisionId?: number | null;
  roles?: Role[];
  phone?: string | null;
  disabled?: boolean;
  passwordHash?: string;
}

/** Apply a patch; with `version` the update only happens when it still matches (else undefined). */
export async function updateUser(db: Executor, id: number, patch: UserPatch, at: string, version?: number): Promise<boolean> {
  let query = db
    .updateTable('users')
    .set((eb) => ({
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.divisionId !== undefined ? { division_id: patch.divisionId } : {}),
      ...(patch.roles !== undefined ? { roles: JSON.stringify(patch.roles) } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash, password_changed_at: at } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Bookkeeping that is not an edit: it neither bumps the version nor touches `updated_at`. */
export async function setLastSignIn(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

export async function setLocale(db: Executor, id: number, locale: Locale): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', id).execute();
}

/** Lock (at) or unlock (null) an account; unlocking also forgets its failed sign-ins. */
export async function lockAccount(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('users').set({ locked_at: at }).where('id', '=', id).where('locked_at', 'is', null).execute();
}

export async function unlockAccount(db: Executor, id: number, username: string, at: string): Promise<void> {
  await db.updateTable('users').set({ locked_at: null, updated_at: at, version: (eb) => eb('version', '+', 1) }).where('id', '=', id).execute();
  await db.deleteFrom('sign_in_attempts').where('username', '=', username).where('success', '=', 0).execute();
}
