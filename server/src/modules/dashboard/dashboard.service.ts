import type { Dashboard, DashboardBreakdown, DashboardQuery } from '@tongxin/core';
import type { ActorContext } from '../../http/context.ts';

/** Every figure of the reader's subtree (or a division of it) for the period. */
export async function figures(_ctx: ActorContext, _query: DashboardQuery): Promise<Dashboard> {
  throw new Error('dashboard: not implemented yet');
}

/** Headline figures per child division. */
export async function breakdown(_ctx: ActorContext, _query: DashboardQuery): Promise<DashboardBreakdown> {
  throw new Error('dashboard: not implemented yet');
}
