import type { SearchKind } from '@tongxin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { indexDocuments, removeDocument } from './search.index.ts';
import { columnsOf, organisationNames, sources } from './search.reindex.ts';

/**
 * Brings the search index in line with records just written: each is read back from its table
 * (the same columns `reindexAll` reads) and indexed, or removed when it is archived or gone. Call
 * it in the transaction of the write, after the write, so a module needs one line and never has
 * to know which columns the index uses.
 *
 * @example await syncSearch(trx, 'organisation', [id]);
 */
export async function syncSearch(db: Executor, kind: SearchKind, ids: number[], at = new Date().toISOString()): Promise<void> {
  const source = sources.find((candidate) => candidate.kind === kind);
  if (!source || ids.length === 0) return;
  const present = await columnsOf(db, source.table);
  const archived = present.has('archived_at');
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const columns = ['id', 'division_id', ...source.columns, ...(archived ? ['archived_at'] : [])];
    const { rows } = await sql<Record<string, unknown> & { id: number; division_id: number }>`select ${sql.join(columns.map((column) => sql.ref(column)))}
      from ${sql.table(source.table)} where id in (${sql.join(chunk)})`.execute(db);
    const live = rows.filter((row) => !archived || row.archived_at === null || row.archived_at === undefined);
    const liveIds = new Set(live.map((row) => Number(row.id)));
    for (const id of chunk) if (!liveIds.has(id)) await removeDocument(db, kind, id);
    const names = kind === 'person' ? await organisationNames(db, live.flatMap((row) => (row.organisation_id ? [Number(row.organisation_id)] : []))) : new Map<number, string>();
    await indexDocuments(db, live.map((row) => source.build({ ...row, id: Number(row.id), division_id: Number(row.division_id) }, names)), at);
    // A person's document shows their organisation's name: a renamed organisation refreshes them.
    if (kind === 'organisation') await syncSearch(db, 'person', await peopleOf(db, chunk), at);
  }
}

async function peopleOf(db: Executor, organisationIds: number[]): Promise<number[]> {
  const rows = await db.selectFrom('people').select('id').where('organisation_id', 'in', organisationIds).where('archived_at', 'is', null).execute();
  return rows.map((row) => row.id);
}
