import type { Executor } from '../db/database.ts';
import { nowIso, type RequestContext } from '../http/context.ts';
import { insertAuditEntry } from './audit-log.repo.ts';

export interface AuditEvent {
  action: string;
  entity: string;
  entityId: string | number | null;
  divisionId: number | null;
  detail?: Record<string, unknown> | null;
  /** For events without a signed-in actor (a failed sign-in names who was tried). */
  actorName?: string;
}

/**
 * Write one audit entry. Call it with the transaction that made the change, so the entry exists
 * if and only if the change does.
 */
export async function recordAudit(db: Executor, ctx: RequestContext, event: AuditEvent): Promise<void> {
  await insertAuditEntry(db, {
    at: nowIso(ctx),
    actorId: ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null,
    actorName: event.actorName ?? ctx.actor?.displayName ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    divisionId: event.divisionId,
    ip: ctx.ip,
    requestId: ctx.requestId,
    detail: event.detail ?? null,
  });
}
