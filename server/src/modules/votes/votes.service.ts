import crypto from 'node:crypto';
import { AppError, fieldError, notFound } from '../../kernel/errors.ts';
import { nowIso, type ActorContext, type RequestContext } from '../../http/context.ts';
import { findCompetition, listPhases, type CompetitionWithDivision } from '../competitions/index.ts';
import { findEntry, listEntries, organisationNameOf } from '../competitions/index.ts';
import { blindReviewInProgress, isPhaseOpen, phaseOf } from '../competitions/phases.ts';
import { findDecision, voteCountsByEntry } from '../competitions/index.ts';
import { loadCompetition } from '../competitions/competitions.service.ts';
import { takeRate } from '../../kernel/rate-limit.ts';
import { consumeCode, countFailedAttempt, countVoters, countVotes, findLiveCode, findVoter, insertVote, insertVoteCode, insertVoter, votedEntries } from './votes.repo.ts';
import { voteCodeSender } from './votes.sender.ts';

/**
 * The public vote (民评): one vote per verified account per entry within the window. A verified
 * account is a phone proven by a one-time code (sent through the pluggable sender), or simply a
 * signed-in user. Phones are kept only as SHA-256 hashes (pseudonymous: enough to tell voters apart, not to list them); the unique index on
 * (competition, entry, voter) enforces the one-vote rule, whatever the timing of requests.
 */
export const voteLimits = {
  codeTtlSeconds: 600,
  resendSeconds: 60,
  codesPerPhonePerHour: 5,
  codesPerIpPerHour: 20,
  verifyAttemptsPerCode: 5,
  verificationsPerIpPerHour: 30,
  voterTokenHours: 2,
  votesPerIpPer10Minutes: 120,
  votesPerVoterPerHour: 200,
} as const;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
/** The one-way form in which votes keep a phone number (the privacy report matches on it). */
export const phoneHashOf = (phone: string) => sha256(`tongxin-vote-phone:${phone}`);

export async function requestCode(ctx: RequestContext, phone: string) {
  const now = ctx.clock.now();
  const phoneHash = phoneHashOf(phone);
  await takeRate(
    ctx.db,
    [
      { key: `vote-code-phone:${phoneHash}`, limit: 1, windowSeconds: voteLimits.resendSeconds },
      { key: `vote-code-phone-hour:${phoneHash}`, limit: voteLimits.codesPerPhonePerHour, windowSeconds: 3600 },
      { key: `vote-code-ip:${ctx.ip}`, limit: voteLimits.codesPerIpPerHour, windowSeconds: 3600 },
    ],
    now,
  );
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await insertVoteCode(ctx.db, {
    phoneHash,
    codeHash: sha256(`${phoneHash}:${code}`),
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + voteLimits.codeTtlSeconds * 1000).toISOString(),
  });
  await voteCodeSender().send(phone, code);
  return { expiresInSeconds: voteLimits.codeTtlSeconds, resendAfterSeconds: voteLimits.resendSeconds };
}

/** Trade a correct code for a voter token (sent back in `x-voter-token`); a code works once. */
export async function verifyCode(ctx: RequestContext, phone: string, code: string) {
  const now = ctx.clock.now();
  await takeRate(ctx.db, [{ key: `vote-verify-ip:${ctx.ip}`, limit: voteLimits.verificationsPerIpPerHour, windowSeconds: 3600 }], now);
  const phoneHash = phoneHashOf(phone);
  const live = await findLiveCode(ctx.db, phoneHash, now.toISOString());
  if (!live || live.attempts >= voteLimits.verifyAttemptsPerCode) throw fieldError('body.code', 'validation.vote_code_invalid');
  const given = Buffer.from(sha256(`${phoneHash}:${code}`));
  if (!crypto.timingSafeEqual(given, Buffer.from(live.code_hash))) {
    await countFailedAttempt(ctx.db, live.id);
    throw fieldError('body.code', 'validation.vote_code_invalid');
  }
  if (!(await consumeCode(ctx.db, live.id, now.toISOString()))) throw fieldError('body.code', 'validation.vote_code_invalid');
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + voteLimits.voterTokenHours * 3_600_000).toISOString();
  await insertVoter(ctx.db, { tokenHash: sha256(token), phoneHash, at: now.toISOString(), expiresAt });
  return { voterToken: token, expiresAt };
}

export interface Voter {
  key: string;
  channel: 'phone' | 'account';
}

/** The voter behind an `x-voter-token`; 401 when missing, unknown or expired. */
export async function voterFromToken(ctx: RequestContext, token: string | undefined): Promise<Voter> {
  const voter = token ? await findVoter(ctx.db, sha256(token), nowIso(ctx)) : undefined;
  if (!voter) throw new AppError('unauthenticated');
  return { key: `phone:${voter.phone_hash}`, channel: 'phone' };
}

export function voterOfUser(ctx: ActorContext): Voter {
  return { key: `user:${ctx.actor.userId}`, channel: 'account' };
}

/** A competition whose public vote is or was visible: it has a vote group and the vote is open or the result published. */
async function publicCompetition(ctx: RequestContext, id: number) {
  const competition = await findCompetition(ctx.db, id);
  if (!competition || competition.archived_at !== null || competition.vote_group_id === null) throw notFound('competition');
  const phases = await listPhases(ctx.db, [id]);
  const vote = phaseOf(phases, 'public_vote');
  const published = (await findDecision(ctx.db, id))?.status === 'published';
  // Raters can open the public page like anyone: while their review is blind it names nobody.
  const hideAuthors = vote.hide_authors === 1 || blindReviewInProgress(phases, published);
  return { competition, vote, open: isPhaseOpen(vote, nowIso(ctx)) && !published, published, hideAuthors };
}

export async function cast(ctx: RequestContext, competitionId: number, entryId: number, voter: Voter) {
  const { competition, open } = await publicCompetition(ctx, competitionId);
  if (!open) throw new AppError('invalid_transition', { details: { reason: 'phase_closed', phase: 'public_vote' } });
  const entry = await findEntry(ctx.db, competitionId, entryId);
  if (!entry || entry.withdrawn_at !== null) throw notFound('competition_entry');
  const now = ctx.clock.now();
  // Counted outside any transaction, so a refused vote still counts against a flood.
  await takeRate(
    ctx.db,
    [
      { key: `vote-ip:${ctx.ip}`, limit: voteLimits.votesPerIpPer10Minutes, windowSeconds: 600 },
      { key: `vote-voter:${voter.key}`, limit: voteLimits.votesPerVoterPerHour, windowSeconds: 3600 },
    ],
    now,
  );
  const inserted = await insertVote(ctx.db, { competitionId, entryId, voterKey: voter.key, channel: voter.channel, ip: ctx.ip, at: now.toISOString() });
  if (!inserted) throw new AppError('duplicate', { params: { entity: 'entities.vote', value: entry.code } });
  return { entryId, ...(competition.vote_live_counts === 1 ? { votes: await countVotes(ctx.db, competitionId, entryId) } : {}) };
}

/** The public vote page: entries (authors hidden when the phase hides them), counts only if shown live. */
export async function votePage(ctx: RequestContext, competitionId: number, voter: Voter | null) {
  const { competition, vote, open, published, hideAuthors } = await publicCompetition(ctx, competitionId);
  if (!open && !published) throw notFound('competition');
  const [entries, counts, mine] = await Promise.all([
    listEntries(ctx.db, competitionId),
    voteCountsByEntry(ctx.db, competitionId),
    voter ? votedEntries(ctx.db, competitionId, voter.key) : Promise.resolve([]),
  ]);
  const live = competition.vote_live_counts === 1;
  return {
    id: competition.id,
    title: competition.title,
    year: competition.year,
    divisionName: competition.division_name,
    description: competition.description,
    vote: { open, opensAt: vote.opens_at, closesAt: vote.closes_at, liveCounts: live },
    published,
    entries: entries.map((e) => ({
      id: e.id,
      code: e.code,
      title: e.title,
      organisationName: hideAuthors ? null : organisationNameOf(e),
      summary: e.summary,
      ...(live ? { votes: counts.get(e.id) ?? 0 } : {}),
    })),
    myVotes: mine,
  };
}

/** The organiser's view of the vote: counts per entry, always. */
export async function voteCounts(ctx: ActorContext, competitionId: number) {
  const competition: CompetitionWithDivision = await loadCompetition(ctx, ctx.db, competitionId, 'manage');
  const [entries, counts, total, voters] = await Promise.all([
    listEntries(ctx.db, competition.id),
    voteCountsByEntry(ctx.db, competition.id),
    countVotes(ctx.db, competition.id),
    countVoters(ctx.db, competition.id),
  ]);
  return { competitionId, total, voters, entries: entries.map((e) => ({ entryId: e.id, code: e.code, title: e.title, votes: counts.get(e.id) ?? 0 })) };
}
