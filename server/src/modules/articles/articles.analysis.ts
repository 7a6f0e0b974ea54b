import crypto from 'node:crypto';
import { toSimplified } from '@tongxin/core/text/index';
import { normaliseForSearch } from '@tongxin/core/text/index';
import type { Executor } from '../../db/database.ts';
import { mentionCandidates } from './article-parts.repo.ts';

/** Letters and digits only, in search form: what two copies of one report have in common. */
function essence(text: string): string {
  return normaliseForSearch(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A fingerprint of the clean text that ignores script, width, case, spaces and punctuation, so the
 * same report copied by two sites (one in traditional script) hashes alike.
 *
 * @example contentHash('統戰工作。') === contentHash('统战工作') // true
 */
export function contentHash(cleanText: string): string {
  return crypto.createHash('sha256').update(essence(cleanText)).digest('hex');
}

/** The set of character bigrams of a text's essence (its shingles). */
export function shingles(cleanText: string): Set<string> {
  const chars = [...essence(cleanText)];
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i]! + chars[i + 1]!);
  return set;
}

/**
 * Jaccard similarity of two shingle sets: shared ÷ all. Two copies of one report with different
 * site headers score above 0.8; two reports on the same event rarely reach 0.5.
 *
 * @example jaccard(shingles('统战工作'), shingles('统战工作')) // 1
 */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** At or above this similarity two articles are one report. */
export const duplicateThreshold = 0.8;

export interface DuplicateCandidate {
  id: number;
  duplicate_of_id: number | null;
  content_hash: string;
  clean_text: string;
}

/**
 * The earlier article this one copies, if any: same fingerprint, or bigram Jaccard ≥ 0.8. Points at
 * the first copy (the original), so all copies of a report share one `duplicateOf`.
 *
 * @example bestDuplicate(text, hash, candidates) // { id: 12, similarity: 0.93 }
 */
export function bestDuplicate(cleanText: string, hash: string, candidates: DuplicateCandidate[]): { id: number; similarity: number } | null {
  const exact = candidates.find((candidate) => candidate.content_hash === hash);
  if (exact) return { id: exact.duplicate_of_id ?? exact.id, similarity: 1 };
  const mine = shingles(cleanText);
  let best: { id: number; similarity: number } | null = null;
  for (const candidate of candidates) {
    const similarity = jaccard(mine, shingles(candidate.clean_text));
    if (similarity >= duplicateThreshold && (!best || similarity > best.similarity)) {
      best = { id: candidate.duplicate_of_id ?? candidate.id, similarity: Math.round(similarity * 1000) / 1000 };
    }
  }
  return best;
}

/** Names of divisions and organisations in a scope, in search form, ready to look for in texts. */
export interface MentionIndex {
  divisions: Array<{ id: number; keys: string[] }>;
  organisations: Array<{ id: number; key: string }>;
}

// Level suffixes that texts often leave out (安徽 for 安徽省); towns and villages keep theirs, as
// 华新 alone also occurs inside other words (中华新闻).
const shortenable = /^(.{2,})(省|市|区|县|自治区|自治州|自治县|地区|盟|旗)$/u;

/** Many names to search form at once: script conversion is costly per call, cheap per character. */
function normaliseMany(names: string[]): string[] {
  const simplified = toSimplified(names.map((name) => name.normalize('NFKC').replace(/\n/g, ' ')).join('\n')).split('\n');
  return simplified.map((name) => name.toLowerCase().replace(/\s+/g, ''));
}

/**
 * Loads the names to look for: divisions of the subtree and its current organisations.
 * Build it once per request (or per seed) and use it for every article.
 *
 * @example const index = await buildMentionIndex(db, actor.scopePath);
 */
export async function buildMentionIndex(db: Executor, scopePath: string | null): Promise<MentionIndex> {
  const { divisions, organisations } = await mentionCandidates(db, scopePath);
  const divisionKeys = normaliseMany(divisions.map((division) => division.name));
  const organisationKeys = normaliseMany(organisations.map((organisation) => organisation.name));
  return {
    divisions: divisions.map((division, i) => {
      const key = divisionKeys[i]!;
      const short = ['province', 'city', 'district'].includes(division.level) ? shortenable.exec(key)?.[1] : undefined;
      return { id: division.id, keys: [key, ...(short ? [short] : [])].filter((name) => [...name].length >= 2) };
    }),
    organisations: organisations
      .map((organisation, i) => ({ id: organisation.id, key: organisationKeys[i]! }))
      .filter(({ key }) => [...key].length >= 3),
  };
}

/**
 * Divisions and organisations a text names, in either script.
 *
 * @example findMentions(index, '青浦區華新鎮商會…') // { divisionIds: [2, 5], organisationIds: [17] }
 */
export function findMentions(index: MentionIndex, cleanText: string): { divisionIds: number[]; organisationIds: number[] } {
  const text = normaliseForSearch(cleanText).replace(/ /g, '');
  return {
    divisionIds: index.divisions.filter(({ keys }) => keys.some((key) => text.includes(key))).map(({ id }) => id),
    organisationIds: index.organisations.filter(({ key }) => text.includes(key)).map(({ id }) => id),
  };
}
