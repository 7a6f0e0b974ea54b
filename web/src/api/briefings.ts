import type { Page } from '@tongxin/core';
import type { Briefing, BriefingDetail, BriefingExportFormat, BriefingSectionKey } from '@tongxin/core/briefings/index';
import { api, requestFile, type DownloadedFile } from './client.ts';

export interface BriefingFilters {
  divisionId?: number;
  page: number;
  pageSize: number;
}

export const briefingKeys = {
  all: ['briefings'] as const,
  list: (filters: BriefingFilters) => ['briefings', 'list', filters] as const,
  detail: (id: number) => ['briefings', 'detail', id] as const,
};

export function listBriefings(filters: BriefingFilters): Promise<Page<Briefing>> {
  return api.get<Page<Briefing>>('/api/briefings', { ...filters });
}

export function fetchBriefing(id: number): Promise<BriefingDetail> {
  return api.get<BriefingDetail>(`/api/briefings/${id}`);
}

export function createBriefing(input: { divisionId: number; from: string; to: string; title?: string }): Promise<Briefing> {
  return api.post<Briefing>('/api/briefings', input);
}

export function saveBriefing(id: number, input: { version: number; title?: string; sections: Array<{ key: BriefingSectionKey; text: string }> }): Promise<Briefing> {
  return api.patch<Briefing>(`/api/briefings/${id}`, input);
}

export function exportBriefing(id: number, format: BriefingExportFormat, revision?: number): Promise<DownloadedFile> {
  return requestFile(`/api/briefings/${id}/export`, { format, ...(revision ? { revision } : {}) }, `briefing-${id}.${format}`);
}
