import type { AuditEntry, Page } from '@tongxin/core';
import { api } from './client.ts';

export interface AuditFilters {
  action?: string;
  entity?: string;
  entityId?: string;
  actorId?: number;
  /** Calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

export function listAudit(filters: AuditFilters): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/api/audit', { ...filters });
}
