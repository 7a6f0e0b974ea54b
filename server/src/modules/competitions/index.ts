/*
 * What other modules may use of competitions: the public vote reads a competition, its phases and
 * entries, the published decision and the vote counts.
 */
export { findCompetition, listPhases, type CompetitionWithDivision } from './competitions.repo.ts';
export { findEntry, listEntries, organisationNameOf } from './entries.repo.ts';
export { findDecision, voteCountsByEntry } from './results.repo.ts';
