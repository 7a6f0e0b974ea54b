import { searchKinds, type SearchHit, type SearchKind, type SearchQuery, type SearchResult } from '@tongxin/core';
import { normaliseForSearch } from '@tongxin/core/text/index';
import type { ActorContext } from '../../http/context.ts';
import { matchRanges, pinyinRanges, snippetAround } from './search.highlight.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertCanReindex, assertCanSearch } from './search.policy.ts';
import { reindexAll } from './search.reindex.ts';
import { findCandidatesBothPhases, findExactTitles, kindsPresent, type Candidate } from './search.repo.ts';
import { parseQuery, pinyinMatchScore, type ParsedQuery } from './search.tokens.ts';

interface Scored {
  candidate: Candidate;
  score: number;
  matchedBy: 'text' | 'pinyin';
}

/**
 * How well a candidate answers the query, or null when it does not contain it after all (the
 * index matched every bigram, but not as one run: `统战工作` against `统战…战工…工作`).
 * Title over body, whole title over part of it, exact pinyin over a prefix; shorter titles first.
 */
export function scoreCandidate(candidate: Candidate, query: ParsedQuery): Scored | null {
  const { words, pinyin } = query;
  const title = candidate.norm_title;
  const inTitle = words.filter((word) => title.includes(word));
  const textMatch = words.length > 0 && words.every((word) => title.includes(word) || candidate.norm_body.includes(word));
  // The index proposes every key with the query as a prefix; only whole syllables and whole
  // initials count (pinyinMatchScore), so a shared initial no longer makes a hit.
  const pinyinScore = pinyin !== null && candidate.pinyin_keys !== '' ? pinyinMatchScore(candidate.title, pinyinModeOf(candidate.kind), pinyin) : 0;
  if (!textMatch && pinyinScore === 0) return null;
  let score = 0;
  if (textMatch) {
    const compactTitle = title.replace(/ /g, '');
    const compactQuery = words.join('');
    if (compactTitle === compactQuery) score = 100;
    else if (inTitle.length === words.length && title.startsWith(words[0]!)) score = 80;
    else if (inTitle.length === words.length) score = 60;
    else score = 30 + 10 * inTitle.length;
    // Of two titles that contain the query, the one it fills more of is the better answer.
    score += 10 * Math.min(1, compactQuery.length / Math.max(1, compactTitle.length));
  }
  const matchedBy = pinyinScore > score ? 'pinyin' : 'text';
  return { candidate, score: Math.max(score, pinyinScore), matchedBy };
}

/** The normalised titles that equal the query (words as typed with or without their spaces). */
function exactTitles(query: ParsedQuery): string[] {
  if (query.words.length === 0) return [];
  return [...new Set([query.words.join(' '), query.words.join('')])];
}

/** How the index read a kind's titles for pinyin (search.tokens.ts toSearchRows). */
function pinyinModeOf(kind: string): 'person' | 'name' | 'title' {
  return kind === 'person' ? 'person' : kind === 'organisation' || kind === 'venue' ? 'name' : 'title';
}

/**
 * Groups in the order a reader wants them: a group holding an organisation whose name is exactly
 * the query first (someone typing a name means that organisation), then by best score, then in the
 * usual order of kinds with organisations first.
 */
export function orderGroups<G extends { kind: string; items: Array<{ score: number; title: string }> }>(groups: G[], exactName: (title: string) => boolean): G[] {
  const rank = (group: G) => (group.kind === 'organisation' && group.items.some((item) => exactName(item.title)) ? 1 : 0);
  const kindOrder = (kind: string) => {
    const index = (searchKinds as readonly string[]).indexOf(kind);
    return index < 0 ? searchKinds.length : index;
  };
  return [...groups].sort((a, b) => rank(b) - rank(a) || (b.items[0]?.score ?? 0) - (a.items[0]?.score ?? 0) || kindOrder(a.kind) - kindOrder(b.kind));
}

function toHit(scored: Scored, query: ParsedQuery): SearchHit {
  const { candidate, matchedBy } = scored;
  const person = candidate.kind === 'person';
  const titleRanges = matchedBy === 'pinyin' && query.pinyin ? pinyinRanges(candidate.title, query.pinyin, person) : matchRanges(candidate.title, query.words);
  const bodyWords = query.words.filter((word) => candidate.norm_body.includes(word));
  const snippet = bodyWords.length > 0 ? snippetAround(candidate.body, candidate.norm_body, bodyWords) : null;
  return {
    kind: candidate.kind as SearchKind,
    id: candidate.record_id,
    title: candidate.title,
    titleRanges,
    subtitle: candidate.subtitle,
    snippet: snippet?.snippet ?? null,
    snippetRanges: snippet?.ranges ?? [],
    divisionId: candidate.division_id,
    divisionName: candidate.division_name,
    date: candidate.date,
    matchedBy,
    score: Math.round(scored.score * 10) / 10,
  };
}

function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || (b.candidate.date ?? '').localeCompare(a.candidate.date ?? '') || b.candidate.id - a.candidate.id;
}

/**
 * One search across every kind the actor may see, limited to the actor's subtree: per kind, the
 * index proposes candidates (titles first, then bodies when titles gave too few), each is checked
 * against the query and scored, and the best `limit` are returned with highlight ranges.
 *
 * @example await search(ctx, { q: '统战', limit: 5 })
 */
export async function search(ctx: ActorContext, input: SearchQuery): Promise<SearchResult> {
  assertCanSearch(ctx.actor);
  const query = parseQuery(input.q);
  const kinds = input.kinds ? searchKinds.filter((kind) => input.kinds!.includes(kind)) : [...searchKinds];
  // Enough candidates that ranking has a choice, few enough that a common character stays cheap.
  const pool = Math.min(200, Math.max(20, input.limit * 4));
  const groups: SearchResult['groups'] = [];
  const present = await kindsPresent(ctx.db, kinds);
  for (const kind of kinds) {
    if (!present.has(kind)) continue;
    const found = await findCandidatesBothPhases(ctx.db, ctx.dialect, { kind, query, scopePath: ctx.actor.scopePath, limit: pool });
    // An organisation named exactly as typed is the answer most wanted; fetch it by name so the
    // newest-first pool of the full-text index cannot leave it out.
    const exact = kind === 'organisation' ? await findExactTitles(ctx.db, { kind, titles: exactTitles(query), scopePath: ctx.actor.scopePath, limit: input.limit }) : [];
    const seen = new Set<number>();
    const candidates = [...exact, ...found.title, ...found.all].filter((candidate) => !seen.has(candidate.id) && Boolean(seen.add(candidate.id)));
    // Fewer than asked for in a phase means that phase found everything there is.
    const exhausted = found.title.length < pool && found.all.length < pool;
    const scored = candidates.flatMap((candidate) => scoreCandidate(candidate, query) ?? []).sort(byScore);
    if (scored.length === 0) continue;
    groups.push({ kind, items: scored.slice(0, input.limit).map((item) => toHit(item, query)), more: scored.length > input.limit || !exhausted });
  }
  const compactQuery = query.words.join('');
  const exactName = (title: string) => compactQuery.length > 0 && normaliseForSearch(title).replace(/ /g, '') === compactQuery;
  return { q: input.q, groups: orderGroups(groups, exactName) };
}

/**
 * Rebuilds the index (system administrators); audited with the counts per kind.
 *
 * @example await reindex(ctx) // { counts: { organisation: 12, … } }
 */
export async function reindex(ctx: ActorContext): Promise<{ counts: Record<string, number> }> {
  assertCanReindex(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const counts = await reindexAll(trx);
    await recordAudit(trx, ctx, { action: 'search.reindex', entity: 'search', entityId: null, divisionId: null, detail: counts });
    return { counts };
  });
}
