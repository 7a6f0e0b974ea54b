import type { Assessment, AssessmentDetail, ChecklistCreate, ChecklistOutput, Page, SheetSave, StarHistory } from '@tongxin/core';
import { api } from './client.ts';

export interface AssessmentFilters {
  checklistId?: number;
  venueId?: number;
  divisionId?: number;
  year?: number;
  status?: 'draft' | 'final';
  page: number;
  pageSize: number;
}

export interface ChecklistFilters {
  year?: number;
  venueType?: string;
  page: number;
  pageSize: number;
}

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (filters: Partial<AssessmentFilters>) => ['assessments', 'list', filters] as const,
  checklists: (filters: Partial<ChecklistFilters>) => ['assessments', 'checklists', filters] as const,
  detail: (id: number) => ['assessments', 'detail', id] as const,
  stars: (venueId: number) => ['assessments', 'stars', venueId] as const,
};

export const listAssessments = (filters: Partial<AssessmentFilters>) => api.get<Page<Assessment>>('/api/assessments', { ...filters });
export const fetchAssessment = (id: number) => api.get<AssessmentDetail>(`/api/assessments/${id}`);
export const saveMySheet = (id: number, input: SheetSave) => api.put<AssessmentDetail>(`/api/assessments/${id}/sheets/mine`, input);
export const finaliseAssessment = (id: number, version: number) => api.post<AssessmentDetail>(`/api/assessments/${id}/finalise`, { version });
export const reopenAssessment = (id: number, version: number) => api.post<AssessmentDetail>(`/api/assessments/${id}/reopen`, { version });
export const fetchStarHistory = (venueId: number) => api.get<StarHistory>(`/api/assessments/venues/${venueId}/star-history`);

export const listChecklists = (filters: Partial<ChecklistFilters>) => api.get<Page<ChecklistOutput>>('/api/assessment-checklists', { ...filters });
export const createChecklist = (input: ChecklistCreate) => api.post<ChecklistOutput>('/api/assessment-checklists', input);
/** Open draft assessments for every venue of the checklist's type in its subtree. */
export const openAssessments = (checklistId: number) => api.post<{ created: number; skipped: number }>(`/api/assessment-checklists/${checklistId}/assessments`, {});
