import type { Membership, MembershipRole, Organisation, OrganisationDetail, OrganisationType, ListPage, Page } from '@tongxin/core';
import type { ArchivedState } from './registry-enums.ts';
import { api } from './client.ts';

export type OrganisationSortKey = 'name' | 'type' | 'foundedOn' | 'createdAt' | 'updatedAt';
export const organisationSortKeys: readonly OrganisationSortKey[] = ['name', 'type', 'foundedOn', 'createdAt', 'updatedAt'];

export interface OrganisationFilters {
  q?: string;
  divisionId?: number;
  /** Comma-separated type codes. */
  type?: string;
  parentId?: number;
  archived?: ArchivedState;
  sort?: OrganisationSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface OrganisationInput {
  divisionId: number;
  name: string;
  type: OrganisationType;
  parentId: number | null;
  foundedOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  description: string | null;
}

export interface MemberFilters {
  kind?: 'organisation' | 'person';
  role?: MembershipRole;
  current?: 'true' | 'false' | 'all';
  q?: string;
  page: number;
  pageSize: number;
}

export interface MembershipInput {
  memberOrganisationId?: number;
  memberPersonId?: number;
  role: MembershipRole;
  since: string | null;
  until: string | null;
}

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (filters: Partial<OrganisationFilters>) => ['organisations', 'list', filters] as const,
  detail: (id: number) => ['organisations', 'detail', id] as const,
  members: (id: number, filters: MemberFilters) => ['organisations', 'members', id, filters] as const,
};

export function listOrganisations(filters: Partial<OrganisationFilters>): Promise<ListPage<Organisation>> {
  return api.get<ListPage<Organisation>>('/api/organisations', { ...filters });
}

export function fetchOrganisation(id: number): Promise<OrganisationDetail> {
  return api.get<OrganisationDetail>(`/api/organisations/${id}`);
}

export function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  return api.post<Organisation>('/api/organisations', input);
}

export function updateOrganisation(id: number, input: Partial<OrganisationInput> & { version: number }): Promise<Organisation> {
  return api.patch<Organisation>(`/api/organisations/${id}`, input);
}

export function setOrganisationArchived(id: number, archived: boolean, version: number): Promise<Organisation> {
  return api.post<Organisation>(`/api/organisations/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}

export function revealOrganisationPhone(id: number): Promise<{ phone: string | null }> {
  return api.post<{ phone: string | null }>(`/api/organisations/${id}/reveal-phone`);
}

export function listMembers(id: number, filters: MemberFilters): Promise<Page<Membership>> {
  return api.get<Page<Membership>>(`/api/organisations/${id}/members`, { ...filters });
}

export function addMember(id: number, input: MembershipInput): Promise<Membership> {
  return api.post<Membership>(`/api/organisations/${id}/members`, input);
}

export function updateMembership(id: number, input: { role?: MembershipRole; since?: string | null; until?: string | null; version: number }): Promise<Membership> {
  return api.patch<Membership>(`/api/memberships/${id}`, input);
}

export function endMembership(id: number, version: number, until?: string): Promise<Membership> {
  return api.post<Membership>(`/api/memberships/${id}/end`, until ? { version, until } : { version });
}
