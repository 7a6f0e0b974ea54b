import { leadStages, pathIds, type LeadFigures, type LeadStage } from '@tongxin/core';
import { sumFen } from '@tongxin/core/money';
import { fieldError } from '../../kernel/errors.ts';
import type { ActorContext } from '../../http/context.ts';
import { findDivision, findDivisionsByIds } from '../divisions/index.ts';
import { divisionInReach } from '../../kernel/scope.ts';
import { assertCan } from './leads.policy.ts';
import { leadFiguresByDivision, leadFiguresByYear, talentsByDivision } from './figures.repo.ts';

type Row = LeadFigures['total'];

const emptyRow = (): Row => ({
  byStage: Object.fromEntries(leadStages.map((s) => [s, 0])) as Record<LeadStage, number>,
  newLeads: 0,
  signedCount: 0,
  contractFen: 0,
  landedCount: 0,
  landedFen: 0,
  talents: 0,
});

function add(target: Row, part: Partial<Row>) {
  for (const stage of leadStages) target.byStage[stage] += part.byStage?.[stage] ?? 0;
  target.newLeads += part.newLeads ?? 0;
  target.signedCount += part.signedCount ?? 0;
  target.contractFen = sumFen([target.contractFen, part.contractFen ?? 0]);
  target.landedCount += part.landedCount ?? 0;
  target.landedFen = sumFen([target.landedFen, part.landedFen ?? 0]);
  target.talents += part.talents ?? 0;
}

/**
 * Figures per division and period: one row per child of the chosen division (the user's own by
 * default; the division itself appears too when records sit on it directly), a total, and the
 * same figures by year. Signed and landed counts and amounts fall in the period by their signing
 * and landing dates; talents by their intake date; the stage counts are today's pipeline.
 *
 * @example
 * figures(ctx, { divisionId: hefeiId, from: '2018-01-01' }) // total.signedCount 133, contractFen 4_804_000_000_000
 */
export async function figures(ctx: ActorContext, query: { divisionId?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<LeadFigures> {
  if (query.from && query.to && query.to < query.from) throw fieldError('query.to', 'validation.end_before_start');
  const rootId = query.divisionId ?? ctx.actor.divisionId;
  const root = rootId === null ? null : await divisionInReach(ctx.db, ctx.actor, rootId, 'query.divisionId');
  if (root) assertCan(ctx.actor, 'read', { divisionPath: root.path });
  const period = { from: query.from ?? '0000-01-01', to: query.to ?? '9999-12-31' };
  const subtree = root?.path ?? null;
  const [leads, talents, years] = await Promise.all([
    leadFiguresByDivision(ctx.db, ctx.actor.scopePath, subtree, period),
    talentsByDivision(ctx.db, ctx.actor.scopePath, subtree, period),
    leadFiguresByYear(ctx.db, ctx.actor.scopePath, subtree, period),
  ]);
  // The child of the root each record belongs to (or the root itself for records on it).
  const depth = root ? pathIds(root.path).length : 0;
  const childOf = (path: string) => pathIds(path)[depth] ?? root!.id;
  const rows = new Map<number, Row>();
  const rowOf = (id: number) => rows.get(id) ?? rows.set(id, emptyRow()).get(id)!;
  const total = emptyRow();
  for (const l of leads) {
    const part: Partial<Row> = {
      byStage: { lead: Number(l.stage_lead), talks: Number(l.stage_talks), signed: Number(l.stage_signed), landed: Number(l.stage_landed), dropped: Number(l.stage_dropped) },
      newLeads: Number(l.new_leads),
      signedCount: Number(l.signed_count),
      contractFen: Number(l.contract_fen),
      landedCount: Number(l.landed_count),
      landedFen: Number(l.landed_fen),
    };
    add(rowOf(childOf(l.path)), part);
    add(total, part);
  }
  for (const t of talents) {
    add(rowOf(childOf(t.path)), { talents: Number(t.talents) });
    add(total, { talents: Number(t.talents) });
  }
  const names = new Map((await findDivisionsByIds(ctx.db, [...rows.keys()])).map((d) => [d.id, d.name]));
  const byYear = new Map<number, { year: number; signedCount: number; contractFen: number; landedCount: number; landedFen: number; talents: number }>();
  const yearRow = (year: string) => {
    const y = Number(year);
    return byYear.get(y) ?? byYear.set(y, { year: y, signedCount: 0, contractFen: 0, landedCount: 0, landedFen: 0, talents: 0 }).get(y)!;
  };
  for (const s of years.signed) Object.assign(yearRow(s.year), { signedCount: Number(s.n), contractFen: Number(s.fen) });
  for (const l of years.landed) Object.assign(yearRow(l.year), { landedCount: Number(l.n), landedFen: Number(l.fen) });
  for (const t of years.talents) yearRow(t.year).talents = Number(t.n);
  return {
    divisionId: root?.id ?? null,
    divisionName: root?.name ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    total,
    rows: [...rows.entries()].map(([divisionId, row]) => ({ divisionId, divisionName: names.get(divisionId) ?? '', ...row })).sort((a, b) => b.contractFen - a.contractFen || a.divisionId - b.divisionId),
    byYear: [...byYear.values()].sort((a, b) => a.year - b.year),
  };
}
