import type { Activity, ActivityCreate, ActivityDetail, ActivityKind, ActivityUpdate, Page } from '@tongxin/core';
import { api } from './client.ts';

export interface ActivityFilters {
  q?: string;
  kind?: ActivityKind;
  venueId?: number;
  projectId?: number;
  pairId?: number;
  organisationId?: number;
  divisionId?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (filters: Partial<ActivityFilters>) => ['activities', 'list', filters] as const,
  detail: (id: number) => ['activities', 'detail', id] as const,
};

export function listActivities(filters: Partial<ActivityFilters>): Promise<Page<Activity>> {
  return api.get<Page<Activity>>('/api/activities', { ...filters });
}

export function fetchActivity(id: number): Promise<ActivityDetail> {
  return api.get<ActivityDetail>(`/api/activities/${id}`);
}

export function createActivity(input: ActivityCreate): Promise<ActivityDetail> {
  return api.post<ActivityDetail>('/api/activities', input);
}

export function updateActivity(id: number, input: ActivityUpdate): Promise<ActivityDetail> {
  return api.patch<ActivityDetail>(`/api/activities/${id}`, input);
}

export function archiveActivity(id: number, version: number): Promise<ActivityDetail> {
  return api.post<ActivityDetail>(`/api/activities/${id}/archive`, { version });
}
