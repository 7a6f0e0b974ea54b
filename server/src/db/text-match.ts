import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Escape LIKE wildcards typed by a user so `%` and `_` match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * Case-insensitive substring match that behaves the same on SQLite (whose LIKE has no escape
 * character by default and folds ASCII case) and PostgreSQL (whose LIKE is case-sensitive).
 * Good for short admin lists; full-text search over large tables has its own index.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${`%${escapeLike(text)}%`}) escape '\\'`;
}
