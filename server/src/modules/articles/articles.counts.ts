import { mediaLevels, type ArticleCountRow, type ArticleCounts, type ArticleCountsQuery } from '@tongxin/core';
import { fieldError } from '../../kernel/errors.ts';
import type { ActorContext } from '../../http/context.ts';
import { findDivision, listChildren } from '../divisions/index.ts';
import { sql } from 'kysely';
import { divisionInReach } from '../../kernel/scope.ts';
import { divisionInScope } from '../divisions/divisions.scope.ts';
import { assertCan } from './articles.policy.ts';
import { countArticlesByPathLevelMonth } from './articles.repo.ts';

type Level = (typeof mediaLevels)[number] | 'unknown';

/** `2026-03` → the period label asked for. */
function periodOf(month: string | null, period: ArticleCountsQuery['period']): string | null {
  if (period === 'all' || month === null) return null;
  if (period === 'year') return month.slice(0, 4);
  if (period === 'quarter') return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  return month;
}

/**
 * Publicity counts by medium level, per period, for a division's subtree and, with
 * `by=children`, per child division (each with its own subtree) plus the division itself. Each
 * report counts once: archived articles and copies of another article are left out (a copy
 * counts when its original was archived). Articles without a date count only when no period
 * bounds are given, under period null. Rows with no article are omitted.
 *
 * @example await counts(ctx, { divisionId: 2, period: 'year', by: 'children' })
 */
export async function counts(ctx: ActorContext, query: ArticleCountsQuery): Promise<ArticleCounts> {
  const divisionId = query.divisionId ?? ctx.actor.divisionId;
  const own = divisionId === null ? null : await divisionInReach(ctx.db, ctx.actor, divisionId, 'query.divisionId');
  if (own) assertCan(ctx.actor, 'read', { divisionPath: own.path });
  const subtreePath = own?.path ?? '';
  const grouped = await countArticlesByPathLevelMonth(ctx.db, { scopePath: ctx.actor.scopePath, subtreePath, from: query.from, to: query.to });

  const children = new Map<string, { id: number; name: string }>();
  if (query.by === 'children') {
    for (const row of await listChildren(ctx.db, divisionId)) children.set(String(row.id), { id: row.id, name: row.name });
  }

  const rows = new Map<string, ArticleCountRow>();
  for (const row of grouped) {
    let target: { id: number | null; name: string | null; own: boolean } = { id: own?.id ?? null, name: own?.name ?? null, own: false };
    if (query.by === 'children') {
      const childId = row.path.slice(subtreePath.length || 1).split('/')[0] ?? '';
      const child = children.get(childId);
      target = child ? { id: child.id, name: child.name, own: false } : { id: own?.id ?? null, name: own?.name ?? null, own: true };
    }
    const period = periodOf(row.month, query.period);
    const key = `${target.id ?? ''}|${target.own}|${period ?? ''}`;
    const entry = rows.get(key) ?? { divisionId: target.id, divisionName: target.name, own: target.own, period, central: 0, provincial: 0, municipal: 0, local: 0, unknown: 0, total: 0 };
    const level: Level = mediaLevels.includes(row.level as (typeof mediaLevels)[number]) ? (row.level as Level) : 'unknown';
    entry[level] += Number(row.n);
    entry.total += Number(row.n);
    rows.set(key, entry);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => (a.period ?? '').localeCompare(b.period ?? '') || Number(b.own) - Number(a.own) || (a.divisionName ?? '').localeCompare(b.divisionName ?? '', 'zh'),
  );
  return { divisionId, period: query.period, rows: sorted };
}
