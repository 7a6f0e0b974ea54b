import type { AuditEntry, AuditQuery } from '@tongxin/core';
import type { Executor } from '../../db/database.ts';
import type { AuditRow } from '../../db/types.ts';
import { divisionInScope } from '../../kernel/division-scope.ts';

// Writing an entry is the kernel's (kernel/audit-log.repo.ts); re-exported for existing importers.
export { insertAuditEntry, type NewAuditEntry } from '../../kernel/audit-log.repo.ts';

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    divisionId: row.division_id,
    ip: row.ip,
    requestId: row.request_id,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  };
}

/**
 * Entries inside the scope: those about a division in the subtree. Entries with no division
 * (system-wide events) are visible to the whole-tree scope only.
 */
export async function listAuditEntries(db: Executor, scopePath: string | null, query: AuditQuery) {
  let base = db.selectFrom('audit_log');
  if (scopePath !== null) base = base.where(divisionInScope('audit_log.division_id', scopePath));
  if (query.actorId) base = base.where('actor_id', '=', query.actorId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.entity) base = base.where('entity', '=', query.entity);
  if (query.entityId) base = base.where('entity_id', '=', query.entityId);
  // Days are Beijing days: a user who asks for 11-25 means 11-25 00:00 to 24:00 at UTC+8.
  if (query.from) base = base.where('at', '>=', new Date(`${query.from}T00:00:00+08:00`).toISOString());
  if (query.to) base = base.where('at', '<', new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString());
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toEntry), total: Number(count.n), page: query.page, pageSize: query.pageSize };
}
