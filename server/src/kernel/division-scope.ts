import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The scope filter every repo applies: `column` holds a division id that must lie in the subtree
 * whose materialised path is `scopePath`. A null scope (system admin) filters nothing.
 *
 * @example
 * db.selectFrom('users').where(divisionInScope('users.division_id', actor.scopePath))
 */
export function divisionInScope(column: string, scopePath: string | null): RawBuilder<SqlBool> {
  if (scopePath === null) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(column)} in (select scope_d.id from divisions scope_d where scope_d.path like ${`${scopePath}%`})`;
}
