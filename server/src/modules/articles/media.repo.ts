import type { MediaLevelCode, Medium } from '@tongxin/core';
import type { MediaEntry } from '@tongxin/core/articles/index';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { MediaTable } from '../../db/types-publicity.ts';

export type MediumRow = Selectable<MediaTable>;

function aliasesOf(row: MediumRow): string[] {
  const value: unknown = JSON.parse(row.aliases);
  return Array.isArray(value) ? value.map(String) : [];
}

export function toMedium(row: MediumRow): Medium {
  return {
    id: row.id,
    name: row.name,
    aliases: aliasesOf(row),
    level: row.level as MediaLevelCode,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listMedia(db: Executor, archived: 'false' | 'true' | 'all'): Promise<MediumRow[]> {
  let query = db.selectFrom('media').selectAll();
  if (archived === 'false') query = query.where('archived_at', 'is', null);
  if (archived === 'true') query = query.where('archived_at', 'is not', null);
  return query.orderBy('level').orderBy('name').execute();
}

export async function findMedium(db: Executor, id: number): Promise<MediumRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMediumByName(db: Executor, name: string, exceptId?: number) {
  let query = db.selectFrom('media').select('id').where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** The current managed list as article parsing takes it, with each entry's id by name. */
export async function mediaEntries(db: Executor): Promise<{ entries: MediaEntry[]; idByName: Map<string, number> }> {
  const rows = await listMedia(db, 'false');
  return {
    entries: rows.map((row) => ({ name: row.name, aliases: aliasesOf(row), level: row.level as MediaLevelCode })),
    idByName: new Map(rows.map((row) => [row.name, row.id])),
  };
}

export async function insertMedium(db: Executor, values: { name: string; aliases: string[]; level: MediaLevelCode }, at: string): Promise<number> {
  const row = await db
    .insertInto('media')
    .values({ name: values.name, aliases: JSON.stringify(values.aliases), level: values.level, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMedium(
  db: Executor,
  id: number,
  version: number,
  patch: { name?: string; aliases?: string[]; level?: MediaLevelCode; archivedAt?: string | null },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('media')
    .set((eb) => ({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.aliases !== undefined ? { aliases: JSON.stringify(patch.aliases) } : {}),
      ...(patch.level !== undefined ? { level: patch.level } : {}),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
