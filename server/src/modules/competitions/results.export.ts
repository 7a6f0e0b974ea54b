import type { ResultRow } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import type { ActorContext } from '../../http/context.ts';
import { exportList } from '../imports/list-export.ts';
import { loadCompetition } from './competitions.service.ts';
import { settingsOf } from './competitions.repo.ts';
import { computeResults } from './results.service.ts';

type Row = ResultRow & { id: number };

/**
 * The results table as on screen (ranked, each group's figure, total, review counts) as .xlsx, for
 * those who may read the results (they manage the competition); audited as competition_result.export.
 * A table of entries is computed whole (ranking needs every entry), then written row by row.
 */
export async function exportResults(reply: FastifyReply, ctx: ActorContext, competitionId: number) {
  const competition = await loadCompetition(ctx, ctx.db, competitionId, 'manage');
  const table = await computeResults(ctx.db, competition);
  const { groups, awards } = settingsOf(competition);
  const awardName = new Map(awards.map((award) => [award.awardId, award.name ?? award.awardId]));
  // Keyset paging runs on ascending ids: the rank order becomes 1, 2, 3….
  const rows: Row[] = table.entries.map((entry, index) => ({ ...entry, id: index + 1 }));
  return exportList<Row>(reply, ctx, {
    entity: 'competition_result',
    label: 'insight.exports.results',
    filter: { competitionId },
    divisionId: competition.division_id,
    columns: [
      { header: '名次', value: (r) => r.rank },
      { header: '编号', value: (r) => r.code, width: 10 },
      { header: '参评项目', value: (r) => r.title, width: 32 },
      { header: '申报单位', value: (r) => r.organisationName, width: 24 },
      { header: '总分', value: (r) => r.total },
      ...groups.map((group) => ({
        header: `${group.name ?? group.id}（权重${group.weight}）`,
        value: (r: Row) => r.groups.find((g) => g.groupId === group.id)?.figure ?? null,
        width: 18,
      })),
      { header: '评分人次', value: (r) => r.reviewCount },
      { header: '回避/弃评', value: (r) => r.abstentions },
      { header: '评分不足', value: (r) => (r.tooFewReviews ? '是' : '否') },
      { header: '同分', value: (r) => (r.tiedOnTotal ? '是' : '否') },
      { header: '拟授奖项', value: (r) => (r.award === null ? null : (awardName.get(r.award) ?? r.award)), width: 14 },
      { header: '公众投票', value: (r) => r.votes },
    ],
    page: async (afterId, limit) => rows.filter((row) => row.id > afterId).slice(0, limit),
  });
}
