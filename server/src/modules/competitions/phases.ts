import { phaseKinds, type PhaseKind } from '@tongxin/core';
import type { PhaseRow } from '../../db/types-judging.ts';

/**
 * Whether a phase is open at `now` (UTC ISO text). A hand decision wins over the dates: closed by
 * hand (after any hand opening) → closed; opened by hand → open; otherwise open from `opens_at`
 * (inclusive) to `closes_at` (exclusive, or open-ended).
 *
 * @example
 * isPhaseOpen({ opens_at: '2026-11-01T00:00:00.000Z', closes_at: null, opened_at: null, closed_at: null }, '2026-11-25T00:00:00.000Z') // true
 */
export function isPhaseOpen(phase: Pick<PhaseRow, 'opens_at' | 'closes_at' | 'opened_at' | 'closed_at'>, now: string): boolean {
  if (phase.closed_at !== null && (phase.opened_at === null || phase.closed_at >= phase.opened_at)) return false;
  if (phase.opened_at !== null) return true;
  return phase.opens_at !== null && phase.opens_at <= now && (phase.closes_at === null || now < phase.closes_at);
}

/** The phase of a kind (every competition has one of each). */
export function phaseOf(phases: readonly PhaseRow[], kind: PhaseKind): PhaseRow {
  const phase = phases.find((p) => p.kind === kind);
  if (!phase) throw new Error(`Competition ${phases[0]?.competition_id ?? '?'} has no ${kind} phase`);
  return phase;
}

/**
 * The latest open phase in phase order, or null: what the competition is "in" now.
 *
 * @example
 * currentPhase(phases, now) // 'review'
 */
export function currentPhase(phases: readonly PhaseRow[], now: string): PhaseKind | null {
  let current: PhaseKind | null = null;
  for (const kind of phaseKinds) {
    const phase = phases.find((p) => p.kind === kind);
    if (phase && isPhaseOpen(phase, now)) current = kind;
  }
  return current;
}

/**
 * The phase whose rater settings apply now: the latest open one from review on (a decision
 * meeting may show raters each other's scores), else the review phase.
 */
export function raterPhase(phases: readonly PhaseRow[], now: string): PhaseRow {
  let chosen = phaseOf(phases, 'review');
  for (const kind of ['review', 'public_vote', 'decision', 'published'] as const) {
    const phase = phases.find((p) => p.kind === kind);
    if (phase && isPhaseOpen(phase, now)) chosen = phase;
  }
  return chosen;
}

/**
 * A blind review is under way: the review phase hides applicants and no result is published yet.
 * Until publication, everything a rater can open — the entry list, the score sheet and the public
 * vote page, which anyone (raters included) can open signed out — leaves applicants unnamed; see
 * docs/blind-review.md. After publication the published phase's own setting decides.
 */
export function blindReviewInProgress(phases: readonly PhaseRow[], published: boolean): boolean {
  return !published && phaseOf(phases, 'review').hide_authors === 1;
}
