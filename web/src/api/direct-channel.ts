import type { DcAssignment, DcAssignInput, DcReport, DcReportCreate, DcReportDetail, Page } from '@tongxin/core';
import { api } from './client.ts';

/** The direct channel (直通车): reports, instructions, assignments and supervision. */
export interface DcFilters {
  q?: string;
  state?: string;
  page: number;
  pageSize: number;
}

export const dcKeys = {
  all: ['direct-channel'] as const,
  list: (filters: Partial<DcFilters>) => ['direct-channel', 'list', filters] as const,
  detail: (id: number) => ['direct-channel', 'detail', id] as const,
  supervision: (overdue: boolean) => ['direct-channel', 'supervision', overdue] as const,
};

const base = '/api/direct-channel';
export const listReports = (filters: Partial<DcFilters>) => api.get<Page<DcReport>>(`${base}/reports`, { ...filters });
export const fetchReport = (id: number) => api.get<DcReportDetail>(`${base}/reports/${id}`);
export const createReport = (input: DcReportCreate) => api.post<DcReportDetail>(`${base}/reports`, input);
export const instructReport = (id: number, input: { leaderName: string; content: string; version: number }) => api.post<DcReportDetail>(`${base}/reports/${id}/instructions`, input);
export const assignReport = (id: number, input: DcAssignInput) => api.post<DcReportDetail>(`${base}/reports/${id}/assignments`, input);
export const fetchSupervision = (overdue: boolean) => api.get<DcAssignment[]>(`${base}/supervision`, { overdue: overdue ? 'true' : undefined, state: 'assigned,accepted' });
export const acceptAssignment = (id: number, version: number) => api.post<DcReportDetail>(`${base}/assignments/${id}/accept`, { version });
export const completeAssignment = (id: number, evidence: string, version: number) => api.post<DcReportDetail>(`${base}/assignments/${id}/complete`, { evidence, version });
export const remindAssignment = (id: number) => api.post<DcReportDetail>(`${base}/assignments/${id}/remind`, {});
