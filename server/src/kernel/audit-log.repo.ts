import type { Executor } from '../db/database.ts';

/*
 * Writing one audit entry. In the kernel because every module audits in its own transaction and
 * shared helpers (exports) audit too; the audit module keeps the reading side (list, filters).
 */

export interface NewAuditEntry {
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  divisionId: number | null;
  ip: string | null;
  requestId: string | null;
  detail?: Record<string, unknown> | null;
}

export async function insertAuditEntry(db: Executor, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      division_id: entry.divisionId,
      ip: entry.ip,
      request_id: entry.requestId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}
