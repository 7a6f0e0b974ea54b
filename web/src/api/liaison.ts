import type { Contact, ContactCreate, MeetingQuarter, Page, Relationship, RelationshipCreate, RelationshipUpdate } from '@tongxin/core';
import { api } from './client.ts';

export interface RelationshipFilters {
  q?: string;
  divisionId?: number;
  mine?: 'true';
  page: number;
  pageSize: number;
}

export type RelationshipDetail = Relationship & { recentContacts: Contact[]; allowed: string[] };

export const liaisonKeys = {
  all: ['liaison'] as const,
  list: (filters: Partial<RelationshipFilters>) => ['liaison', 'list', filters] as const,
  reminders: (filters: Partial<RelationshipFilters>) => ['liaison', 'reminders', filters] as const,
  detail: (id: number) => ['liaison', 'detail', id] as const,
  contacts: (id: number, page: number) => ['liaison', 'contacts', id, page] as const,
};

export function listRelationships(filters: Partial<RelationshipFilters>): Promise<Page<Relationship>> {
  return api.get<Page<Relationship>>('/api/liaison/relationships', { ...filters });
}

export function listReminders(filters: Partial<RelationshipFilters>): Promise<Page<Relationship>> {
  const { q: _q, ...rest } = filters;
  return api.get<Page<Relationship>>('/api/liaison/reminders', { ...rest });
}

export function fetchRelationship(id: number): Promise<RelationshipDetail> {
  return api.get<RelationshipDetail>(`/api/liaison/relationships/${id}`);
}

export function listContacts(id: number, page: number, pageSize = 20): Promise<Page<Contact>> {
  return api.get<Page<Contact>>(`/api/liaison/relationships/${id}/contacts`, { page, pageSize });
}

export function addContact(id: number, input: ContactCreate): Promise<Contact> {
  return api.post<Contact>(`/api/liaison/relationships/${id}/contacts`, input);
}

export function createRelationship(input: RelationshipCreate): Promise<RelationshipDetail> {
  return api.post<RelationshipDetail>('/api/liaison/relationships', input);
}

export function updateRelationship(id: number, input: RelationshipUpdate): Promise<RelationshipDetail> {
  return api.patch<RelationshipDetail>(`/api/liaison/relationships/${id}`, input);
}

/** 季度座谈会: seminars per quarter of a year (the meetings are activities of kind `seminar`). */
export function meetingQuarters(year: number, divisionId: number | undefined): Promise<MeetingQuarter[]> {
  return api.get<MeetingQuarter[]>('/api/liaison/meeting-quarters', { year, divisionId });
}
