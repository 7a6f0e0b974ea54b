import type { ImportDuplicateMode, ImportJob, ImportJobDetail } from '@tongxin/core';
import { api, requestFile, type DownloadedFile } from './client.ts';

/** Lists with an Excel import: `organisation`, `person`, `membership`, … (the server's entity codes). */
export type ImportEntity = string;

export type PreviewFilter = 'all' | 'problems' | 'duplicates' | 'ok';

export const importKeys = {
  entities: ['imports', 'entities'] as const,
  job: (id: number, only: PreviewFilter, page: number) => ['imports', 'job', id, only, page] as const,
};

/** The lists this user may import (others are left out by the server). */
export function listImportEntities(): Promise<Array<{ entity: string; label: string }>> {
  return api.get<Array<{ entity: string; label: string }>>('/api/imports');
}

export function downloadTemplate(entity: ImportEntity): Promise<DownloadedFile> {
  return requestFile(`/api/imports/${entity}/template`, undefined, `${entity}-template.xlsx`);
}

/** Upload an .xlsx: the header row is checked at once, the rows in the background (202 + a job). */
export function uploadImport(entity: ImportEntity, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportJob>(`/api/imports/${entity}`, form);
}

export function fetchImportJob(id: number, query: { only: PreviewFilter; page: number; pageSize: number }): Promise<ImportJobDetail> {
  return api.get<ImportJobDetail>(`/api/imports/jobs/${id}`, { ...query });
}

/** Write every row or none (409 while any row has a problem). */
export function confirmImport(id: number, duplicates: ImportDuplicateMode): Promise<ImportJob> {
  return api.post<ImportJob>(`/api/imports/jobs/${id}/confirm`, { duplicates });
}

/**
 * The lists with an Excel export (`GET <path>?<the list's filters>`, phones masked by the server,
 * audited as `<entity>.export`). A list shows its export button only when it is named here.
 * The members of one organisation export from `/api/organisations/:id/members/export`.
 */
/** Lists whose export lives under a record (a programme's pairs, a campaign's books, a competition's results) pass their own `path`. */
type RecordExport = 'pair' | 'pledge' | 'receipt' | 'competition_result';
export const exportPaths: Partial<Record<'organisation' | 'person' | 'venue' | 'resource' | 'brand' | 'membership' | 'activity' | 'project' | 'case' | 'need' | 'lead' | 'programme' | 'liaison' | 'assessment' | RecordExport, string>> = {
  // insight (issue 16): the remaining lists.
  programme: '/api/pairing-programmes/export',
  liaison: '/api/liaison/relationships/export',
  assessment: '/api/assessments/export',
  // Work and request lists (issue 16): the same audited, masked export.
  activity: '/api/activities/export',
  project: '/api/projects/export',
  case: '/api/cases/export',
  need: '/api/needs/export',
  lead: '/api/leads/export',
  organisation: '/api/organisations/export',
  person: '/api/people/export',
  venue: '/api/venues/export',
  resource: '/api/resources/export',
  brand: '/api/brands/export',
};

export function downloadExport(path: string, filters: Record<string, string | number | boolean | null | undefined>): Promise<DownloadedFile> {
  return requestFile(path, filters, 'export.xlsx');
}
