import { shanghaiToday } from '@tongxin/core';
import type { SeedContext } from './context.ts';
import { userByName } from './work.insert.ts';

/** What every part of the work seed needs: the demo's today (Asia/Shanghai), its year, an author. */
export interface WorkSeedDates {
  today: string;
  year: number;
  yearStart: string;
  author: { id: number | null; name: string | null };
}

export async function workSeedDates(ctx: SeedContext): Promise<WorkSeedDates> {
  const today = shanghaiToday(new Date(ctx.at));
  const year = Number(today.slice(0, 4));
  const admin = await userByName(ctx, 'admin');
  return { today, year, yearStart: `${year}-01-01`, author: { id: admin?.id ?? null, name: admin?.display_name ?? null } };
}

/** Counts for the seed's log line. */
export interface WorkCounts {
  projects: number;
  activities: number;
  programmes: number;
  pairs: number;
  relationships: number;
  contacts: number;
  organisations: number;
}

export const emptyCounts = (): WorkCounts => ({ projects: 0, activities: 0, programmes: 0, pairs: 0, relationships: 0, contacts: 0, organisations: 0 });
