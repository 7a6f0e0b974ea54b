import type { ClosedLoop, MilestoneCreate, MilestoneUpdate, Page, Project, ProjectCreate, ProjectDetail, ProjectStatus, ProjectUpdate } from '@tongxin/core';
import { api } from './client.ts';

export interface ProjectFilters {
  q?: string;
  status?: ProjectStatus;
  divisionId?: number;
  /** The responsible unit. */
  organisationId?: number;
  overdue?: 'true';
  page: number;
  pageSize: number;
}

export const projectKeys = {
  all: ['projects'] as const,
  list: (filters: Partial<ProjectFilters>) => ['projects', 'list', filters] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
  closedLoop: (divisionId: number | undefined) => ['projects', 'closed-loop', divisionId ?? null] as const,
};

export function listProjects(filters: Partial<ProjectFilters>): Promise<Page<Project>> {
  return api.get<Page<Project>>('/api/projects', { ...filters });
}

export function fetchProject(id: number): Promise<ProjectDetail> {
  return api.get<ProjectDetail>(`/api/projects/${id}`);
}

export function fetchClosedLoop(divisionId?: number): Promise<ClosedLoop> {
  return api.get<ClosedLoop>('/api/projects/closed-loop', { divisionId });
}

export function createProject(input: ProjectCreate): Promise<ProjectDetail> {
  return api.post<ProjectDetail>('/api/projects', input);
}

export function updateProject(id: number, input: ProjectUpdate): Promise<ProjectDetail> {
  return api.patch<ProjectDetail>(`/api/projects/${id}`, input);
}

export function transitionProject(id: number, input: { to: ProjectStatus; note?: string | null; version: number }): Promise<ProjectDetail> {
  return api.post<ProjectDetail>(`/api/projects/${id}/transitions`, input);
}

export function addMilestone(projectId: number, input: MilestoneCreate): Promise<ProjectDetail> {
  return api.post<ProjectDetail>(`/api/projects/${projectId}/milestones`, input);
}

export function updateMilestone(projectId: number, milestoneId: number, input: MilestoneUpdate): Promise<ProjectDetail> {
  return api.patch<ProjectDetail>(`/api/projects/${projectId}/milestones/${milestoneId}`, input);
}
