import type { Page, Resource, ResourceDetail, ResourceKind, ResourceSortKey, ServiceKind } from '@tongxin/core';
import type { ArchivedState } from './registry-enums.ts';
import { api } from './client.ts';

export const resourceSortKeys: readonly ResourceSortKey[] = ['name', 'kind', 'createdAt', 'updatedAt'];

export interface ResourceFilters {
  q?: string;
  divisionId?: number;
  /** Comma-separated kinds. */
  kind?: string;
  /** Comma-separated service kind ids: resources offering ANY of them. */
  serviceKindId?: string;
  organisationId?: number;
  personId?: number;
  archived?: ArchivedState;
  sort?: ResourceSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface ResourceInput {
  divisionId: number;
  kind: ResourceKind;
  name: string;
  organisationId: number | null;
  personId: number | null;
  contactPhone: string | null;
  description: string | null;
  serviceKindIds: number[];
}

export type ServiceKindWithCount = ServiceKind & { resourceCount: number };

export const resourceKeys = {
  all: ['resources'] as const,
  list: (filters: Partial<ResourceFilters>) => ['resources', 'list', filters] as const,
  detail: (id: number) => ['resources', 'detail', id] as const,
};

export const serviceKindKeys = {
  all: ['service-kinds'] as const,
  list: (archived: ArchivedState) => ['service-kinds', archived] as const,
};

export function listResources(filters: Partial<ResourceFilters>): Promise<Page<Resource>> {
  return api.get<Page<Resource>>('/api/resources', { ...filters });
}

export function fetchResource(id: number): Promise<ResourceDetail> {
  return api.get<ResourceDetail>(`/api/resources/${id}`);
}

export function createResource(input: ResourceInput): Promise<Resource> {
  return api.post<Resource>('/api/resources', input);
}

export function updateResource(id: number, input: Partial<ResourceInput> & { version: number }): Promise<Resource> {
  return api.patch<Resource>(`/api/resources/${id}`, input);
}

export function setResourceArchived(id: number, archived: boolean, version: number): Promise<Resource> {
  return api.post<Resource>(`/api/resources/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}

export function revealResourcePhone(id: number): Promise<{ phone: string | null }> {
  return api.post<{ phone: string | null }>(`/api/resources/${id}/reveal-phone`);
}

export function listServiceKinds(archived: ArchivedState = 'false'): Promise<ServiceKindWithCount[]> {
  return api.get<ServiceKindWithCount[]>('/api/service-kinds', { archived });
}

export function createServiceKind(input: { code: string; name: string; sortOrder?: number }): Promise<ServiceKind> {
  return api.post<ServiceKind>('/api/service-kinds', input);
}

export function updateServiceKind(id: number, input: { name?: string; sortOrder?: number; version: number }): Promise<ServiceKind> {
  return api.patch<ServiceKind>(`/api/service-kinds/${id}`, input);
}

export function setServiceKindArchived(id: number, archived: boolean, version: number): Promise<ServiceKind> {
  return api.post<ServiceKind>(`/api/service-kinds/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}
