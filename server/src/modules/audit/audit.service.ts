import type { AuditQuery } from '@tongxin/core';
import type { ActorContext } from '../../http/context.ts';
import { listAuditEntries } from './audit.repo.ts';
import { assertCan } from './audit.policy.ts';

// Writing an entry is the kernel's (kernel/audit-log.ts); re-exported for existing importers.
export { recordAudit, type AuditEvent } from '../../kernel/audit-log.ts';

export async function listAudit(ctx: ActorContext, query: AuditQuery) {
  assertCan(ctx.actor, 'list');
  return listAuditEntries(ctx.db, ctx.actor.scopePath, query);
}
