import { rateVenue } from '@tongxin/core/scoring/index';
import { insertAssessments, insertSheet, insertStarHistory, setVenueStars, toCenti, updateAssessment, venuesOfType } from '../../modules/assessments/assessments.repo.ts';
import { insertChecklist } from '../../modules/assessments/checklists.repo.ts';
import { divisionId, type SeedContext } from './context.ts';
import { huangshanChecklist, unit } from './judging.data.ts';

/**
 * Huangshan's base assessment: last year's checklist for the twelve practice bases in all seven
 * districts and counties (4 provincial, 2 municipal, 6 county-level, seeded with the venues), two
 * assessors' sheets each, finalised into star ratings with history; and this year's checklist
 * with the assessments opened but not yet scored.
 */
const levelQuality: Record<string, number> = { provincial: 0.93, municipal: 0.85, district: 0.76 };

export async function seedAssessments(ctx: SeedContext, users: Map<string, number>) {
  const city = divisionId(ctx, '安徽省/黄山市');
  const path = (await ctx.db.selectFrom('divisions').select('path').where('id', '=', city).executeTakeFirstOrThrow()).path;
  const bases = await venuesOfType(ctx.db, path, 'practice_base');
  const year = Number(ctx.at.slice(0, 4));
  const lastYear = year - 1;
  const assessors = [users.get('huangshan')!, users.get('huangshan.assessor')!];
  const checklist = { criteria: huangshanChecklist.criteria, starThresholds: huangshanChecklist.starThresholds };

  const created = `${lastYear}-11-01T02:00:00.000Z`;
  const pastId = await insertChecklist(ctx.db, { divisionId: city, title: `${lastYear} 年度${huangshanChecklist.title}`, venueType: 'practice_base', year: lastYear, ...checklist }, assessors[0]!, created);
  await insertAssessments(ctx.db, pastId, bases.map((b) => b.id), created);
  const assessments = await ctx.db
    .selectFrom('venue_assessments as a')
    .innerJoin('venues as v', 'v.id', 'a.venue_id')
    .select(['a.id', 'a.version', 'a.venue_id', 'v.level', 'v.star_rating'])
    .where('a.checklist_id', '=', pastId)
    .orderBy('a.id')
    .execute();
  const stars: number[] = [];
  for (const [i, a] of assessments.entries()) {
    const quality = levelQuality[a.level] ?? 0.78;
    const sheets = assessors.map((assessorId, k) => {
      const scores: Record<string, number> = {};
      for (const [c, criterion] of huangshanChecklist.criteria.entries()) {
        if (criterion.deduction) scores[criterion.id] = i === 7 && k === 0 ? 2 : 0;
        else scores[criterion.id] = Math.min(criterion.maxPoints, Math.round(criterion.maxPoints * (quality + (unit(i * 17 + k * 5 + c) - 0.5) * 0.12)));
      }
      return { assessorId, scores };
    });
    for (const sheet of sheets) await insertSheet(ctx.db, { assessmentId: a.id, assessorId: sheet.assessorId, scores: sheet.scores, comment: null }, created);
    const rating = rateVenue(checklist, sheets.map((s) => s.scores));
    const at = `${lastYear}-12-${String(10 + (i % 10)).padStart(2, '0')}T02:00:00.000Z`;
    await updateAssessment(ctx.db, a.id, a.version, { status: 'final', totalCenti: toCenti(rating.total), stars: rating.stars, finalisedAt: at, finalisedBy: assessors[0]! }, at);
    const value = rating.stars === 0 ? null : rating.stars;
    await setVenueStars(ctx.db, a.venue_id, value, at);
    await insertStarHistory(ctx.db, { venueId: a.venue_id, stars: value, previousStars: a.star_rating, assessmentId: a.id, totalCenti: toCenti(rating.total), changedBy: assessors[0]!, at });
    stars.push(rating.stars);
  }

  const currentId = await insertChecklist(ctx.db, { divisionId: city, title: `${year} 年度${huangshanChecklist.title}`, venueType: 'practice_base', year, ...checklist }, assessors[0]!, ctx.at);
  const opened = await insertAssessments(ctx.db, currentId, bases.map((b) => b.id), ctx.at);
  return { bases: bases.length, finalised: assessments.length, opened, stars };
}
