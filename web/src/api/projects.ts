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
  closedLoop: (filters: ClosedLoopFilters) => ['projects', 'closed-loop', filters] as const,
};

export function listProjects(filters: Partial<ProjectFilters>): Promise<Page<Project>> {
  return api.get<Page<Project>>('/api/projects', { ...filters });
}

export function fetchProject(id: number): Promise<ProjectDetail> {
  return api.get<ProjectDetail>(`/api/projects/${id}`);
}

/** The closed-loop table's filters, as the URL holds them. */
export interface ClosedLoopFilters {
  divisionId?: number | undefined;
  q?: string | undefined;
  status?: ProjectStatus | undefined;
  organisationId?: number | undefined;
  problem?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export function fetchClosedLoop(filters: ClosedLoopFilters): Promise<ClosedLoop> {
  return api.get<ClosedLoop>('/api/projects/closed-loop', { ...filters });
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
