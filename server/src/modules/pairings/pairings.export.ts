import { monthsBefore, type PairListQuery, type ProgrammeListQuery } from '@tongxin/core';
import type { FastifyReply } from 'fastify';
import { notFound } from '../../kernel/errors.ts';
import type { ActorContext } from '../../http/context.ts';
import { divisionPathNames, exportList, zhLabel } from '../imports/list-export.ts';
import { divisionFilterPath, todayOf } from '../projects/work-scope.ts';
import { assertCan } from './pairings.policy.ts';
import { coverage, findProgramme, programmesAfter, type ProgrammeWithNames } from './pairings.repo.ts';
import { pairsAfter, type PairWithNames } from './pairs.repo.ts';

type ProgrammeRow = ProgrammeWithNames & { cover: { paired: number; shouldBePaired: number; ratio: number } };

/** `0.4483` → `44.83%`, as the programme page shows coverage. */
const percent = (ratio: number): string => `${Math.round(ratio * 10_000) / 100}%`;

/**
 * Pairing programmes as on screen (same filters, every page) as .xlsx with each one's coverage
 * today (paired ÷ should-be-paired); audited as pairing_programme.export.
 */
export async function exportProgrammes(reply: FastifyReply, ctx: ActorContext, query: ProgrammeListQuery) {
  const subtreePath = await divisionFilterPath(ctx, query.divisionId);
  const { divisionId: _division, page: _page, pageSize: _size, ...rest } = query;
  const search = { ...rest, subtreePath, scopePath: ctx.actor.scopePath };
  const today = todayOf(ctx);
  const namePath = await divisionPathNames(ctx.db);
  return exportList<ProgrammeRow>(reply, ctx, {
    entity: 'pairing_programme',
    label: 'insight.exports.programmes',
    filter: { ...rest, ...(query.divisionId ? { divisionId: query.divisionId } : {}) },
    columns: [
      { header: '所属区划', value: (p) => namePath(p.division_path), width: 28 },
      { header: '名称', value: (p) => p.title, width: 32 },
      { header: '类型', value: (p) => zhLabel(`pairingKinds.${p.kind}`) },
      { header: '结对对象', value: (p) => zhLabel(`organisationTypes.${p.target_type}`) },
      { header: '结对方', value: (p) => (p.partner_type ? zhLabel(`organisationTypes.${p.partner_type}`) : null) },
      { header: '开始日期', value: (p) => p.start_date, width: 12 },
      { header: '截止日期', value: (p) => p.deadline, width: 12 },
      { header: '已结对', value: (p) => p.cover.paired },
      { header: '应结对', value: (p) => p.cover.shouldBePaired },
      { header: '覆盖率', value: (p) => percent(p.cover.ratio) },
      { header: '状态', value: (p) => (p.archived_at ? '已归档' : '正常') },
    ],
    page: async (afterId, limit) => {
      const rows = await programmesAfter(ctx.db, search, afterId, limit);
      return Promise.all(rows.map(async (row) => ({ ...row, cover: await coverage(ctx.db, row, today) })));
    },
  });
}

/**
 * A programme's pairs as on screen (same filters, every page) as .xlsx; the programme must be in
 * the caller's subtree (404/403 before the file starts); audited as pair.export.
 */
export async function exportPairs(reply: FastifyReply, ctx: ActorContext, programmeId: number, query: PairListQuery) {
  const programme = await findProgramme(ctx.db, programmeId);
  if (!programme) throw notFound('pairing_programme');
  assertCan(ctx.actor, 'read', { path: programme.division_path });
  const today = todayOf(ctx);
  const { page: _page, pageSize: _size, ...filter } = query;
  const search = { ...filter, programmeId, today, since: monthsBefore(today, 3) };
  return exportList<PairWithNames>(reply, ctx, {
    entity: 'pair',
    label: 'insight.exports.pairs',
    filter: { programmeId, ...filter },
    divisionId: programme.division_id,
    columns: [
      { header: '结对项目', value: () => programme.title, width: 28 },
      { header: '结对对象', value: (p) => p.organisation_name, width: 28 },
      { header: '对象所在区划', value: (p) => p.organisation_division, width: 16 },
      { header: '结对方', value: (p) => p.partner_name, width: 28 },
      { header: '结对方所在区划', value: (p) => p.partner_division, width: 16 },
      { header: '开始日期', value: (p) => p.start_date, width: 12 },
      { header: '结束日期', value: (p) => p.end_date, width: 12 },
      { header: '当前有效', value: (p) => (p.start_date <= today && (p.end_date === null || p.end_date >= today) ? '是' : '否') },
      { header: '活动次数', value: (p) => Number(p.activity_count ?? 0) },
      { header: '最近活动', value: (p) => p.last_activity_date, width: 12 },
      { header: '备注', value: (p) => p.note, width: 30 },
    ],
    page: (afterId, limit) => pairsAfter(ctx.db, search, afterId, limit),
  });
}
