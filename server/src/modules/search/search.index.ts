import type { SearchKind } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import { toSearchRows, type SearchDocumentInput, type SearchRow } from './search.tokens.ts';

export type { SearchDocumentInput } from './search.tokens.ts';

const batchSize = 200;

async function divisionPaths(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  const paths = new Map<number, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('divisions').select(['id', 'path']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const row of rows) paths.set(row.id, row.path);
  }
  return paths;
}

async function upsertRows(db: Executor, rows: SearchRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insertInto('search_documents')
      .values(rows.slice(i, i + batchSize))
      .onConflict((oc) =>
        oc.columns(['kind', 'record_id']).doUpdateSet((eb) => ({
          division_id: eb.ref('excluded.division_id'),
          title: eb.ref('excluded.title'),
          subtitle: eb.ref('excluded.subtitle'),
          body: eb.ref('excluded.body'),
          date: eb.ref('excluded.date'),
          norm_title: eb.ref('excluded.norm_title'),
          norm_body: eb.ref('excluded.norm_body'),
          title_tokens: eb.ref('excluded.title_tokens'),
          body_tokens: eb.ref('excluded.body_tokens'),
          pinyin_keys: eb.ref('excluded.pinyin_keys'),
          scope_tags: eb.ref('excluded.scope_tags'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Puts one record into the search index, or refreshes it. Call it in the transaction that writes
 * the record, so the index and the record change together. Archived records are removed instead
 * (see {@link removeDocument}): search shows what is current.
 *
 * @example
 * await indexDocument(trx, { kind: 'organisation', recordId: id, divisionId, title: name, body: description });
 */
export async function indexDocument(db: Executor, doc: SearchDocumentInput, at = new Date().toISOString()): Promise<void> {
  await indexDocuments(db, [doc], at);
}

/**
 * Many records at once (reindexing, demo data, imports): division paths are read once per batch.
 *
 * @example await indexDocuments(trx, rows.map(activityDocument));
 */
export async function indexDocuments(db: Executor, docs: SearchDocumentInput[], at = new Date().toISOString()): Promise<number> {
  if (docs.length === 0) return 0;
  const paths = await divisionPaths(db, docs.map((doc) => doc.divisionId));
  const rows = toSearchRows(docs, (divisionId) => paths.get(divisionId), at);
  await upsertRows(db, rows);
  return rows.length;
}

/**
 * Takes a record out of the index (archived or deleted). Nothing happens when it was not there.
 *
 * @example await removeDocument(trx, 'organisation', id);
 */
export async function removeDocument(db: Executor, kind: SearchKind, recordId: number): Promise<void> {
  await db.deleteFrom('search_documents').where('kind', '=', kind).where('record_id', '=', recordId).execute();
}
