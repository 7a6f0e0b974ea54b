import type { InstanceFacts } from '@tongxin/core';
import type { RequestContext } from '../../http/context.ts';
import { demoDataLoadedAt } from './meta.repo.ts';

/**
 * What the signed-out pages may know about this installation. Only whether the demo data set is
 * loaded: a real office's sign-in page must not offer the demo account's password.
 */
export async function instanceFacts(ctx: RequestContext): Promise<InstanceFacts> {
  return { demoData: (await demoDataLoadedAt(ctx.db)) !== null };
}
