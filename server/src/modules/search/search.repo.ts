import type { SearchKind } from '@tongxin/core';
import { sql } from 'kysely';
import type { Dialect, Executor } from '../../db/database.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { bodyTerm, pinyinTerm, titleTerm, type ParsedQuery } from './search.tokens.ts';

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

/**
 * FTS5 query text. Terms hold only letters and digits (see `textTokens`), so quoting is enough.
 * Every term carries the kind's letter (see `kindCodes`), title terms also their `t` (see
 * `titleTerm`); a term matches in the title, or with `all` in the body too.
 */
function ftsQuery(search: CandidateSearch): string {
  const { query, kind } = search;
  const quoted = (term: string, prefix: boolean) => `"${term}"${prefix ? '*' : ''}`;
  const terms = query.terms.flat().map((term) => {
    const prefix = isPrefixTerm(term);
    const inTitle = `title_tokens : ${quoted(titleTerm(term, kind), prefix)}`;
    return search.phase === 'title' ? inTitle : `(${inTitle} OR body_tokens : ${quoted(bodyTerm(term, kind), prefix)})`;
  });
  const alternatives: string[] = [];
  if (terms.length > 0) alternatives.push(`(${terms.join(' AND ')})`);
  if (query.pinyin) alternatives.push(`(pinyin_keys : "${pinyinTerm(query.pinyin, kind)}"*)`);
  const scopeId = search.scopePath?.split('/').filter(Boolean).at(-1);
  return [`(${alternatives.join(' OR ')})`, ...(scopeId ? [`scope_tags : "d${scopeId}"`] : [])].join(' AND ');
}

/** PostgreSQL tsquery text of the same query (lexemes are letters and digits only). */
function tsQuery(terms: string[], phase: 'title' | 'all', kind: SearchKind): string {
  const lexeme = (term: string, prefix: boolean) => `'${term}'${prefix ? ':*' : ''}`;
  return terms
    .map((term) => {
      const prefix = isPrefixTerm(term);
      return phase === 'title' ? lexeme(titleTerm(term, kind), prefix) : `(${lexeme(titleTerm(term, kind), prefix)} | ${lexeme(bodyTerm(term, kind), prefix)})`;
    })
    .join(' & ');
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
  if (dialect === 'sqlite') return sqliteCandidates(db, search);
  const column = sql.ref(search.phase === 'title' ? 's.title_tsv' : 's.doc_tsv');
  return selectCandidates(db)
    .where('s.kind', '=', search.kind)
    .where(divisionInScope('s.division_id', search.scopePath))
    .where((eb) => {
      const alternatives = [];
      if (terms.length > 0) alternatives.push(sql<boolean>`${column} @@ cast(${tsQuery(terms, search.phase, search.kind)} as tsquery)`);
      if (query.pinyin) alternatives.push(sql<boolean>`s.title_tsv @@ cast(${`'${pinyinTerm(query.pinyin, search.kind)}':*`} as tsquery)`);
      return eb.or(alternatives);
    })
    .orderBy('s.id', 'desc')
    .limit(search.limit)
    .execute();
}

/** SQLite: the index hits of one phase joined to their rows, driven from the hits. */
async function sqliteCandidates(db: Executor, search: CandidateSearch): Promise<Candidate[]> {
  const hits = sql<{ rowid: number }>`(select rowid from search_fts where search_fts match ${ftsQuery(search)} order by rowid desc limit ${search.limit})`;
  // CROSS JOIN fixes the join order in SQLite: from the few index hits to their rows. Left to
  // itself the planner may walk a whole district's records by division and probe the hits.
  return db
    .selectFrom(hits.as('f'))
    .crossJoin('search_documents as s')
    .crossJoin('divisions as d')
    .whereRef('s.id', '=', 'f.rowid')
    .whereRef('d.id', '=', 's.division_id')
    .where(divisionInScope('s.division_id', search.scopePath))
    .select(['s.id', 's.kind', 's.record_id', 's.division_id', 'd.name as division_name', 's.title', 's.subtitle', 's.body', 's.date', 's.norm_title', 's.norm_body', 's.pinyin_keys'])
    .orderBy('s.id', 'desc')
    .execute();
}

/**
 * Both phases for one kind: title matches, then, when they are fewer than `limit`, title-or-body
 * matches (when titles alone fill the pool, bodies could only rank lower).
 *
 * @example const { title, all } = await findCandidatesBothPhases(db, 'sqlite', { kind: 'activity', query, scopePath, limit: 20 });
 */
export async function findCandidatesBothPhases(
  db: Executor,
  dialect: Dialect,
  search: Omit<CandidateSearch, 'phase'>,
): Promise<{ title: Candidate[]; all: Candidate[] }> {
  if (search.query.terms.flat().length === 0 && !search.query.pinyin) return { title: [], all: [] };
  const find = (phase: 'title' | 'all') => (dialect === 'sqlite' ? sqliteCandidates(db, { ...search, phase }) : findCandidates(db, dialect, { ...search, phase }));
  const title = await find('title');
  return { title, all: title.length < search.limit ? await find('all') : [] };
}

/**
 * Records of one kind whose normalised title is exactly one of `titles`, in scope: the full-text
 * candidates are the newest matches only, and an exact name must never be cut off by that.
 */
export async function findExactTitles(db: Executor, search: { kind: SearchKind; titles: string[]; scopePath: string | null; limit: number }): Promise<Candidate[]> {
  if (search.titles.length === 0) return [];
  return selectCandidates(db)
    .where('s.kind', '=', search.kind)
    .where('s.norm_title', 'in', search.titles)
    .where(divisionInScope('s.division_id', search.scopePath))
    .orderBy('s.id', 'desc')
    .limit(search.limit)
    .execute();
}

/** Kinds that have at least one record in the index (cheap: one index probe per kind). */
export async function kindsPresent(db: Executor, kinds: readonly SearchKind[]): Promise<Set<string>> {
  const probes = kinds.map((kind) => sql<{ kind: string }>`select kind from (select kind from search_documents where kind = ${kind} limit 1) as probe`);
  const { rows } = await sql<{ kind: string }>`${sql.join(probes, sql` union all `)}`.execute(db);
  return new Set(rows.map((row) => row.kind));
}
