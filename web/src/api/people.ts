import type { MembershipRole, Page, Person, PersonDetail } from '@tongxin/core';
import type { ArchivedState } from './registry-enums.ts';
import { api } from './client.ts';

export type PersonSortKey = 'name' | 'position' | 'createdAt' | 'updatedAt';
export const personSortKeys: readonly PersonSortKey[] = ['name', 'position', 'createdAt', 'updatedAt'];

export interface PersonFilters {
  q?: string;
  divisionId?: number;
  organisationId?: number;
  role?: MembershipRole;
  archived?: ArchivedState;
  sort?: PersonSortKey;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Name, phone, organisation, position: there is no field for anything more personal. */
export interface PersonInput {
  divisionId: number;
  name: string;
  phone: string | null;
  organisationId: number | null;
  position: string | null;
}

export const personKeys = {
  all: ['people'] as const,
  list: (filters: Partial<PersonFilters>) => ['people', 'list', filters] as const,
  detail: (id: number) => ['people', 'detail', id] as const,
};

export function listPeople(filters: Partial<PersonFilters>): Promise<Page<Person>> {
  return api.get<Page<Person>>('/api/people', { ...filters });
}

export function fetchPerson(id: number): Promise<PersonDetail> {
  return api.get<PersonDetail>(`/api/people/${id}`);
}

export function createPerson(input: PersonInput): Promise<Person> {
  return api.post<Person>('/api/people', input);
}

export function updatePerson(id: number, input: Partial<PersonInput> & { version: number }): Promise<Person> {
  return api.patch<Person>(`/api/people/${id}`, input);
}

export function setPersonArchived(id: number, archived: boolean, version: number): Promise<Person> {
  return api.post<Person>(`/api/people/${id}/${archived ? 'archive' : 'unarchive'}`, { version });
}

/** The full number; the server records who asked. */
export function revealPersonPhone(id: number): Promise<{ phone: string | null }> {
  return api.post<{ phone: string | null }>(`/api/people/${id}/reveal-phone`);
}
