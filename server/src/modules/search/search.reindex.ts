import type { SearchKind } from '@tongxin/core';
import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import * as documents from './search.documents.ts';
import { indexDocuments } from './search.index.ts';
import type { SearchDocumentInput } from './search.tokens.ts';

type Row = Record<string, unknown> & { id: number; division_id: number };

/**
 * Where each kind comes from. Tables of other modules appear as the project grows (requests in
 * 0020, for instance), so each source names the columns it reads and is skipped, with a note,
 * when its table or a column is missing.
 */
export interface Source {
  kind: SearchKind;
  table: string;
  columns: string[];
  build(row: Row, names: Map<number, string>): SearchDocumentInput;
}

const str = (value: unknown) => (typeof value === 'string' ? value : null);
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export const sources: Source[] = [
  {
    kind: 'organisation',
    table: 'organisations',
    columns: ['name', 'description', 'address'],
    build: (row) => documents.organisationDocument({ ...row, name: String(row.name), description: str(row.description), address: str(row.address) }),
  },
  {
    kind: 'person',
    table: 'people',
    columns: ['name', 'position', 'organisation_id'],
    build: (row, names) => {
      const organisationId = num(row.organisation_id);
      return documents.personDocument({ ...row, name: String(row.name), position: str(row.position) }, organisationId === null ? null : names.get(organisationId));
    },
  },
  {
    kind: 'venue',
    table: 'venues',
    columns: ['name', 'address', 'description'],
    build: (row) => documents.venueDocument({ ...row, name: String(row.name), address: str(row.address), description: str(row.description) }),
  },
  {
    kind: 'project',
    table: 'projects',
    columns: ['title', 'goal', 'start_date'],
    build: (row) => documents.projectDocument({ ...row, title: String(row.title), goal: str(row.goal), start_date: str(row.start_date) }),
  },
  {
    kind: 'activity',
    table: 'activities',
    columns: ['title', 'summary', 'date'],
    build: (row) => documents.activityDocument({ ...row, title: String(row.title), summary: str(row.summary), date: str(row.date) }),
  },
  {
    kind: 'need',
    table: 'needs',
    columns: ['title', 'description', 'ticket_no', 'published_at', 'created_at'],
    build: (row) =>
      documents.needDocument({ ...row, title: String(row.title), description: str(row.description), ticket_no: str(row.ticket_no), published_at: str(row.published_at), created_at: str(row.created_at) }),
  },
  {
    kind: 'case',
    table: 'cases',
    columns: ['title', 'content', 'ticket_no', 'received_at'],
    build: (row) => documents.caseDocument({ ...row, title: String(row.title), content: str(row.content), ticket_no: str(row.ticket_no), received_at: str(row.received_at) }),
  },
  {
    kind: 'article',
    table: 'articles',
    columns: ['title', 'clean_text', 'source', 'published_on'],
    build: (row) =>
      documents.articleDocument({ ...row, title: String(row.title), clean_text: String(row.clean_text), source: str(row.source), published_on: str(row.published_on) }),
  },
];

/** True on PostgreSQL; the search index differs per engine only in its full-text part. */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column names of a table (empty when there is no such table), in the current schema. */
export async function columnsOf(db: Executor, table: string): Promise<Set<string>> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db);
    return new Set(rows.map((row) => row.column_name));
  }
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return new Set(rows.map((row) => row.name));
}

export async function organisationNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

/**
 * Rebuilds the whole search index from the records: every kind whose table exists, archived
 * records left out. Run after the demo seed, after a bulk import that bypassed the services, or
 * by `tongxin search reindex`. Returns how many records of each kind were indexed.
 *
 * @example const counts = await reindexAll(db); // { organisation: 4312, person: 820, … }
 */
export async function reindexAll(db: Executor, options: { log?: (line: string) => void; batch?: number } = {}): Promise<Record<string, number>> {
  const at = new Date().toISOString();
  const batch = options.batch ?? 2000;
  const counts: Record<string, number> = {};
  await db.deleteFrom('search_documents').execute();
  for (const source of sources) {
    const present = await columnsOf(db, source.table);
    const missing = ['id', 'division_id', ...source.columns].filter((column) => !present.has(column));
    if (missing.length > 0) {
      if (present.size > 0) options.log?.(`search: ${source.table} lacks ${missing.join(', ')}; not indexed`);
      continue;
    }
    let lastId = 0;
    let total = 0;
    for (;;) {
      const archived = present.has('archived_at') ? sql`and archived_at is null` : sql``;
      const { rows } = await sql<Row>`select ${sql.join(['id', 'division_id', ...source.columns].map((column) => sql.ref(column)))}
        from ${sql.table(source.table)} where id > ${lastId} ${archived} order by id limit ${batch}`.execute(db);
      if (rows.length === 0) break;
      const names = source.kind === 'person' ? await organisationNames(db, rows.flatMap((row) => (row.organisation_id ? [Number(row.organisation_id)] : []))) : new Map<number, string>();
      total += await indexDocuments(db, rows.map((row) => source.build({ ...row, id: Number(row.id), division_id: Number(row.division_id) }, names)), at);
      lastId = Number(rows.at(-1)!.id);
    }
    counts[source.kind] = total;
  }
  if (!isPostgres(db)) await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
  return counts;
}
