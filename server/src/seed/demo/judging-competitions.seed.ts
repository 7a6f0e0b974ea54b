import crypto from 'node:crypto';
import type { PhaseKind } from '@tongxin/core';
import { scoringSettingsSchema } from '@tongxin/core/scoring/index';
import { findCompetition, insertCompetition, listPhases, updatePhase } from '../../modules/competitions/competitions.repo.ts';
import { insertEntry } from '../../modules/competitions/entries.repo.ts';
import { phaseOf } from '../../modules/competitions/phases.ts';
import { insertAssignments, insertRater } from '../../modules/competitions/raters.repo.ts';
import { findDecision, insertDecision, updateDecision } from '../../modules/competitions/results.repo.ts';
import { computeResults, publicResultOf } from '../../modules/competitions/results.service.ts';
import { divisionId, type SeedContext } from './context.ts';
import { competitionSettings, entries2025, entries2026, unit } from './judging.data.ts';

/**
 * Jinshan's innovation-project competitions: the 2025 round, reviewed 360° by four groups (the
 * public through votes) and published with five winners; and this year's round, open for blind
 * review with assignments, half scored, so a demo rater (jinshan.expert1) has work to do.
 */
type Users = Map<string, number>;

const jinshan = '上海市/金山区';
const raterPlan = [
  ['jinshan.assessor1', 'assessors'], ['jinshan.assessor2', 'assessors'], ['jinshan.assessor3', 'assessors'],
  ['jinshan.expert1', 'experts'], ['jinshan.expert2', 'experts'], ['jinshan.expert3', 'experts'],
  ['jinshan.rep1', 'reps'], ['jinshan.rep2', 'reps'], ['jinshan.rep3', 'reps'],
] as const;

/** The first 两新组织 of each town: the organisation behind its entry (and, for reps, the rater's own). */
async function townOrganisations(ctx: SeedContext): Promise<Map<string, { id: number; name: string }>> {
  const towns = new Map<string, { id: number; name: string }>();
  for (const { town } of [...entries2025, ...entries2026]) {
    if (towns.has(town)) continue;
    const row = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('division_id', '=', divisionId(ctx, `${jinshan}/${town}`))
      .where('type', '=', 'new_org')
      .orderBy('id')
      .executeTakeFirst();
    if (row) towns.set(town, row);
  }
  return towns;
}

async function addRaters(ctx: SeedContext, competitionId: number, users: Users, towns: Map<string, { id: number }>, at: string) {
  const repTowns = ['石化街道', '朱泾镇', '枫泾镇'];
  const raters: Array<{ id: number; group: string; organisationId: number | null }> = [];
  for (const [index, [username, group]] of raterPlan.entries()) {
    const organisationId = group === 'reps' ? (towns.get(repTowns[index - 6]!)?.id ?? null) : null;
    const id = await insertRater(ctx.db, competitionId, { userId: users.get(username)!, groupId: group, organisationId }, at);
    raters.push({ id: id!, group, organisationId });
  }
  return raters;
}

/** Scores around an entry's quality, different per rater and dimension, within each maximum. */
function scoresFor(quality: number, raterIndex: number, entryIndex: number) {
  const scores: Record<string, number> = {};
  competitionSettings.dimensions.forEach((d, k) => {
    if (d.independent) return;
    const noise = (unit(raterIndex * 97 + entryIndex * 13 + k) - 0.5) * 0.16;
    scores[d.id] = Math.round(d.maxScore * Math.min(1, Math.max(0.3, quality + noise)));
  });
  scores.recommend = quality > 0.84 ? 1 : 0;
  return scores;
}

/** A review row; null scores make an abstention with a reason. */
function reviewRow(competitionId: number, entryId: number, raterId: number, scores: Record<string, number> | null, at: string) {
  return {
    competition_id: competitionId,
    entry_id: entryId,
    rater_id: raterId,
    scores: JSON.stringify(scores ?? {}),
    comment: null,
    abstained: scores === null ? 1 : 0,
    abstain_reason: scores === null ? '与申报单位负责人系亲属，申请回避' : null,
    created_at: at,
    updated_at: at,
  };
}

async function insertReviews(ctx: SeedContext, rows: Array<ReturnType<typeof reviewRow>>) {
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insertInto('competition_reviews').values(rows.slice(i, i + 500)).execute();
}

async function seed2025(ctx: SeedContext, users: Users, towns: Map<string, { id: number; name: string }>, adminId: number | null) {
  const settings = scoringSettingsSchema.parse(competitionSettings);
  const created = '2025-08-20T02:00:00.000Z';
  const id = await insertCompetition(
    ctx.db,
    { divisionId: divisionId(ctx, jinshan), title: '2025 年度金山区统战创新项目评审', description: '各街镇申报，组织考评、专家学者、组织代表、成员及群众 360° 评审。', year: 2025, settings, voteGroupId: 'public', voteLiveCounts: false },
    adminId,
    created,
  );
  const phases = await listPhases(ctx.db, [id]);
  const dates: Array<[PhaseKind, string, string]> = [
    ['entry', '2025-09-01T00:00:00.000Z', '2025-10-01T00:00:00.000Z'],
    ['review', '2025-10-08T00:00:00.000Z', '2025-10-25T00:00:00.000Z'],
    ['public_vote', '2025-10-08T00:00:00.000Z', '2025-10-21T00:00:00.000Z'],
    ['decision', '2025-10-27T00:00:00.000Z', '2025-11-06T00:00:00.000Z'],
  ];
  for (const [kind, opensAt, closesAt] of dates) {
    await updatePhase(ctx.db, phaseOf(phases, kind).id, { opensAt, closesAt, ...(kind === 'review' ? { hideAuthors: true } : {}) }, created);
  }

  // Eleven town entries and the district platform's first service project (from the project list).
  const entryIds: number[] = [];
  for (const [i, entry] of entries2025.entries()) {
    entryIds.push(await insertEntry(ctx.db, id, { code: String(i + 1).padStart(3, '0'), projectId: null, title: entry.title, organisationId: towns.get(entry.town)?.id ?? null, organisationName: null, summary: entry.summary }, created));
  }
  const project = await ctx.db
    .selectFrom('projects')
    .select(['id', 'title', 'responsible_organisation_id'])
    .where('division_id', '=', divisionId(ctx, jinshan))
    .where('responsible_organisation_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  if (project) entryIds.push(await insertEntry(ctx.db, id, { code: '012', projectId: project.id, title: project.title, organisationId: project.responsible_organisation_id, organisationName: null, summary: '区两新组织统战服务平台服务项目' }, created));

  const raters = await addRaters(ctx, id, users, towns, created);
  const entryOrg = (e: number) => (e < entries2025.length ? (towns.get(entries2025[e]!.town)?.id ?? null) : (project?.responsible_organisation_id ?? null));
  const pairs = raters.flatMap((r) => entryIds.map((entryId, e) => ({ raterId: r.id, entryId, e }))).filter((p) => {
    const rater = raters.find((r) => r.id === p.raterId)!;
    return rater.organisationId === null || rater.organisationId !== entryOrg(p.e);
  });
  await insertAssignments(ctx.db, id, pairs.map(({ raterId, entryId }) => ({ raterId, entryId })), created);
  const quality = entryIds.map((_, e) => 0.58 + 0.36 * unit(e * 5 + 3));
  const reviewRows = pairs.map((p) => {
    const r = raters.findIndex((x) => x.id === p.raterId);
    const abstain = r === 5 && p.e === 4;
    return reviewRow(id, p.entryId, p.raterId, abstain ? null : scoresFor(quality[p.e]!, r, p.e), '2025-10-20T02:00:00.000Z');
  });
  await insertReviews(ctx, reviewRows);
  const reviews = reviewRows.length;

  // Public votes (民评): each verified phone may vote once per entry; pseudonymous keys as in production.
  const votes: Array<{ competition_id: number; entry_id: number; voter_key: string; channel: string; ip: string | null; created_at: string }> = [];
  entryIds.forEach((entryId, e) => {
    const count = 60 + Math.round(240 * quality[e]! * unit(e + 40));
    for (let n = 0; n < count; n += 1) {
      const key = `phone:${crypto.createHash('sha256').update(`tongxin-demo-voter:${n}`).digest('hex')}`;
      votes.push({ competition_id: id, entry_id: entryId, voter_key: key, channel: 'phone', ip: null, created_at: `2025-10-${String(8 + (n % 12)).padStart(2, '0')}T0${n % 10}:00:00.000Z` });
    }
  });
  for (let i = 0; i < votes.length; i += 500) await ctx.db.insertInto('public_votes').values(votes.slice(i, i + 500)).execute();

  // The committee's decision, drafted from the award bands and published in one step.
  const competition = (await findCompetition(ctx.db, id))!;
  const table = await computeResults(ctx.db, competition);
  const awards = table.entries.filter((e) => e.award !== null).map((e) => ({ entryId: e.entryId, awardId: e.award! }));
  await insertDecision(ctx.db, id, { awards, note: '经金山区统战创新项目评审委员会审议通过。', showRanking: false }, adminId, '2025-10-30T02:00:00.000Z');
  const publishedAt = '2025-11-06T02:00:00.000Z';
  const { snapshot } = await publicResultOf(ctx.db, competition, await listPhases(ctx.db, [id]), publishedAt);
  const decision = (await findDecision(ctx.db, id))!;
  await updateDecision(ctx.db, decision.id, decision.version, { publish: { snapshot: JSON.stringify(snapshot), at: publishedAt, by: adminId } }, publishedAt);
  await updatePhase(ctx.db, phaseOf(await listPhases(ctx.db, [id]), 'published').id, { openedAt: publishedAt }, publishedAt);
  return { entries: entryIds.length, reviews, votes: votes.length, winners: awards.length };
}

/** This year's round: blind review open by hand, two raters of each group per entry, about half done. */
async function seedCurrent(ctx: SeedContext, users: Users, towns: Map<string, { id: number; name: string }>, adminId: number | null) {
  const settings = scoringSettingsSchema.parse(competitionSettings);
  const year = Number(ctx.at.slice(0, 4));
  const id = await insertCompetition(
    ctx.db,
    { divisionId: divisionId(ctx, jinshan), title: `${year} 年度金山区统战创新项目评审`, description: '本年度评审：匿名评审，评委只看到分配给自己的项目。', year, settings, voteGroupId: 'public', voteLiveCounts: true },
    adminId,
    ctx.at,
  );
  const phases = await listPhases(ctx.db, [id]);
  await updatePhase(ctx.db, phaseOf(phases, 'entry').id, { opensAt: `${year}-01-01T00:00:00.000Z`, closesAt: ctx.at }, ctx.at);
  await updatePhase(ctx.db, phaseOf(phases, 'review').id, { openedAt: ctx.at, raterVisibility: 'assigned', hideAuthors: true, showOtherScores: false }, ctx.at);
  const entryIds: number[] = [];
  const owners: Array<number | null> = [];
  for (const [i, entry] of entries2026.entries()) {
    owners.push(towns.get(entry.town)?.id ?? null);
    entryIds.push(await insertEntry(ctx.db, id, { code: String(i + 1).padStart(3, '0'), projectId: null, title: entry.title, organisationId: owners[i]!, organisationName: null, summary: null }, ctx.at));
  }
  const raters = await addRaters(ctx, id, users, towns, ctx.at);
  const pairs: Array<{ raterId: number; entryId: number; e: number; r: number }> = [];
  for (const group of ['assessors', 'experts', 'reps']) {
    const members = raters.map((r, index) => ({ ...r, index })).filter((r) => r.group === group);
    entryIds.forEach((entryId, e) => {
      const free = members.filter((m) => m.organisationId === null || m.organisationId !== owners[e]);
      for (let k = 0; k < 2 && k < free.length; k += 1) {
        const m = free[(e + k) % free.length]!;
        pairs.push({ raterId: m.id, entryId, e, r: m.index });
      }
    });
  }
  await insertAssignments(ctx.db, id, pairs.map(({ raterId, entryId }) => ({ raterId, entryId })), ctx.at);
  const reviewRows = pairs.filter((_, n) => n % 2 === 0).map((p) => reviewRow(id, p.entryId, p.raterId, scoresFor(0.6 + 0.3 * unit(p.e + 90), p.r, p.e), ctx.at));
  await insertReviews(ctx, reviewRows);
  const reviews = reviewRows.length;
  return { entries: entryIds.length, reviews, assignments: pairs.length };
}

export async function seedCompetitions(ctx: SeedContext, users: Users) {
  const admin = await ctx.db.selectFrom('users').select('id').where('username', '=', 'jinshan').executeTakeFirst();
  const towns = await townOrganisations(ctx);
  const past = await seed2025(ctx, users, towns, admin?.id ?? null);
  const current = await seedCurrent(ctx, users, towns, admin?.id ?? null);
  return { past, current };
}
