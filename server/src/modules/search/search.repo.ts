import type { SearchKind } from '@tongxin/core';
import { sql } from 'kysely';
import type { Dialect, Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import type { ParsedQuery } from './search.tokens.ts';

/** A record the index proposes for a query; the service checks and ranks it. */
export interface Candidate {
  id: number;
  kind: string;
  record_id: number;
  division_id: number;
  division_name: string;
  title: string;
  subtitle: string | null;
  body: string;
  date: string | null;
  norm_title: string;
  norm_body: string;
  pinyin_keys: string;
}

export interface CandidateSearch {
  kind: SearchKind;
  query: ParsedQuery;
  /** Materialised path of the actor's division, or null for the whole tree. */
  scopePath: string | null;
  /** `title`: title and pinyin only (asked first, so title hits survive common words); `all`: bodies too. */
  phase: 'title' | 'all';
  limit: number;
}

const cjk = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u;

/** Latin words and numbers of two or more characters match as prefixes (`ab` finds `abc`). */
function isPrefixTerm(term: string): boolean {
  return !cjk.test(term) && term.length >= 2;
}

/** FTS5 query text. Terms hold only letters and digits (see `textTokens`), so quoting is enough. */
function ftsQuery(search: CandidateSearch): string {
  const { query } = search;
  const terms = query.terms.flat().map((term) => `"${term}"${isPrefixTerm(term) ? '*' : ''}`);
  const columns = search.phase === 'title' ? '{title_tokens}' : '{title_tokens body_tokens}';
  const alternatives: string[] = [];
  if (terms.length > 0) alternatives.push(`(${columns} : (${terms.join(' AND ')}))`);
  if (query.pinyin) alternatives.push(`(pinyin_keys : "${query.pinyin}"*)`);
  const scopeId = search.scopePath?.split('/').filter(Boolean).at(-1);
  return [`(${alternatives.join(' OR ')})`, `scope_tags : "k${search.kind}"`, ...(scopeId ? [`scope_tags : "d${scopeId}"`] : [])].join(' AND ');
}

/** PostgreSQL tsquery text of the same query (lexemes are letters and digits only). */
function tsQuery(terms: string[]): string {
  return terms.map((term) => `'${term}'${isPrefixTerm(term) ? ':*' : ''}`).join(' & ');
}

function selectCandidates(db: Executor) {
  return db
    .selectFrom('search_documents as s')
    .innerJoin('divisions as d', 'd.id', 's.division_id')
    .select([
      's.id',
      's.kind',
      's.record_id',
      's.division_id',
      'd.name as division_name',
      's.title',
      's.subtitle',
      's.body',
      's.date',
      's.norm_title',
      's.norm_body',
      's.pinyin_keys',
    ]);
}

/**
 * Records of one kind in the actor's subtree whose index terms match, newest index entry first.
 * On SQLite the FTS5 table is walked in rowid order and stops at `limit`, so a one-character query
 * that matches half the table costs no more than a rare one. The division filter is applied in
 * SQL as well as through the index tags: the tags make it fast, the filter makes it right.
 *
 * @example await findCandidates(db, 'sqlite', { kind: 'person', query: parseQuery('王'), scopePath: '/1/2/', phase: 'title', limit: 40 })
 */
export async function findCandidates(db: Executor, dialect: Dialect, search: CandidateSearch): Promise<Candidate[]> {
  const { query } = search;
  const terms = query.terms.flat();
  if (terms.length === 0 && !query.pinyin) return [];
  if (dialect === 'sqlite') {
    return selectCandidates(db)
      .innerJoin(sql<{ rowid: number }>`(select rowid from search_fts where search_fts match ${ftsQuery(search)} order by rowid desc limit ${search.limit * 2})`.as('f'), 'f.rowid', 's.id')
      .where(divisionInScope('s.division_id', search.scopePath))
      .orderBy('s.id', 'desc')
      .limit(search.limit)
      .execute();
  }
  const column = sql.ref(search.phase === 'title' ? 's.title_tsv' : 's.doc_tsv');
  return selectCandidates(db)
    .where('s.kind', '=', search.kind)
    .where(divisionInScope('s.division_id', search.scopePath))
    .where((eb) => {
      const alternatives = [];
      if (terms.length > 0) alternatives.push(sql<boolean>`${column} @@ cast(${tsQuery(terms)} as tsquery)`);
      if (query.pinyin) alternatives.push(sql<boolean>`s.title_tsv @@ cast(${`'${query.pinyin}':*`} as tsquery)`);
      return eb.or(alternatives);
    })
    .orderBy('s.id', 'desc')
    .limit(search.limit)
    .execute();
}

/**
 * Both phases for one kind: title matches and title-or-body matches, each up to `limit`, marked
 * with the phase that found them (a record can come twice). On SQLite one statement with two FTS
 * look-ups; on PostgreSQL two queries.
 *
 * @example const { title, all } = await findCandidatesBothPhases(db, 'sqlite', { kind: 'activity', query, scopePath, limit: 40 });
 */
export async function findCandidatesBothPhases(
  db: Executor,
  dialect: Dialect,
  search: Omit<CandidateSearch, 'phase'>,
): Promise<{ title: Candidate[]; all: Candidate[] }> {
  if (search.query.terms.flat().length === 0 && !search.query.pinyin) return { title: [], all: [] };
  if (dialect !== 'sqlite') {
    const title = await findCandidates(db, dialect, { ...search, phase: 'title' });
    return { title, all: title.length < search.limit ? await findCandidates(db, dialect, { ...search, phase: 'all' }) : [] };
  }
  const lookup = (phase: 'title' | 'all') =>
    sql`select rowid, ${phase === 'title' ? 0 : 1} as phase from (select rowid from search_fts where search_fts match ${ftsQuery({ ...search, phase })} order by rowid desc limit ${search.limit})`;
  const rows = await selectCandidates(db)
    .innerJoin(sql<{ rowid: number; phase: number }>`(${lookup('title')} union all ${lookup('all')})`.as('f'), 'f.rowid', 's.id')
    .select('f.phase')
    .where(divisionInScope('s.division_id', search.scopePath))
    .execute();
  const byPhase = (phase: number) => rows.filter((row) => row.phase === phase).sort((a, b) => b.id - a.id);
  return { title: byPhase(0), all: byPhase(1) };
}

/** Kinds that have at least one record in the index (cheap: one index probe per kind). */
export async function kindsPresent(db: Executor, kinds: readonly SearchKind[]): Promise<Set<string>> {
  const probes = kinds.map((kind) => sql<{ kind: string }>`select kind from (select kind from search_documents where kind = ${kind} limit 1) as probe`);
  const { rows } = await sql<{ kind: string }>`${sql.join(probes, sql` union all `)}`.execute(db);
  return new Set(rows.map((row) => row.kind));
}
