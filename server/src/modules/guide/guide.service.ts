import { isMobilePhone, type GuideDivision, type GuideQuery, type GuideVenue } from '@tongxin/core';
import { notFound } from '../../kernel/errors.ts';
import type { RequestContext } from '../../http/context.ts';
import { listChildren } from '../divisions/index.ts';
import { divisionNamesByPath, findDivisionForRecord } from '../venues/registry-lookups.ts';
import { publicVenueCounts, searchPublicVenues } from './guide.repo.ts';

/**
 * The public service guide 服务指南: anyone, signed in or not, reads the public venues of a
 * division's subtree. A hotline that is a mobile number is withheld: the write rules refuse one on
 * a public venue, and this guards rows that arrived another way (an import, an older record).
 */
export async function guide(ctx: RequestContext, query: GuideQuery) {
  let subtreePath: string | null = null;
  if (query.divisionId !== undefined) {
    const division = await findDivisionForRecord(ctx.db, query.divisionId);
    if (!division) throw notFound('division');
    subtreePath = division.path;
  }
  const { rows, total } = await searchPublicVenues(ctx.db, { subtreePath, q: query.q, type: query.type, page: query.page, pageSize: query.pageSize });
  const names = await divisionNamesByPath(ctx.db, rows.map((row) => row.division_path));
  const items: GuideVenue[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    level: row.level,
    starRating: row.star_rating,
    address: row.address,
    hotline: row.hotline !== null && isMobilePhone(row.hotline) ? null : row.hotline,
    openingHours: row.opening_hours,
    divisionId: row.division_id,
    divisionPath: names.get(row.division_path) ?? [],
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Divisions to choose from in the guide: the top level, or the children of `parentId`, each with
 * the number of public venues in its subtree. Divisions with none are left out.
 */
export async function divisions(ctx: RequestContext, parentId: number | undefined): Promise<GuideDivision[]> {
  if (parentId !== undefined && !(await findDivisionForRecord(ctx.db, parentId))) throw notFound('division');
  const [children, counts] = await Promise.all([listChildren(ctx.db, parentId ?? null), publicVenueCounts(ctx.db)]);
  return children
    .map((child) => {
      const inside = counts.filter((count) => count.path.startsWith(child.path));
      return {
        id: child.id,
        name: child.name,
        level: child.level,
        venueCount: inside.reduce((sum, count) => sum + count.n, 0),
        hasChildren: inside.some((count) => count.path !== child.path),
      };
    })
    .filter((division) => division.venueCount > 0);
}
